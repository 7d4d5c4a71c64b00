/**
 * The condition editor: a group (all / any / not) of rows, each row a fact, an operator and a
 * value, or a nested group. Values are typed by the input the row reads. A requirement's rows may
 * also read scored results (the total, the ratio, a node's points); a rule's may not.
 */
import { type ReactNode, useState } from 'react';
import { type Condition, type FactCondition, isResultFact, type Localized, resultFact, resultFactWords, type TopLevelCondition } from '../../../engine/browser.ts';
import { childrenOf, defaultValueFor, formatValue, type GroupMode, isFactCondition, modeOf, newFactCondition, OPERATORS, parseValue, resultFactChoices, withChildren, withMode } from '../model/condition.ts';
import { addItem, getAt, type Path, pointerOf, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';

const MODES: GroupMode[] = ['all', 'any', 'not'];

/** Edits the condition tree at path; `label` names it for screen readers; `readsResults` for a requirement's. */
export function ConditionEditor({ path, label, readsResults = false }: { path: Path; label: string; readsResults?: boolean }) {
  const { doc, readOnly, edit } = useEditor();
  const { t } = useLanguage();
  const condition = getAt(doc, path) as TopLevelCondition | undefined;
  if (!condition) return null;
  const mode = modeOf(condition);
  const rows = childrenOf(condition);
  const rowsPath = mode === 'not' ? [...path, 'not'] : [...path, mode];
  const pointer = pointerOf(path);
  const modeId = `${controlId(pointer)}-mode`;
  return (
    <fieldset className="condition-group" data-pointer={pointer}>
      <legend>{label}</legend>
      <div className="field inline">
        <label htmlFor={modeId}>{t('editor.condition.holdsWhen')}</label>
        <select id={modeId} value={mode} disabled={readOnly} onChange={(e) => edit((d) => setAt(d, path, withMode(condition, e.target.value as GroupMode)))}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`editor.condition.${m}`)}
            </option>
          ))}
        </select>
        {mode !== 'not' && rows.length === 0 && <span className="hint">{t('editor.condition.none')}</span>}
      </div>
      <FieldIssues pointer={pointer} />
      {mode === 'not' ? (
        <ConditionRow path={rowsPath} index={0} count={1} listPath={null} readsResults={readsResults} />
      ) : (
        <ol className="condition-rows">
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; position is their identity
            <li key={i}>
              <ConditionRow path={[...rowsPath, i]} index={i} count={rows.length} listPath={rowsPath} row={row} readsResults={readsResults} />
            </li>
          ))}
        </ol>
      )}
      {!readOnly && mode !== 'not' && (
        <div className="actions">
          <button type="button" onClick={() => edit((d) => addItem(d, rowsPath, newFactCondition(d.inputs)))}>
            {t('editor.condition.add')}
          </button>
          <button type="button" onClick={() => edit((d) => setAt(d, path, withChildren(condition, [...rows, { all: [] }])))}>
            {t('editor.condition.addGroup')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function ConditionRow({ path, index, count, listPath, row, readsResults }: { path: Path; index: number; count: number; listPath: Path | null; row?: Condition; readsResults: boolean }) {
  const { doc } = useEditor();
  const { t } = useLanguage();
  const node = row ?? (getAt(doc, path) as Condition);
  const controls = listPath ? <ItemControls listPath={listPath} index={index} count={count} name={t('editor.condition.name', { n: index + 1 })} /> : null;
  if (!isFactCondition(node)) {
    return (
      <div className="condition-nested">
        <ConditionEditor path={path} label={t('editor.condition.nested', { n: index + 1 })} readsResults={readsResults} />
        {controls}
      </div>
    );
  }
  return <FactRow path={path} condition={node} index={index} controls={controls} readsResults={readsResults} />;
}

function FactRow({ path, condition, index, controls, readsResults }: { path: Path; condition: FactCondition; index: number; controls: ReactNode; readsResults: boolean }) {
  const { doc, readOnly, edit } = useEditor();
  const { t, lang, l } = useLanguage();
  const pointer = pointerOf(path);
  const base = controlId(pointer);
  const input = doc.inputs.find((i) => i.id === condition.fact);
  // Results are read by requirements of rubric/2 documents (rubric/1 knows none).
  const offersResults = readsResults && doc.format === 'rubric/2';
  const results = offersResults ? resultFactChoices(doc) : [];
  const known = !!input || results.some((r) => r.fact === condition.fact);
  const isReference = condition.value !== null && typeof condition.value === 'object' && !Array.isArray(condition.value);
  const set = (next: FactCondition): void => edit((d) => setAt(d, path, next));
  const inputOptions = doc.inputs.map((i) => (
    <option key={i.id} value={i.id}>
      {l(i.label, i.id)}
    </option>
  ));
  /** A result's name in words, titled from the rubric: "总分", "W1 室内节水 的得分". */
  const resultName = (fact: string, title?: Localized): string => {
    const read = resultFact(fact);
    return read ? resultFactWords(read, () => title, lang) : fact;
  };
  const valuePointer = `${pointer}/value`;
  return (
    <div className="condition-row" data-pointer={pointer}>
      <div className="field">
        <label htmlFor={`${base}-fact`}>{t('editor.condition.input', { n: index + 1 })}</label>
        <select
          id={`${base}-fact`}
          value={condition.fact}
          disabled={readOnly}
          data-pointer={`${pointer}/fact`}
          onChange={(e) => {
            const next = doc.inputs.find((i) => i.id === e.target.value);
            // A result is a number of points (or the ratio): compared with a number.
            const value = isReference ? condition.value : isResultFact(e.target.value) ? 0 : defaultValueFor(next);
            set({ ...condition, fact: e.target.value, value });
          }}
        >
          {!known && <option value={condition.fact}>{condition.fact ? t('editor.unknown', { value: condition.fact }) : t('editor.condition.choose')}</option>}
          {offersResults ? <optgroup label={t('editor.condition.inputs')}>{inputOptions}</optgroup> : inputOptions}
          {offersResults && (
            <optgroup label={t('editor.condition.results')}>
              {results.map((r) => (
                <option key={r.fact} value={r.fact}>
                  {resultName(r.fact, r.title)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${base}-op`}>{t('editor.condition.operator', { n: index + 1 })}</label>
        <select id={`${base}-op`} value={condition.operator} disabled={readOnly} onChange={(e) => set({ ...condition, operator: e.target.value as FactCondition['operator'] })}>
          {OPERATORS.map((o) => (
            <option key={o.operator} value={o.operator}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      </div>
      <ValueControl id={`${base}-value`} label={t('editor.condition.value', { n: index + 1 })} condition={condition} onChange={(value) => set({ ...condition, value })} />
      {controls}
      <FieldIssues pointer={pointer} />
      <FieldIssues pointer={valuePointer} />
    </div>
  );
}

function ValueControl({ id, label, condition, onChange }: { id: string; label: string; condition: FactCondition; onChange: (value: FactCondition['value']) => void }) {
  const { doc, readOnly } = useEditor();
  const { t, l } = useLanguage();
  const input = doc.inputs.find((i) => i.id === condition.fact);
  const list = condition.operator === 'in' || condition.operator === 'notIn';
  if (input?.type === 'boolean' && !list) {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={String(condition.value)} disabled={readOnly} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </select>
      </div>
    );
  }
  if ((input?.type === 'choice' || input?.type === 'multiChoice') && !list) {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={String(condition.value)} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
          {(input.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {l(o.label, o.value)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return <ValueText id={id} label={label} condition={condition} onChange={onChange} />;
}

/** Free value text, kept locally so "0." or "a, " can be typed; follows outside changes. */
function ValueText({ id, label, condition, onChange }: { id: string; label: string; condition: FactCondition; onChange: (value: FactCondition['value']) => void }) {
  const { readOnly } = useEditor();
  const shown = formatValue(condition.value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    if (formatValue(parseValue(text, condition.operator)) !== shown) setText(shown);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        readOnly={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseValue(e.target.value, condition.operator));
        }}
      />
    </div>
  );
}
