/**
 * How ambiguous or doubtful source text is read: the section (its issues and "+ Reading") and
 * one reading, tied to the parts it affects.
 */
import { useLanguage } from '../i18n/language.tsx';
import { addItem, newReading } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { ListField } from './ListField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export function ReadingsEditor() {
  const { doc, readOnly, edit, select } = useEditor();
  const { t } = useLanguage();
  return (
    <section className="readings card" aria-labelledby="readings-heading">
      <h2 id="readings-heading">{t('editor.section.readings')}</h2>
      <FieldIssues pointer="/readings" />
      {!readOnly && (
        <div className="actions">
          <span>{t('editor.section.pick')}</span>
          <button
            type="button"
            onClick={() => {
              edit((d) => addItem(d, ['readings'], newReading(d)), { step: true });
              select(`/readings/${doc.readings.length}`);
            }}
          >
            {t('editor.add.reading')}
          </button>
        </div>
      )}
    </section>
  );
}

export function ReadingEditor({ index: i }: { index: number }) {
  const { doc, select } = useEditor();
  const { t, l } = useLanguage();
  const reading = doc.readings[i];
  const pointer = `/readings/${i}`;
  return (
    <section className="card reading" data-pointer={pointer} aria-labelledby={`${pointer}-heading`}>
      <div className="item-header">
        <h2 id={`${pointer}-heading`}>{t('editor.reading.heading', { id: reading.id })}</h2>
        <ItemControls listPath={['readings']} index={i} count={doc.readings.length} name={t('editor.name.reading', { label: l(reading.topic, reading.id) })} onMoved={select} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={['readings', i, 'id']} label={t('editor.reading.id')} />
        <SelectField
          path={['readings', i, 'concern']}
          label={t('editor.reading.concern')}
          options={[
            { value: 'ambiguous', label: t('editor.reading.ambiguous') },
            { value: 'doubt', label: t('editor.reading.doubt') },
          ]}
        />
        <ListField path={['readings', i, 'appliesTo']} label={t('editor.reading.appliesTo')} />
      </div>
      <LocalizedField path={['readings', i, 'topic']} label={t('editor.reading.topic')} multiline />
      <LocalizedField path={['readings', i, 'reading']} label={t('editor.reading.reading')} multiline />
    </section>
  );
}
