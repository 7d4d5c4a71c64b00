/**
 * The scoring of one rule: its kind, then the parameter fields that kind declares
 * (engine/kinds/<kind>.ts, `fields`), rendered by field type. No kind is named here.
 */
import { findKind, type KindField, type ScoringKind, type Scoring } from '../../../engine/browser.ts';
import { addItem, getAt, type Path, pointerOf, positions, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { changeScoringKind, fieldShown, inputsForKind, KIND_CHOICES, type ScoringKindName, scoringSummary, withInput } from '../model/scoring.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

type Item = Record<string, unknown>;

export function ScoringEditor({ path }: { path: Path }) {
  const { doc, readOnly, edit } = useEditor();
  const { t, lang, l } = useLanguage();
  const scoring = getAt(doc, path) as Scoring;
  const kind = findKind(scoring.kind);
  const pointer = pointerOf(path);
  const kindId = `${controlId(pointer)}-kind`;
  const summary = scoringSummary(scoring, doc, lang);
  return (
    <fieldset className="scoring" data-pointer={pointer}>
      <legend>{t('editor.scoring')}</legend>
      <div className="field">
        <label htmlFor={kindId}>{t('editor.scoring.kind')}</label>
        <select id={kindId} value={scoring.kind} disabled={readOnly} data-pointer={`${pointer}/kind`} onChange={(e) => edit((d) => setAt(d, path, changeScoringKind(scoring, e.target.value as ScoringKindName, d)))}>
          {!kind && <option value={scoring.kind}>{t('editor.unknown', { value: scoring.kind })}</option>}
          {KIND_CHOICES.map((k) => (
            <option key={k.kind} value={k.kind}>
              {l(k.label, k.kind)}
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
  /** Names the item in the labels ("Step 2" / "档位 2"): list items repeat the same fields. */
  prefix?: { item: string; n: number };
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

/** A number, an input to read, or one of fixed values; `hiddenLabel` in a table whose header names it. */
function SimpleField({ kind, field, fields, path, prefix, hiddenLabel }: { kind: ScoringKind; field: KindField; fields: KindField[]; path: Path; prefix?: { item: string; n: number }; hiddenLabel?: boolean }) {
  const { doc, edit } = useEditor();
  const { t, l } = useLanguage();
  const at = [...path, field.key];
  const label = prefix ? t('editor.scoring.itemField', { ...prefix, field: l(field.label) }) : l(field.label);
  if (field.type === 'number') return <NumberField path={at} label={label} optional={field.optional} hiddenLabel={hiddenLabel} />;
  if (field.type === 'input') {
    const options = inputsForKind(doc, kind.kind).map((i) => ({ value: i.id, label: l(i.label, i.id) }));
    // Option points follow the input they price: re-derive them when it changes.
    const derived = fields.some((f) => f.type === 'optionPoints' && f.inputKey === field.key);
    const onValue = derived ? (id: string) => edit((d) => setAt(d, path, withInput((getAt(d, path) ?? {}) as Item, fields, field.key, id, d))) : undefined;
    return <SelectField path={at} label={label} options={options} onValue={onValue} hiddenLabel={hiddenLabel} />;
  }
  if (field.type === 'enum') {
    // Values keep their JSON type (a yes/no `when` is stored as a boolean); the empty choice removes the property.
    const stored = (text: string): unknown => (text === '' ? undefined : (field.options.find((o) => String(o.value) === text)?.value ?? text));
    return (
      <SelectField
        path={at}
        label={label}
        options={field.options.map((o) => ({ value: String(o.value), label: l(o.label, String(o.value)) }))}
        emptyLabel={field.optional ? l(field.emptyLabel, '—') : undefined}
        onValue={(text) => edit((d) => setAt(d, at, stored(text)))}
        hiddenLabel={hiddenLabel}
      />
    );
  }
  return null;
}

/**
 * A list of items (terms, deductions, steps) as a table: one row per item, one column per field
 * any item shows (a field an item does not use stays empty), move/remove per row, and "+ <item>".
 * Items with lists of their own keep the stacked layout.
 */
function ListEditor({ kind, field, path }: { kind: ScoringKind; field: Extract<KindField, { type: 'list' }>; path: Path }) {
  const { doc, readOnly, edit } = useEditor();
  const { t, lang, l } = useLanguage();
  const listPath = [...path, field.key];
  const items = (getAt(doc, listPath) ?? []) as Item[];
  const itemName = l(field.itemLabel);
  // In a button's name an English item reads in lower case ("Remove term 2"); Chinese has no case.
  const itemWord = lang === 'en' ? itemName.toLowerCase() : itemName;
  const tabular = field.item.every(isSimple);
  const columns = field.item.filter((f) => items.some((item) => fieldShown(f, item, doc)));
  return (
    <div className="sublist" data-pointer={pointerOf(listPath)}>
      {tabular ? (
        <table className="list kind-list">
          <caption>{l(field.label)}</caption>
          <thead>
            <tr>
              <th scope="col" className="number-col">
                {itemName}
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {l(c.label)}
                </th>
              ))}
              {!readOnly && (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">{t('editor.list.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {positions(items).map((n) => (
              <tr key={n}>
                <th scope="row">{n + 1}</th>
                {columns.map((c) => (
                  <td key={c.key}>{fieldShown(c, items[n], doc) && <SimpleField kind={kind} field={c} fields={field.item} path={[...listPath, n]} prefix={{ item: itemName, n: n + 1 }} hiddenLabel />}</td>
                ))}
                {!readOnly && (
                  <td>
                    <ItemControls listPath={listPath} index={n} count={items.length} name={t('editor.scoring.item', { item: itemWord, n: n + 1 })} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <h5>{l(field.label)}</h5>
          {positions(items).map((n) => (
            <div className="row boxed" key={n}>
              <KindFields kind={kind} fields={field.item} path={[...listPath, n]} prefix={{ item: itemName, n: n + 1 }} inline />
              <ItemControls listPath={listPath} index={n} count={items.length} name={t('editor.scoring.item', { item: itemWord, n: n + 1 })} />
            </div>
          ))}
        </>
      )}
      <FieldIssues pointer={pointerOf(listPath)} />
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, listPath, field.newItem(inputsForKind(d, kind.kind)[0]?.id ?? '')), { step: true })}>
          + {itemName}
        </button>
      )}
    </div>
  );
}

/** Points per option of a choice input: the option's label, then its points. */
function OptionPointsTable({ field, path }: { field: Extract<KindField, { type: 'optionPoints' }>; path: Path }) {
  const { doc } = useEditor();
  const { t, l } = useLanguage();
  const at = [...path, field.key];
  const points = (getAt(doc, at) ?? {}) as Record<string, number>;
  const input = doc.inputs.find((i) => i.id === (getAt(doc, path) as Item | undefined)?.[field.inputKey]);
  // People read the option's label in the page language; the stored key only when it has none.
  const optionName = (value: string): string => l(input?.options?.find((o) => o.value === value)?.label, value);
  return (
    <div className="sublist">
      <table className="list option-points" data-pointer={pointerOf(at)}>
        <caption>{l(field.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.optionPoints.option')}</th>
            <th scope="col">{t('editor.optionPoints.points')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(points).map((option) => (
            <tr key={option}>
              <th scope="row">{optionName(option)}</th>
              <td>
                <NumberField path={[...at, option]} label={t('editor.optionPoints.label', { option: optionName(option) })} hiddenLabel />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldIssues pointer={pointerOf(at)} />
    </div>
  );
}
