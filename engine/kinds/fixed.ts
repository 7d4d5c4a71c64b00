/** Fixed points when the rule's conditions hold. */
import { dec, show } from '../scoring/decimal.ts';
import { type ScoringKind, words } from './kind.ts';

export interface FixedScoring {
  kind: 'fixed';
  points: number;
}

export const fixed: ScoringKind<FixedScoring> = {
  kind: 'fixed',
  label: words('固定分值', 'Fixed points'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'points'],
    properties: { kind: true, points: { $ref: '#/$defs/points' } },
  },
  inputTypes: [],
  inputsRead: () => [],
  renameInput: (scoring) => scoring,
  award: (scoring) => ({ amount: dec(scoring.points), arithmetic: { zh: `条件成立 → ${show(scoring.points)}`, en: `conditions hold → ${show(scoring.points)}` }, adjustments: [] }),
  range: (scoring) => ({ min: dec(scoring.points), max: dec(scoring.points) }),
  describe: (scoring, _context, lang) => (lang === 'zh' ? `得 ${show(scoring.points)} 分` : `${show(scoring.points)} ${scoring.points === 1 ? 'point' : 'points'}`),
  effort: 'step',
  fields: [{ type: 'number', key: 'points', label: words('得分', 'Points awarded') }],
  create: (_input, points) => ({ kind: 'fixed', points }),
  headlinePoints: (scoring) => scoring.points,
};
