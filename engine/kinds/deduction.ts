/**
 * A starting value minus deductions, not below the floor. A term counts units: the value itself
 * (defects found); 1 when a yes/no answer equals `when`; or, with `below`, the shortfall under
 * that target (item by item for a series), in full or started blocks of `blockSize` when given.
 */
import { type Big, dec, maxBig, minBig, show, sum } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import type { InputDefinition, InputValue, Language, Localized } from '../types.ts';
import { issue } from '../document/issues.ts';
import { floorAdjustment, inputLabel, same, type ScoringIssue, type ScoringKind, words } from './kind.ts';

export interface DeductionScoring {
  kind: 'deduction';
  start: number;
  deductions: Deduction[];
  floor: number;
}

export interface Deduction {
  input: string;
  points: number;
  when?: boolean;
  below?: number;
  blockSize?: number;
  blocks?: 'full' | 'started';
}

/** Units a term counts for a value. */
export function deductionUnits(term: Deduction, value: InputValue | undefined): Big {
  if (typeof value === 'boolean') return dec(value === (term.when ?? true) ? 1 : 0);
  const items = Array.isArray(value) ? value.map(Number) : [Number(value)];
  const whole = wholeUnits(term, items);
  return whole === null ? decimalUnits(term, items) : dec(whole);
}

/** The units in exact decimals, for any values. Exported for the test that wholeUnits agrees. */
export function decimalUnits(term: Deduction, items: number[]): Big {
  if (term.below === undefined) return sum(items.map((item) => dec(item)));
  const shortfall = sum(items.map((item) => maxBig(dec(0), dec(term.below as number).minus(item))));
  if (term.blockSize === undefined) return shortfall;
  return shortfall.div(term.blockSize).round(0, term.blocks === 'started' ? 3 : 0);
}

/**
 * The same count in doubles when every value, target and block size is a whole number: exact
 * while each partial sum stays a safe integer, and a quotient of safe integers is never rounded
 * onto an integer it is not, so floor and ceiling agree with big.js. A monthly series then costs
 * one decimal instead of three per month. Null when not all whole. Exported for its test.
 */
export function wholeUnits(term: Deduction, items: number[]): number | null {
  const { below, blockSize } = term;
  if ((below !== undefined && !Number.isSafeInteger(below)) || (blockSize !== undefined && !Number.isSafeInteger(blockSize))) return null;
  let units = 0;
  for (const item of items) {
    if (!Number.isSafeInteger(item)) return null;
    units += below === undefined ? item : Math.max(0, below - item);
    if (!Number.isSafeInteger(units)) return null;
  }
  if (below === undefined || blockSize === undefined) return units;
  return term.blocks === 'started' ? Math.ceil(units / blockSize) : Math.floor(units / blockSize);
}

/** Most units a term can count within the input's bounds; null when unbounded. */
function worstUnits(term: Deduction, input: InputDefinition | undefined): Big | null {
  if (!input) return null;
  if (input.type === 'boolean') return dec(1);
  const items = input.type === 'series' ? (input.length ?? 1) : 1;
  if (term.below === undefined) return input.maximum === undefined ? null : dec(input.maximum).times(items);
  const lowest = input.minimum ?? 0;
  const shortfall = maxBig(dec(0), dec(term.below).minus(lowest)).times(items);
  if (term.blockSize === undefined) return shortfall;
  return shortfall.div(term.blockSize).round(0, term.blocks === 'started' ? 3 : 0);
}

function describeTerm(term: Deduction, label: string, lang: Language): string {
  const zh = lang === 'zh';
  const points = show(term.points);
  if (term.below === undefined) {
    if (term.when !== undefined) return zh ? `${label}为“${term.when ? '是' : '否'}”扣 ${points} 分` : `−${points} if ${label} is ${term.when ? 'yes' : 'no'}`;
    return zh ? `${label}每处扣 ${points} 分` : `−${points} per ${label}`;
  }
  if (term.blockSize === undefined) return zh ? `${label}低于 ${show(term.below)} 时每少 1 扣 ${points} 分` : `−${points} per unit of ${label} short of ${show(term.below)}`;
  const blocks = term.blocks === 'started' ? (zh ? '（不足一档按一档计）' : ' (a started block counts)') : zh ? '（按满档计）' : ' (full blocks only)';
  return zh
    ? `${label}低于 ${show(term.below)} 时每少 ${show(term.blockSize)} 扣 ${points} 分${blocks}`
    : `−${points} per ${show(term.blockSize)} of ${label} short of ${show(term.below)}${blocks}`;
}

const NUMERIC: ['count', 'number', 'percentage', 'series'] = ['count', 'number', 'percentage', 'series'];

const messages = {
  whenBooleanOnly: (input: string, type: string): Required<Localized> => ({
    en: `"when" applies to boolean inputs; "${input}" is ${type}: remove it`,
    zh: `"when" 仅适用于是/否（boolean）输入项；"${input}" 为 ${type} 类型：请删除 "when"`,
  }),
  belowNeedsNumber: (input: string): Required<Localized> => ({
    en: `"below" needs a numeric input; "${input}" is boolean: remove it`,
    zh: `"below" 须用于数值类输入项；"${input}" 为是/否（boolean）类型：请删除 "below"`,
  }),
  blocksNeedBelow: (): Required<Localized> => ({
    en: '"blockSize" and "blocks" count a shortfall: add "below" (the target) or remove them',
    zh: '"blockSize" 和 "blocks" 用于计算未达目标的差额：请添加 "below"（目标值），或删除这两个字段',
  }),
};

