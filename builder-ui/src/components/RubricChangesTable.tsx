/** The engine's structural diff of two rubric documents as a table, in Chinese or English, with what each change can affect; author text rendered as text. */
import type { Language, Localized, RubricChange } from '../../../engine/browser.ts';
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

/** The fields the engine's diff names, as a reader calls them; others show their key. */
const FIELDS: Record<string, Text> = {
  title: { zh: '标题', en: 'title' },
  rounding: { zh: '取整', en: 'rounding' },
  effectiveDate: { zh: '生效日期', en: 'effective date' },
  status: { zh: '状态', en: 'status' },
  points: { zh: '分值', en: 'points' },
  cap: { zh: '封顶', en: 'cap' },
  clause: { zh: '条款', en: 'clause' },
  parent: { zh: '上级', en: 'parent' },
  notApplicable: { zh: '可不适用', en: 'may be not applicable' },
  scoring: { zh: '计分', en: 'scoring' },
  conditions: { zh: '条件', en: 'conditions' },
  min: { zh: '下限', en: 'minimum' },
  max: { zh: '上限', en: 'maximum' },
  rank: { zh: '顺序', en: 'order' },
  gate: { zh: '档次门槛', en: 'tier gate' },
  modality: { zh: '要求程度', en: 'modality' },
  type: { zh: '类型', en: 'type' },
  help: { zh: '说明', en: 'help' },
  unit: { zh: '单位', en: 'unit' },
  minimum: { zh: '最小值', en: 'minimum' },
  maximum: { zh: '最大值', en: 'maximum' },
  options: { zh: '选项', en: 'options' },
  ordered: { zh: '有序', en: 'ordered' },
  length: { zh: '长度', en: 'length' },
  itemLabels: { zh: '各项标签', en: 'item labels' },
  required: { zh: '必填', en: 'required' },
};

const fieldName = (field: string | undefined, lang: Language): string => (field === undefined ? '' : Object.hasOwn(FIELDS, field) ? FIELDS[field][lang] : field);

const isLocalized = (value: unknown): value is Localized =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k === 'zh' || k === 'en');

/**
 * A diff value as plain text: localized text in the UI language with the other language after it
 * (a change to the other language only must still show), anything else as compact JSON.
 */
function show(value: unknown, lang: Language): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isLocalized(value)) {
    const first = pick(value, lang);
    const other = value[lang === 'zh' ? 'en' : 'zh'];
    return other && other !== first ? `${first} (${other})` : first;
  }
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
}

export function RubricChangesTable({ changes, lang, beforeLabel, afterLabel, testId, caption }: Props) {
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
              {c.kind === 'added' ? '—' : show(c.before, lang)}
            </td>
            <td className="diff-value" data-label={afterLabel}>
              {c.kind === 'removed' ? '—' : show(c.after, lang)}
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
