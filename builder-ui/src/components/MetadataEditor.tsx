/** The rubric's metadata: titles, source, dates, changelog, rounding and the input mapping. */
import type { ReactNode } from 'react';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ListField } from './ListField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const ROUNDING = ['half-up', 'half-even', 'down', 'up'].map((m) => ({ value: m, label: m }));

/** `mappingEditor`: the input mapping section (InputMappingEditor), which needs the rubric's saved versions. */
export function MetadataEditor({ mappingEditor }: { mappingEditor?: ReactNode }) {
  const { doc } = useEditor();
  return (
    <div className="metadata">
      <FieldIssues pointer="" />
      <div className="row">
        <div className="field">
          <span className="label">Rubric id</span>
          <output>{doc.id}</output>
        </div>
        <div className="field">
          <span className="label">Version</span>
          <output>{doc.version}</output>
        </div>
        <div className="field">
          <span className="label">Status</span>
          <output>{doc.status}</output>
        </div>
        <TextField path={['effectiveDate']} label="Effective from" type="date" />
      </div>
      <LocalizedField path={['title']} label="Title" />
      <LocalizedField path={['description']} label="Description (optional)" multiline />
      <fieldset>
        <legend>Source</legend>
        <LocalizedField path={['source', 'title']} label="Source title" />
        <div className="row">
          <ListField path={['source', 'clauses']} label="Clauses implemented (comma-separated)" />
          <TextField path={['source', 'edition']} label="Edition (optional)" optional />
        </div>
      </fieldset>
      <TextField path={['changelog']} label="Changelog of this version" multiline />
      <fieldset>
        <legend>Rounding of each criterion's points</legend>
        <div className="row">
          <NumberField path={['rounding', 'decimals']} label="Decimals" step={1} min={0} />
          <SelectField path={['rounding', 'mode']} label="Mode" options={ROUNDING} />
        </div>
      </fieldset>
      {mappingEditor}
    </div>
  );
}
