/** The engine's structural diff of two rubric documents as a table, in words of the page language, with what each change can affect; author text rendered as text. */
import { useMemo } from 'react';
import { boundWords, describeCondition, describeScoring, indexRubric, type Language, type Localized, type RubricChange, type RubricDocument, type RubricIndex, type Scoring, type TopLevelCondition } from '../../../engine/browser.ts';
import { joinWords, message } from '../i18n/message.ts';
import { isMessageKey, type MessageKey } from '../i18n/messages/index.ts';
import { pick } from '../model/result.ts';
import { EFFECTS } from '../model/revision.ts';

type Text = { zh: string; en: string };

const HEAD = {
  kind: { zh: '变更', en: 'Change' },
  target: { zh: '对象', en: 'Target' },
  id: { zh: '编号', en: 'Id' },
  name: { zh: '名称', en: 'Title' },
  field: { zh: '字段', en: 'Field' },
  effect: { zh: '影响', en: 'Effect' },
} satisfies Record<string, Text>;

const KINDS: Record<RubricChange['kind'], Text> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  renamed: { zh: '改名', en: 'renamed' },
  moved: { zh: '移动', en: 'moved' },
  changed: { zh: '修改', en: 'changed' },
};

const TARGETS: Record<RubricChange['target'], Text> = {
  rubric: { zh: '细则', en: 'rubric' },
  group: { zh: '分组', en: 'group' },
  indicator: { zh: '指标', en: 'indicator' },
  criterion: { zh: '评分项', en: 'criterion' },
  input: { zh: '输入项', en: 'input' },
  tier: { zh: '档次', en: 'tier' },
  requirement: { zh: '基本要求', en: 'requirement' },
};

/** The field's name from the catalogue (`field.<key>`); a field it does not know by its key. */
const fieldName = (field: string | undefined, lang: Language): string => {
  if (field === undefined) return '';
  const key = `field.${field}`;
  return isMessageKey(key) ? message(key, lang) : field;
};

const isLocalized = (value: unknown): value is Localized =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k === 'zh' || k === 'en');

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The rubric a value belongs to, indexed, so a scoring or a condition names inputs by their labels; null when it does not index (a draft mid-edit). */
function indexOf(doc: RubricDocument | undefined): RubricIndex | null {
  if (!doc) return null;
  try {
    return indexRubric(doc);
  } catch {
    return null;
  }
}

/**
 * A diff value as plain words in the page language: a status, a rounding, a scoring or a condition
 * described as the engine describes them (inputs and tiers by their labels), localized text with
 * the other language after it (a change to the other language only must still show), lists
 * joined; only a value nothing here knows is shown as compact JSON.
 */
