/** The rubric's metadata: titles, source, dates, changelog, rounding and the input mapping. */
import { formatValue, parseValue } from '../model/condition.ts';
import { setAt } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ListField } from './ListField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const ROUNDING = ['half-up', 'half-even', 'down', 'up'].map((m) => ({ value: m, label: m }));

export function MetadataEditor() {
  const { doc, readOnly, edit } = useEditor();
  const mapping = doc.inputMapping;
  const renamed = Object.entries(mapping?.renamed ?? {});
  const defaults = Object.entries(mapping?.defaults ?? {});
  const inputOptions = doc.inputs.map((i) => ({ value: i.id, label: i.id }));
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
      <fieldset>
        <legend>Input mapping from an earlier version (optional)</legend>
        <FieldIssues pointer="/inputMapping" />
        {mapping ? (
          <>
            <TextField path={['inputMapping', 'from']} label="Earlier version" />
            <h5>Renamed inputs</h5>
            {renamed.map(([to, from], i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <div className="row" key={i}>
                <div className="field">
                  <label htmlFor={`renamed-to-${i}`}>New input {i + 1}</label>
                  <select
                    id={`renamed-to-${i}`}
                    value={to}
                    disabled={readOnly}
                    onChange={(e) => edit((d) => setAt(d, ['inputMapping', 'renamed'], Object.fromEntries(renamed.map(([k, v]) => (k === to ? [e.target.value, v] : [k, v])))))}
                  >
                    {!inputOptions.some((o) => o.value === to) && <option value={to}>{to}</option>}
                    {inputOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`renamed-from-${i}`}>Was called</label>
                  <input id={`renamed-from-${i}`} value={from} readOnly={readOnly} onChange={(e) => edit((d) => setAt(d, ['inputMapping', 'renamed', to], e.target.value))} />
                </div>
                {!readOnly && (
                  <button type="button" aria-label={`Remove renamed input ${to}`} onClick={() => edit((d) => setAt(d, ['inputMapping', 'renamed', to], undefined))}>
                    ✕
                  </button>
                )}
              </div>
            ))}
            {!readOnly && (
              <button type="button" onClick={() => edit((d) => setAt(d, ['inputMapping', 'renamed', d.inputs.find((x) => !(x.id in (mapping.renamed ?? {})))?.id ?? 'input'], ''))}>
                + Renamed input
              </button>
            )}
            <h5>Defaults for new inputs</h5>
            {defaults.map(([id, value], i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <div className="row" key={i}>
                <span className="label">{id}</span>
                <div className="field">
                  <label htmlFor={`default-${i}`}>Default of {id}</label>
                  <input
                    id={`default-${i}`}
                    defaultValue={formatValue(value as never)}
                    readOnly={readOnly}
                    onBlur={(e) => edit((d) => setAt(d, ['inputMapping', 'defaults', id], parseValue(e.target.value, 'equal')))}
                  />
                </div>
                {!readOnly && (
                  <button type="button" aria-label={`Remove default of ${id}`} onClick={() => edit((d) => setAt(d, ['inputMapping', 'defaults', id], undefined))}>
                    ✕
                  </button>
                )}
              </div>
            ))}
            {!readOnly && (
              <button type="button" onClick={() => edit((d) => setAt(d, ['inputMapping', 'defaults', d.inputs.find((x) => !(x.id in (mapping.defaults ?? {})))?.id ?? 'input'], 0))}>
                + Default
              </button>
            )}
            {!readOnly && (
              <button type="button" className="danger" onClick={() => edit((d) => setAt(d, ['inputMapping'], undefined))}>
                Remove input mapping
              </button>
            )}
          </>
        ) : (
          !readOnly && (
            <button type="button" onClick={() => edit((d) => setAt(d, ['inputMapping'], { from: '' }))}>
              + Input mapping
            </button>
          )
        )}
      </fieldset>
    </div>
  );
}