export const deduction: ScoringKind<DeductionScoring> = {
  kind: 'deduction',
  label: words('扣分', 'Deduction'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'start', 'deductions', 'floor'],
    properties: {
      kind: true,
      start: { $ref: '#/$defs/points' },
      floor: { $ref: '#/$defs/points' },
      deductions: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['input', 'points'],
          properties: {
            input: { $ref: '#/$defs/key' },
            points: { $ref: '#/$defs/points' },
            when: { type: 'boolean' },
            below: { type: 'number' },
            blockSize: { type: 'number', exclusiveMinimum: 0 },
            blocks: { enum: ['full', 'started'] },
          },
        },
      },
    },
  },
  inputTypes: [...NUMERIC, 'boolean'],
  inputsRead: (scoring) => scoring.deductions.map((term) => term.input),
  renameInput: (scoring, from, to) => ({ ...scoring, deductions: scoring.deductions.map((d) => (d.input === from ? { ...d, input: to } : d)) }),
  award(scoring, inputs) {
    const parts = scoring.deductions.map((term) => ({ term, units: deductionUnits(term, own(inputs, term.input)) }));
    const raw = parts.reduce((acc, { term, units }) => acc.minus(dec(term.points).times(units)), dec(scoring.start));
    const text = [show(scoring.start), ...parts.map(({ term, units }) => `${show(term.points)} × ${show(units)}`)].join(' − ');
    if (raw.lt(scoring.floor)) return { amount: dec(scoring.floor), arithmetic: same(`${text} = ${show(raw)} → ${show(scoring.floor)}`), adjustments: [floorAdjustment(scoring.floor)] };
    return { amount: raw, arithmetic: same(`${text} = ${show(raw)}`), adjustments: [] };
  },
  range(scoring, { inputs }) {
    let worst: Big | null = dec(scoring.start);
    for (const term of scoring.deductions) {
      const units = worstUnits(term, inputs.get(term.input));
      worst = worst === null || units === null ? null : worst.minus(dec(term.points).times(units));
    }
    const min = worst === null ? dec(scoring.floor) : maxBig(dec(scoring.floor), worst);
    return { min: minBig(min, dec(scoring.start)), max: maxBig(dec(scoring.start), dec(scoring.floor)) };
  },
  describe(scoring, c, lang) {
    const terms = scoring.deductions.map((t) => describeTerm(t, inputLabel(c, t.input, lang), lang)).join(lang === 'zh' ? '；' : '; ');
    return lang === 'zh' ? `${show(scoring.start)} 分起：${terms}；不低于 ${show(scoring.floor)} 分` : `from ${show(scoring.start)}: ${terms}; not below ${show(scoring.floor)}`;
  },
  check(scoring, { inputs }) {
    const issues: ScoringIssue[] = [];
    scoring.deductions.forEach((term, t) => {
      const input = inputs.get(term.input);
      const at = `/deductions/${t}`;
      if (term.when !== undefined && input && input.type !== 'boolean') issues.push(issue(`${at}/when`, messages.whenBooleanOnly(term.input, input.type)));
      if (input?.type === 'boolean' && term.below !== undefined) issues.push(issue(`${at}/below`, messages.belowNeedsNumber(term.input)));
      if ((term.blockSize !== undefined || term.blocks !== undefined) && term.below === undefined) issues.push(issue(`${at}/blockSize`, messages.blocksNeedBelow()));
    });
    return issues;
  },
  messages,
  effort: 'quantity',
  fields: [
    { type: 'number', key: 'start', label: words('起始分', 'Start from') },
    { type: 'number', key: 'floor', label: words('最低分', 'Not below (floor)') },
    {
      type: 'list',
      key: 'deductions',
      label: words('扣分项', 'Deductions'),
      itemLabel: words('扣分项', 'Deduction'),
      item: [
        { type: 'input', key: 'input', label: words('读取的输入', 'Input read') },
        { type: 'number', key: 'points', label: words('每单位扣分', 'Points deducted per unit') },
        {
          type: 'enum',
          key: 'when',
          label: words('回答为此时扣分', 'Deduct when the answer is'),
          options: [
            { value: true, label: words('是', 'yes') },
            { value: false, label: words('否', 'no') },
          ],
          optional: true,
          emptyLabel: words('（请选择）', '(choose)'),
          onlyFor: { inputKey: 'input', types: ['boolean'] },
        },
        { type: 'number', key: 'below', label: words('低于此目标时按差额扣分（可选）', 'Shortfall below (optional)'), optional: true, onlyFor: { inputKey: 'input', types: NUMERIC } },
        { type: 'number', key: 'blockSize', label: words('差额每满（可选）', 'Per block of (optional)'), optional: true, onlyFor: { inputKey: 'input', types: NUMERIC } },
        {
          type: 'enum',
          key: 'blocks',
          label: words('档数计法', 'Blocks counted'),
          options: [
            { value: 'full', label: words('按满档', 'full blocks') },
            { value: 'started', label: words('不足一档按一档', 'started blocks') },
          ],
          optional: true,
          emptyLabel: words('（默认：按满档）', '(default: full)'),
          onlyFor: { inputKey: 'input', types: NUMERIC },
        },
      ],
      newItem: (input) => ({ input, points: 1 }),
    },
  ],
  create: (input, points) => ({ kind: 'deduction', start: points, deductions: [{ input: input ?? '', points: 1 }], floor: 0 }),
  headlinePoints: (scoring) => scoring.start,
};