function show(value: unknown, field: string | undefined, lang: Language, index: RubricIndex | null, counterpart?: unknown): string {
  const say = (key: MessageKey, params?: Record<string, string | number>): string => message(key, lang, params);
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return say(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const key =
      field === 'status' ? `status.${value}` : field === 'type' ? `inputType.${value}` : field === 'modality' ? `modality.${value}` : field === 'tierBasis' ? `tierBasis.${value}` : '';
    if (key && isMessageKey(key)) return say(key);
    if (field === 'capTier' || field === 'tier') return pick(index?.doc.tiers.find((tier) => tier.id === value)?.label, lang) || value;
    return value;
  }
  if (isLocalized(value)) {
    const first = pick(value, lang);
    const other = value[lang === 'zh' ? 'en' : 'zh'];
    // The other language only when it is what changed: the page language alone would show no change.
    const samePageText = isLocalized(counterpart) && pick(counterpart, lang) === first;
    return samePageText && other && other !== first ? `${first} (${other})` : first;
  }
  const separator = say('common.listSeparator');
  try {
    if (field === 'scoring' && Array.isArray(value) && index) return value.map((scoring) => describeScoring(scoring as Scoring, index, lang)).join(separator);
    if (field === 'conditions' && Array.isArray(value) && index) {
      return value.map((condition) => describeCondition(condition as TopLevelCondition, index, lang) || say('diff.always')).join(separator);
    }
  } catch {
    // A scoring the engine cannot describe (an unknown kind, a missing parameter): shown as data below.
  }
  if (field === 'rounding' && isObject(value) && typeof value.mode === 'string' && isMessageKey(`rounding.${value.mode}`)) {
    return say('rounding.words', { decimals: String(value.decimals ?? 0), mode: say(`rounding.${value.mode}` as MessageKey) });
  }
  // A tier's bound: "≥ 0.75", "< 80", not its JSON.
  if ((field === 'min' || field === 'max') && isObject(value) && typeof value.value === 'number' && typeof value.inclusive === 'boolean') {
    return boundWords({ value: value.value, inclusive: value.inclusive }, field);
  }
  if (field === 'notApplicable' && isObject(value)) return say(value.allowed ? 'common.yes' : 'common.no');
  if (field === 'gate' && isObject(value)) return show(value.capTier, 'capTier', lang, index);
  // An item added or removed whole: each of its fields by name, in words.
  if (field === undefined && isObject(value)) {
    return Object.entries(value)
      .filter(([, item]) => item !== undefined && item !== null)
      .map(([key, item]) => `${fieldName(key, lang)} ${show(item, key, lang, index)}`)
      .join(separator);
  }
  // Options by their labels, item labels and clauses as they read.
  if (Array.isArray(value)) return joinWords(value.map((item) => (isObject(item) && isLocalized(item.label) ? pick(item.label, lang) || String(item.value ?? '') : show(item, undefined, lang, index))), lang);
  return JSON.stringify(value);
}

interface Props {
  changes: RubricChange[];
  lang: Language;
  /** Headers of the two value columns (e.g. "Before" / "After", or "Theirs" / "Mine"). */
  beforeLabel: string;
  afterLabel: string;
  testId?: string;
  caption?: string;
  /** The two rubrics compared, when at hand: scorings and conditions then name inputs and tiers by their labels. */
  documents?: { before: RubricDocument; after: RubricDocument };
}

export function RubricChangesTable({ changes, lang, beforeLabel, afterLabel, testId, caption, documents }: Props) {
  const before = useMemo(() => indexOf(documents?.before), [documents?.before]);
  const after = useMemo(() => indexOf(documents?.after), [documents?.after]);
  return (
    <table className="list changes stacked" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{HEAD.kind[lang]}</th>
          <th scope="col">{HEAD.target[lang]}</th>
          <th scope="col">{HEAD.id[lang]}</th>
          <th scope="col">{HEAD.name[lang]}</th>
          <th scope="col">{HEAD.field[lang]}</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
          <th scope="col">{HEAD.effect[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one node may change in several fields; position identifies the row
          <tr key={i} data-target={c.target} data-id={c.id} data-field={c.field ?? ''} data-effect={c.effect}>
            <td data-label={HEAD.kind[lang]}>{KINDS[c.kind][lang]}</td>
            <td data-label={HEAD.target[lang]}>{TARGETS[c.target][lang]}</td>
            <td data-label={HEAD.id[lang]}>
              <code>{c.id}</code>
            </td>
            <td data-label={HEAD.name[lang]}>{pick(c.title, lang)}</td>
            <td data-label={HEAD.field[lang]}>{fieldName(c.field, lang)}</td>
            <td className="diff-value" data-label={beforeLabel}>
              {c.kind === 'added' ? '—' : show(c.before, c.field, lang, before, c.after)}
            </td>
            <td className="diff-value" data-label={afterLabel}>
              {c.kind === 'removed' ? '—' : show(c.after, c.field, lang, after, c.before)}
            </td>
            <td data-label={HEAD.effect[lang]} className={`effect effect-${c.effect}`}>
              {c.effect ? EFFECTS[c.effect][lang] : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
