/**
 * Steps: ordered thresholds on one input, each worth points; the highest step reached counts
 * (not the sum of the steps). Below the first threshold the scoring awards 0. For "2 points from
 * 10 volunteers, 4 from 20, 5 from 30".
 */
import { type Big, dec, maxBig, minBig, show } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import { issue } from '../document/issues.ts';
import type { Localized } from '../types.ts';
import { INPUT_FIELD, inputLabel, inputLower, inputUpper, numericValue, same, type ScoringIssue, type ScoringKind, words } from './kind.ts';

export interface StepsScoring {
  kind: 'steps';
  input: string;
  /** Thresholds listed lowest first, strictly increasing. */
  steps: Step[];
}

export interface Step {
  /** Reached when the input's value is at least this. */
  atLeast: number;
  points: number;
}

/** The highest step the value reaches; undefined below the first. */
function stepReached(steps: readonly Step[], value: Big): Step | undefined {
  let reached: Step | undefined;
  for (const step of steps) if (value.gte(step.atLeast)) reached = step;
  return reached;
}

const messages = {
  stepsOutOfOrder: (step: number, atLeast: string, below: number, belowAtLeast: string): Required<Localized> => ({
    en: `steps are listed lowest threshold first: step ${step} (at least ${atLeast}) must lie above step ${below} (at least ${belowAtLeast}); reorder them or correct the threshold`,
    zh: `各级按阈值从低到高排列：第 ${step} 级（至少 ${atLeast}）须高于第 ${below} 级（至少 ${belowAtLeast}）；请调整顺序或更正 "atLeast"`,
  }),
  stepEarnsLess: (step: number, atLeast: string, points: string, below: number, belowPoints: string): Required<Localized> => ({
    en: `step ${step} (at least ${atLeast}) earns ${points}, less than the lower step ${below} (${belowPoints}): probably meant more`,
    zh: `第 ${step} 级（至少 ${atLeast}）得 ${points} 分，少于较低的第 ${below} 级（${belowPoints} 分）：可能应更多`,
  }),
  stepUnreachable: (step: number, atLeast: string, input: string, upper: string): Required<Localized> => ({
    en: `step ${step} needs at least ${atLeast}, above the most "${input}" can be (${upper}): correct the threshold or the input's maximum`,
    zh: `第 ${step} 级要求至少 ${atLeast}，超过 "${input}" 的最大可能值（${upper}）：请更正 "atLeast" 或该输入项的 "maximum"`,
  }),
};

export const steps: ScoringKind<StepsScoring> = {
  kind: 'steps',
  label: words('分档（取达到的最高档）', 'Steps (highest reached)'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'input', 'steps'],
    properties: {
      kind: true,
      input: { $ref: '#/$defs/key' },
      steps: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: { type: 'object', additionalProperties: false, required: ['atLeast', 'points'], properties: { atLeast: { type: 'number' }, points: { $ref: '#/$defs/points' } } },
      },
    },
  },
  inputTypes: ['count', 'number', 'percentage'],
  inputsRead: (scoring) => [scoring.input],
  renameInput: (scoring, from, to) => (scoring.input === from ? { ...scoring, input: to } : scoring),
  award(scoring, inputs) {
    const value = numericValue(own(inputs, scoring.input));
    const reached = stepReached(scoring.steps, value);
    if (!reached) return { amount: dec(0), arithmetic: same(`${show(value)} < ${show(scoring.steps[0].atLeast)} → 0`), adjustments: [] };
    return { amount: dec(reached.points), arithmetic: same(`${show(value)} ≥ ${show(reached.atLeast)} → ${show(reached.points)}`), adjustments: [] };
  },
  range(scoring, { inputs }) {
    const input = inputs.get(scoring.input);
    const lower = inputLower(input);
    const upper = inputUpper(input);
    const list = scoring.steps;
    // Outcomes some value within the bounds gives: 0 below the first step, or a step that is the
    // highest reached for some value (reachable, and the next step not forced).
    const outcomes: Big[] = [];
    if (lower === null || lower.lt(list[0].atLeast)) outcomes.push(dec(0));
    list.forEach((step, i) => {
      const reachable = upper === null || upper.gte(step.atLeast);
      const notPassed = lower === null || i === list.length - 1 || lower.lt(list[i + 1].atLeast);
      if (reachable && notPassed) outcomes.push(dec(step.points));
    });
    if (outcomes.length === 0) outcomes.push(dec(0));
    return { min: outcomes.reduce(minBig), max: outcomes.reduce(maxBig) };
  },
  describe(scoring, c, lang) {
    const label = inputLabel(c, scoring.input, lang);
    const list = scoring.steps.map((s) => (lang === 'zh' ? `≥ ${show(s.atLeast)} 得 ${show(s.points)} 分` : `≥ ${show(s.atLeast)}: ${show(s.points)}`)).join(lang === 'zh' ? '，' : ', ');
    return lang === 'zh' ? `按${label}分档：${list}（取达到的最高一档，不累加）` : `by ${label} in steps: ${list} (the highest step reached, not cumulative)`;
  },
  check(scoring) {
    const issues: ScoringIssue[] = [];
    for (let i = 1; i < scoring.steps.length; i++) {
      const [below, step] = [scoring.steps[i - 1], scoring.steps[i]];
      if (step.atLeast <= below.atLeast) {
        issues.push(issue(`/steps/${i}/atLeast`, messages.stepsOutOfOrder(i + 1, show(step.atLeast), i, show(below.atLeast))));
      }
    }
    return issues;
  },
  lint(scoring, { inputs }) {
    const issues: ScoringIssue[] = [];
    const upper = inputUpper(inputs.get(scoring.input));
    scoring.steps.forEach((step, i) => {
      const below = scoring.steps[i - 1];
      if (below && step.points < below.points) {
        issues.push(issue(`/steps/${i}/points`, messages.stepEarnsLess(i + 1, show(step.atLeast), show(step.points), i, show(below.points))));
      }
      if (upper?.lt(step.atLeast)) {
        issues.push(issue(`/steps/${i}/atLeast`, messages.stepUnreachable(i + 1, show(step.atLeast), scoring.input, show(upper))));
      }
    });
    return issues;
  },
  messages,
  effort: 'step',
  fields: [
    { ...INPUT_FIELD, label: words('分档依据的输入', 'Input stepped on') },
    {
      type: 'list',
      key: 'steps',
      label: words('分档（门槛由低到高）', 'Steps (lowest threshold first)'),
      itemLabel: words('档', 'Step'),
      item: [
        { type: 'number', key: 'atLeast', label: words('达到（≥）', 'At least') },
        { type: 'number', key: 'points', label: words('得分', 'Points') },
      ],
      newItem: () => ({ atLeast: 0, points: 0 }),
    },
  ],
  create: (input, points) => ({ kind: 'steps', input: input ?? '', steps: [{ atLeast: 1, points }] }),
  headlinePoints: (scoring) => Math.max(0, ...scoring.steps.map((s) => s.points)),
};
