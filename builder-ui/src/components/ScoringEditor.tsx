/**
 * The scoring of one rule: its kind, then the parameter fields that kind declares
 * (engine/kinds/<kind>.ts, `fields`), rendered by field type. No kind is named here.
 */
import { findKind, type KindField, type ScoringKind, type Scoring } from '../../../engine/browser.ts';
import { addItem, getAt, type Path, pointerOf, positions, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { changeScoringKind, english, fieldShown, inputsForKind, KIND_CHOICES, type ScoringKindName, scoringSummary, withInput } from '../model/scoring.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

type Item = Record<string, unknown>;

export function ScoringEditor({ path }: { path: Path }) {
  const { doc, readOnly, edit } = useEditor();
  const scoring = getAt(doc, path) as Scoring;
  const kind = findKind(scoring.kind);
  const pointer = pointerOf(path);
  const kindId = `${controlId(pointer)}-kind`;
  const summary = scoringSummary(scoring, doc);
  return (
    <fieldset className="scoring" data-pointer={pointer}>
      <legend>Scoring</legend>
      <div className="field">
        <label htmlFor={kindId}>Scoring kind</label>
        <select id={kindId} value={scoring.kind} disabled={readOnly} data-pointer={`${pointer}/kind`} onChange={(e) => edit((d) => setAt(d, path, changeScoringKind(scoring, e.target.value as ScoringKindName, d)))}>
          {!kind && <option value={scoring.kind}>{scoring.kind} (unknown)</option>}
          {KIND_CHOICES.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <FieldIssues pointer={pointer} />
      {kind && <KindFields kind={kind} fields={kind.fields} path={path} />}
      {summary && <p className="hint">{summary}</p>}
    </fieldset>
  );
}

const isSimple = (field: KindField): boolean => field.type !== 'list' && field.type !== 'optionPoints';

interface FieldsProps {
  kind: ScoringKind;
  fields: KindField[];
  /** The scoring, or the list item, the fields' keys are properties of. */
  path: Path;
  /** Names the item in the labels ("Step 2"): list items repeat the same fields. */
  prefix?: string;
  /** Simple fields without their own row (a list item is already one). */
  inline?: boolean;
}

/** The fields that apply, in the kind's order; consecutive numbers and selects share a row. */
function KindFields({ kind, fields, path, prefix, inline }: FieldsProps) {
  const { doc } = useEditor();
  const item = (getAt(doc, path) ?? {}) as Item;
  const blocks: KindField[][] = [];
  for (const field of fields.filter((f) => fieldShown(f, item, doc))) {
    const last = blocks.at(-1);
    if (last && isSimple(last[0]) && isSimple(field)) last.push(field);
    else blocks.push([field]);
  }
  return blocks.map((block) => {
    const first = block[0];
    if (first.type === 'list') return <ListEditor key={first.key} kind={kind} field={first} path={path} />;
    if (first.type === 'optionPoints') return <OptionPointsTable key={first.key} field={first} path={path} />;
    const simple = block.map((field) => <SimpleField key={field.key} kind={kind} field={field} fields={fields} path={path} prefix={prefix} />);
    return inline ? simple : (
      <div className="row" key={first.key}>
        {simple}
      </div>
    );
  });
}

/** A number, an input to read, or one of fixed values. */
function SimpleField({ kind, field, fields, path, prefix }: { kind: ScoringKind; field: KindField; fields: KindField[]; path: Path; prefix?: string }) {
  const { doc, edit } = useEditor();
  const at = [...path, field.key];
  const label = prefix ? `${prefix}: ${english(field.label)}` : english(field.label);
  if (field.type === 'number') return <NumberField path={at} label={label} optional={field.optional} />;
  if (field.type === 'input') {
    const options = inputsForKind(doc, kind.kind).map((i) => ({ value: i.id, label: `${i.id} — ${i.label.zh ?? i.label.en ?? ''}` }));
    // Option points follow the input they price: re-derive them when it changes.
    const derived = fields.some((f) => f.type === 'optionPoints' && f.inputKey === field.key);
    const onValue = derived ? (id: string) => edit((d) => setAt(d, path, withInput((getAt(d, path) ?? {}) as Item, fields, field.key, id, d))) : undefined;
    return <SelectField path={at} label={label} options={options} onValue={onValue} />;
  }
  if (field.type === 'enum') {
    // Values keep their JSON type (a yes/no `when` is stored as a boolean); the empty choice removes the property.
    const stored = (text: string): unknown => (text === '' ? undefined : (field.options.find((o) => String(o.value) === text)?.value ?? text));
    return (
      <SelectField
        path={at}
        label={label}
        options={field.options.map((o) => ({ value: String(o.value), label: english(o.label) }))}
        emptyLabel={field.optional ? english(field.emptyLabel) || '—' : undefined}
        onValue={(text) => edit((d) => setAt(d, at, stored(text)))}
      />
    );
  }
  return null;
}

/** A list of items (terms, deductions, steps): one row of fields each, move/remove, and "+ <item>". */
function ListEditor({ kind, field, path }: { kind: ScoringKind; field: Extract<KindField, { type: 'list' }>; path: Path }) {
  const { doc, readOnly, edit } = useEditor();
  const listPath = [...path, field.key];
  const items = (getAt(doc, listPath) ?? []) as Item[];
  const itemName = english(field.itemLabel);
  return (
    <div className="sublist" data-pointer={pointerOf(listPath)}>
      <h5>{english(field.label)}</h5>
      <FieldIssues pointer={pointerOf(listPath)} />
      {positions(items).map((t) => (
        <div className="row boxed" key={t}>
          <KindFields kind={kind} fields={field.item} path={[...listPath, t]} prefix={`${itemName} ${t + 1}`} inline />
          <ItemControls listPath={listPath} index={t} count={items.length} name={`${itemName.toLowerCase()} ${t + 1}`} />
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, listPath, field.newItem(inputsForKind(d, kind.kind)[0]?.id ?? '')))}>
          + {itemName}
        </button>
      )}
    </div>
  );
}

/** Points per option of a choice input: the option's label, then its points. */
function OptionPointsTable({ field, path }: { field: Extract<KindField, { type: 'optionPoints' }>; path: Path }) {
  const { doc } = useEditor();
  const at = [...path, field.key];
  const points = (getAt(doc, at) ?? {}) as Record<string, number>;
  const input = doc.inputs.find((i) => i.id === (getAt(doc, path) as Item | undefined)?.[field.inputKey]);
  const optionName = (value: string): string => english(input?.options?.find((o) => o.value === value)?.label) || value;
  return (
    <div className="sublist">
      <table className="list option-points" data-pointer={pointerOf(at)}>
        <caption>{english(field.label)}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(points).map((option) => (
            <tr key={option}>
              <th scope="row">{optionName(option)}</th>
              <td>
                <NumberField path={[...at, option]} label={`Points for “${optionName(option)}”`} hiddenLabel />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldIssues pointer={pointerOf(at)} />
    </div>
  );
}
