/** How ambiguous or doubtful source text is read, each reading tied to the parts it affects. */
import { addItem, newReading } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { ListField } from './ListField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export function ReadingsEditor() {
  const { doc, readOnly, edit } = useEditor();
  return (
    <div className="readings">
      <FieldIssues pointer="/readings" />
      {doc.readings.map((reading, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: readings are edited in place; position is their identity
        <fieldset className="card" key={i} data-pointer={`/readings/${i}`}>
          <legend>Reading {reading.id}</legend>
          <div className="item-header">
            <span />
            <ItemControls listPath={['readings']} index={i} count={doc.readings.length} name={`reading ${reading.id}`} />
          </div>
          <FieldIssues pointer={`/readings/${i}`} />
          <div className="row">
            <TextField path={['readings', i, 'id']} label="Reading id" />
            <SelectField
              path={['readings', i, 'concern']}
              label="Concern"
              options={[
                { value: 'ambiguous', label: 'ambiguous (several readings)' },
                { value: 'doubt', label: 'doubt (looks wrong, kept)' },
              ]}
            />
            <ListField path={['readings', i, 'appliesTo']} label="Applies to (ids, comma-separated)" />
          </div>
          <LocalizedField path={['readings', i, 'topic']} label="What is unclear" multiline />
          <LocalizedField path={['readings', i, 'reading']} label="The reading taken" multiline />
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, ['readings'], newReading(d)))}>
          + Reading
        </button>
      )}
    </div>
  );
}
