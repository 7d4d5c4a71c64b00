/** The rubric's metadata: titles, source, dates, changelog, rounding and the input mapping. */
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ListField } from './ListField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const ROUNDING = ['half-up', 'half-even', 'down', 'up'] as const;

/** `mappingEditor`: the input mapping section (InputMappingEditor), which needs the rubric's saved versions. */
export function MetadataEditor({ mappingEditor }: { mappingEditor?: ReactNode }) {
  const { doc } = useEditor();
  const { t } = useLanguage();
  return (
    <div className="metadata">
      <FieldIssues pointer="" />
      <div className="row">
        <div className="field">
          <span className="label">{t('editor.meta.id')}</span>
          <output>{doc.id}</output>
        </div>
        <div className="field">
          <span className="label">{t('editor.meta.version')}</span>
          <output>{doc.version}</output>
        </div>
        <div className="field">
          <span className="label">{t('editor.meta.status')}</span>
          <output>{t(`status.${doc.status}`)}</output>
        </div>
        <TextField path={['effectiveDate']} label={t('editor.meta.effectiveDate')} type="date" />
      </div>
      <LocalizedField path={['title']} label={t('editor.meta.title')} />
      <LocalizedField path={['description']} label={t('editor.meta.description')} multiline />
      <fieldset>
        <legend>{t('editor.meta.source')}</legend>
        <LocalizedField path={['source', 'title']} label={t('editor.meta.sourceTitle')} />
        <div className="row">
          <ListField path={['source', 'clauses']} label={t('editor.meta.clauses')} />
          <TextField path={['source', 'edition']} label={t('editor.meta.edition')} optional />
        </div>
      </fieldset>
      <TextField path={['changelog']} label={t('editor.meta.changelog')} multiline />
      <fieldset>
        <legend>{t('editor.meta.rounding')}</legend>
        <div className="row">
          <NumberField path={['rounding', 'decimals']} label={t('editor.meta.decimals')} step={1} min={0} />
          <SelectField path={['rounding', 'mode']} label={t('editor.meta.mode')} options={ROUNDING.map((mode) => ({ value: mode, label: t(`rounding.${mode}`) }))} />
        </div>
      </fieldset>
      {mappingEditor}
    </div>
  );
}
