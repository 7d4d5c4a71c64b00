/**
 * Every message the engine gives to people exists in Chinese and English, from one catalogue
 * (engine/document/messages.ts, and each kind's own `messages`). Each case below provokes messages
 * through a real document, assessment or test run; the last test checks that together the cases
 * gave every message of the catalogue, so a message added without a case fails here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, type MockInstance, vi } from 'vitest';
import { MESSAGES } from '../../engine/document/messages.ts';
import { BASIC_MESSAGES } from '../../engine/document/messages-basic.ts';
import {
  APPENDIX_C_DEPLOYMENT,
  type AssessmentInputs,
  type DeploymentProfile,
  deploymentProblems,
  evaluate,
  impactFilterFor,
  type Issue,
  loadRubric,
  RUBRIC_LIMITS,
  type RubricDocument,
  RubricStudioError,
  runRubricTests,
  SCORING_KINDS,
  type SubjectAttribute,
  validateRubric,
} from '../../engine/index.ts';
import { call, expectStatus, startApp } from '../server/harness.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** A valid rubric with an input of every type, labelled in both languages; each case changes a copy. */
function base(): RubricDocument {
  const label = (zh: string, en: string) => ({ zh, en });
  return {
    format: 'rubric/1',
    id: 'kitchen-check',
    version: '1.0.0',
    status: 'draft',
    title: label('厨房检查', 'Kitchen check'),
    source: { title: label('内部规定', 'House rules'), clauses: ['1'] },
    effectiveDate: '2026-01-01',
    changelog: 'First version.',
    readings: [],
    rounding: { decimals: 2, mode: 'half-up' },
    inputs: [
      { id: 'fridgeLog', type: 'boolean', label: label('冰箱温度记录', 'Fridge temperature log kept') },
      { id: 'logSigned', type: 'boolean', label: label('每日签字', 'Log signed daily') },
      { id: 'defects', type: 'count', label: label('卫生缺陷数', 'Hygiene defects found'), maximum: 100 },
      {
        id: 'grade',
        type: 'choice',
        ordered: true,
        label: label('整洁等级', 'Tidiness grade'),
        options: [
          { value: 'low', label: label('低', 'Low') },
          { value: 'mid', label: label('中', 'Middle') },
          { value: 'high', label: label('高', 'High') },
        ],
      },
      { id: 'visits', type: 'count', label: label('检查次数', 'Inspections'), maximum: 50 },
      {
        id: 'services',
        type: 'multiChoice',
        label: label('服务项目', 'Services'),
        options: [
          { value: 'a', label: label('甲', 'A') },
          { value: 'b', label: label('乙', 'B') },
        ],
      },
      { id: 'monthly', type: 'series', length: 3, label: label('每月次数', 'Monthly count'), maximum: 50 },
      { id: 'hours', type: 'number', label: label('培训时长', 'Training hours'), minimum: 0, maximum: 1000 },
      { id: 'rate', type: 'percentage', label: label('满意率', 'Satisfaction rate') },
    ],
    groups: [
      {
        id: 'hygiene',
        title: label('卫生', 'Hygiene'),
        points: 10,
        indicators: [
          {
            id: 'i1',
            title: label('冷链与清洁', 'Cold chain and cleanliness'),
            points: 10,
            clause: '1.1',
            criteria: [
              {
                id: 'log',
                title: label('有冰箱记录：4', 'Fridge log kept: 4'),
                points: 4,
                rules: [{ conditions: { all: [{ fact: 'fridgeLog', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 4 } } }],
              },
              {
                id: 'log-signed',
                parent: 'log',
                title: label('加分：每日签字：1', 'Bonus: signed daily: 1'),
                points: 1,
                rules: [{ conditions: { all: [{ fact: 'logSigned', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } }],
              },
              {
                id: 'clean',
                title: label('清洁：5，每个缺陷扣0.5', 'Clean: 5, minus 0.5 per defect'),
                points: 5,
                rules: [{ conditions: { all: [] }, event: { type: 'award', params: { kind: 'deduction', start: 5, floor: 0, deductions: [{ input: 'defects', points: 0.5 }] } } }],
              },
            ],
          },
        ],
      },
    ],
    tiers: [
      { id: 'fail', label: label('不合格', 'Fail'), min: { value: 0, inclusive: true }, max: { value: 0.7, inclusive: false } },
      { id: 'pass', label: label('合格', 'Pass'), min: { value: 0.7, inclusive: true }, max: { value: 1, inclusive: true } },
    ],
    requirements: [
      {
        id: 'r1',
        clause: '1.1',
        modality: 'shall',
        text: label('保存冰箱记录。', 'A fridge log is kept.'),
        conditions: { all: [{ fact: 'fridgeLog', operator: 'equal', value: true }] },
        gate: { capTier: 'fail' },
      },
    ],
    tests: [{ name: 'log kept, 3 defects', inputs: { fridgeLog: true, logSigned: false, defects: 3 }, expect: { total: 7.5, tier: 'pass' } }],
  };
}

/** Valid answers to every input of `base()`. */
const ANSWERS = { fridgeLog: true, logSigned: true, defects: 0, grade: 'high', visits: 3, services: ['a'], monthly: [1, 2, 3], hours: 10, rate: 90 };

const CRITERIA = '/groups/0/indicators/0/criteria';
const LOG_RULE = `${CRITERIA}/0/rules/0`;
const CLEAN_PARAMS = `${CRITERIA}/2/rules/0/event/params`;

// biome-ignore lint/suspicious/noExplicitAny: a case changes any part of the document, valid or not.
type Loose = any;

function changed(change: (doc: Loose) => void): Loose {
  const doc = base();
  change(doc);
  return doc;
}

const errorsOf = (change: (doc: Loose) => void): Issue[] => validateRubric(changed(change)).errors;

function warningsOf(change: (doc: Loose) => void): Issue[] {
  const report = validateRubric(changed(change));
  expect(report.errors).toEqual([]);
  return report.warnings;
}

/** The Appendix C profile with one attribute instead of the street. */
const withAttribute = (attribute: SubjectAttribute): DeploymentProfile => ({ ...APPENDIX_C_DEPLOYMENT, subject: { ...APPENDIX_C_DEPLOYMENT.subject, attributes: [attribute] } });

/** The thrown error as issues: its own message (at "") and its details. */
function thrown(run: () => unknown): Issue[] {
  try {
    run();
  } catch (err) {
    if (!(err instanceof RubricStudioError)) throw err;
    return [{ path: '', message: err.message, text: err.text }, ...err.details];
  }
  throw new Error('expected a RubricStudioError');
}

async function inputErrors(assessment: unknown, requireComplete = false): Promise<Issue[]> {
  try {
    await evaluate(loadRubric(base()), assessment as AssessmentInputs, { requireComplete });
  } catch (err) {
    if (!(err instanceof RubricStudioError)) throw err;
    return [{ path: '', message: err.message, text: err.text }, ...err.details];
  }
  throw new Error('expected a RubricStudioError');
}

async function testFailures(change: (doc: Loose) => void): Promise<Issue[]> {
  const report = await runRubricTests(loadRubric(changed(change)));
  return report.cases.flatMap((c) => c.failures);
}

const nest = (depth: number): Loose => (depth === 0 ? { all: [] } : { all: [nest(depth - 1)] });

/** Message tables: the engine's, then each kind's under its kind's name. */
const TABLES: [string, Record<string, (...args: never[]) => unknown>][] = [
  // The basic entries are spied where tiers and capped lists call them (messages-basic.ts); MESSAGES repeats them.
  ['', BASIC_MESSAGES],
  ['', MESSAGES],
  ...SCORING_KINDS.filter((kind) => kind.messages).map((kind): [string, Record<string, (...args: never[]) => unknown>] => [`${kind.kind}.`, kind.messages as Record<string, (...args: never[]) => unknown>]),
];

const spies = new Map<string, MockInstance>();
const given = new Set<string>();

beforeAll(() => {
  for (const [prefix, table] of TABLES) {
    for (const key of Object.keys(table)) {
      if (table === MESSAGES && Object.hasOwn(BASIC_MESSAGES, key)) continue;
      spies.set(`${prefix}${key}`, vi.spyOn(table, key as never));
    }
  }
});
afterAll(() => vi.restoreAllMocks());

interface Case {
  /** The catalogue entry the case provokes (a kind's as "<kind>.<name>"). */
  message: string;
  /** Where an issue must be reported (a pattern where the place depends on a limit). */
  path: string | RegExp;
  issues: () => Issue[] | Promise<Issue[]>;
}

const CASES: Case[] = [
  // Structure
  { message: 'duplicateId', path: '/tiers/1/id', issues: () => errorsOf((d) => { d.tiers[1].id = 'fail'; }) },
  { message: 'optionsMissing', path: '/inputs/9/options', issues: () => errorsOf((d) => { d.inputs.push({ id: 'level', type: 'choice', label: { en: 'Level' } }); }) },
  { message: 'optionsNotAllowed', path: '/inputs/0/options', issues: () => errorsOf((d) => { d.inputs[0].options = [{ value: 'x', label: { en: 'X' } }]; }) },
  { message: 'optionListedTwice', path: '/inputs/3/options', issues: () => errorsOf((d) => { d.inputs[3].options.push({ value: 'low', label: { en: 'Low again' } }); }) },
  { message: 'orderedChoiceOnly', path: '/inputs/5/ordered', issues: () => errorsOf((d) => { d.inputs[5].ordered = true; }) },
  { message: 'seriesNeedsLength', path: '/inputs/6/length', issues: () => errorsOf((d) => { delete d.inputs[6].length; }) },
  { message: 'lengthSeriesOnly', path: '/inputs/4/length', issues: () => errorsOf((d) => { d.inputs[4].length = 3; }) },
  { message: 'itemLabelsCount', path: '/inputs/6/itemLabels', issues: () => errorsOf((d) => { d.inputs[6].itemLabels = [{ zh: '一月', en: 'January' }]; }) },
  { message: 'boundsNumericOnly', path: '/inputs/0/minimum', issues: () => errorsOf((d) => { d.inputs[0].maximum = 1; }) },
  { message: 'maximumBelowMinimum', path: '/inputs/7/maximum', issues: () => errorsOf((d) => { Object.assign(d.inputs[7], { minimum: 10, maximum: 5 }); }) },
  { message: 'countBoundsWhole', path: '/inputs/4/maximum', issues: () => errorsOf((d) => { d.inputs[4].maximum = 10.5; }) },
  { message: 'percentageBounds', path: '/inputs/8/maximum', issues: () => errorsOf((d) => { d.inputs[8].maximum = 120; }) },

  // References
  { message: 'conditionUnknownInput', path: `${LOG_RULE}/conditions`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].conditions.all[0].fact = 'ghost'; }) },
  { message: 'scoringUnknownInput', path: CLEAN_PARAMS, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[2].rules[0].event.params.deductions[0].input = 'ghost'; }) },
  { message: 'scoringInputType', path: CLEAN_PARAMS, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[2].rules[0].event.params.deductions[0].input = 'grade'; }) },
  { message: 'notAnOption', path: '/requirements/0/conditions/all/0/value', issues: () => errorsOf((d) => { d.requirements[0].conditions = { all: [{ fact: 'grade', operator: 'equal', value: 'top' }] }; }) },
  { message: 'parentNotInIndicator', path: `${CRITERIA}/1/parent`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[1].parent = 'ghost'; }) },
  { message: 'parentIsSelf', path: `${CRITERIA}/1/parent`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[1].parent = 'log-signed'; }) },
  { message: 'parentIsBonus', path: `${CRITERIA}/2/parent`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[2].parent = 'log-signed'; }) },
  { message: 'unknownTier', path: '/requirements/0/gate/capTier', issues: () => errorsOf((d) => { d.requirements[0].gate.capTier = 'gold'; }) },
  { message: 'unknownTier', path: '/tests/0/expect/tier', issues: () => errorsOf((d) => { d.tests[0].expect.tier = 'gold'; }) },

  // Points
  {
    message: 'unboundedRule',
    path: `${LOG_RULE}/event/params`,
    issues: () => errorsOf((d) => { delete d.inputs[2].maximum; d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'perUnit', terms: [{ input: 'defects', points: 1 }] }; }),
  },
  { message: 'capUnreachable', path: '/groups/0/indicators/0/points', issues: () => errorsOf((d) => { Object.assign(d.groups[0].indicators[0], { cap: true, points: 20 }); }) },
  { message: 'pointsMismatch', path: `${CRITERIA}/0/points`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[0].points = 3; }) },

  // Tiers
  { message: 'tierEmpty', path: '/tiers/0', issues: () => errorsOf((d) => { d.tiers[0].max = { value: 0, inclusive: false }; }) },
  { message: 'lowestTierStart', path: '/tiers/0/min', issues: () => errorsOf((d) => { d.tiers[0].min.value = 0.1; }) },
  { message: 'highestTierEnd', path: '/tiers/1/max', issues: () => errorsOf((d) => { d.tiers[1].max.value = 0.95; }) },
  { message: 'tierGap', path: '/tiers/1/min', issues: () => errorsOf((d) => { d.tiers[1].min.value = 0.75; }) },
  { message: 'tierOverlap', path: '/tiers/1/min', issues: () => errorsOf((d) => { d.tiers[1].min.value = 0.6; }) },
  { message: 'tierBoundary', path: '/tiers/1/min', issues: () => errorsOf((d) => { d.tiers[1].min.inclusive = false; }) },
  { message: 'tierBoundary', path: '/tiers/1/min', issues: () => errorsOf((d) => { d.tiers[0].max.inclusive = true; }) },
  // A bound in points in a rubric/1 document, whose meta-schema caps bounds at 1.
  { message: 'rubric1BoundAboveOne', path: '/tiers/0/max/value', issues: () => errorsOf((d) => { d.tiers[0].max.value = 7; d.tiers[1].min.value = 7; }) },
  // Tiers by points (rubric/2): the maximum total is 10.
  { message: 'ratioBoundLooksLikePoints', path: '/tiers/0/max', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'ratio' }); d.tiers[0].max.value = 7; d.tiers[1].min.value = 7; }) },
  { message: 'pointsBoundAboveMax', path: '/tiers/1/max', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'points' }); d.tiers[0].max.value = 7; d.tiers[1].min.value = 7; d.tiers[1].max.value = 12; }) },
  { message: 'pointsBoundLooksLikeRatio', path: '/tiers/1/max', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'points' }); }) },
  { message: 'highestTierEnd', path: '/tiers/1/max', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'points' }); d.tiers[0].max.value = 7; d.tiers[1].min.value = 7; d.tiers[1].max.value = 9; }) },
  { message: 'lowestTierStart', path: '/tiers/0/min', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'points' }); d.tiers[0].min.value = 1; d.tiers[0].max.value = 7; d.tiers[1].min.value = 7; d.tiers[1].max.value = 10; }) },
  { message: 'tierGap', path: '/tiers/1/min', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'points' }); d.tiers[0].max.value = 7; d.tiers[1].min.value = 8; d.tiers[1].max.value = 10; }) },
  { message: 'tierBoundary', path: '/tiers/1/min', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'points' }); d.tiers[0].max = { value: 7, inclusive: true }; d.tiers[1].min.value = 7; d.tiers[1].max.value = 10; }) },

  // Dates
  { message: 'notACalendarDay', path: '/effectiveDate', issues: () => errorsOf((d) => { d.effectiveDate = '2026-02-30'; }) },
  { message: 'endsBeforeStart', path: '/effectiveUntil', issues: () => errorsOf((d) => { d.effectiveUntil = '2025-01-01'; }) },

  // Readings and embedded tests
  {
    message: 'readingUnknownTarget',
    path: '/readings/0/appliesTo/0',
    issues: () => errorsOf((d) => { d.readings = [{ id: 'rd1', topic: { en: 'Log' }, reading: { en: 'Daily' }, concern: 'ambiguous', appliesTo: ['ghost'] }]; }),
  },
  { message: 'testUnknownInput', path: '/tests/0/inputs/ghost', issues: () => errorsOf((d) => { d.tests[0].inputs.ghost = 1; }) },
  { message: 'testNotApplicable', path: '/tests/0/notApplicable/log', issues: () => errorsOf((d) => { d.tests[0].notApplicable = { log: 'closed' }; }) },
  { message: 'testUnknownIndicator', path: '/tests/0/expect/indicators/ghost', issues: () => errorsOf((d) => { d.tests[0].expect.indicators = { ghost: 1 }; }) },
  { message: 'testUnknownRequirement', path: '/tests/0/expect/requirements/ghost', issues: () => errorsOf((d) => { d.tests[0].expect.requirements = { ghost: 'met' }; }) },

  // Input mapping
  { message: 'renamedNotAnInput', path: '/inputMapping/renamed/ghost', issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', renamed: { ghost: 'oldLog' } }; }) },
  { message: 'combinedNotAnInput', path: '/inputMapping/combined/ghost', issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', combined: { ghost: { from: ['a', 'b'], by: 'any' } } }; }) },
  {
    message: 'renamedAndCombined',
    path: '/inputMapping/combined/fridgeLog',
    issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', renamed: { fridgeLog: 'oldLog' }, combined: { fridgeLog: { from: ['a', 'b'], by: 'any' } } }; }),
  },
  { message: 'combinationCannotGive', path: '/inputMapping/combined/fridgeLog/by', issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', combined: { fridgeLog: { from: ['a', 'b'], by: 'sum' } } }; }) },
  { message: 'combinationCannotGive', path: '/inputMapping/combined/grade/by', issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', combined: { grade: { from: ['a', 'b'], by: 'any' } } }; }) },
  { message: 'defaultsNotAnInput', path: '/inputMapping/defaults/ghost', issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', defaults: { ghost: 1 } }; }) },

  // Lint
  {
    message: 'unreachablePoints',
    path: `${LOG_RULE}/conditions`,
    issues: () => warningsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].conditions = { all: [{ fact: 'defects', operator: 'greaterThan', value: 100 }] }; }),
  },
  { message: 'impossibleCondition', path: '/requirements/0/conditions', issues: () => warningsOf((d) => { d.requirements[0].conditions = { all: [{ fact: 'visits', operator: 'equal', value: 60 }] }; }) },
  {
    message: 'boundRoundedAbove',
    path: '/tiers/3/min/value',
    issues: () => {
      // The building example's levels (40, 50, 60, 80 of 110 points) as ratios rounded to four decimals: 60/110 rounds up.
      const doc = JSON.parse(readFileSync(new URL('../../examples/building-certification/rubric.json', import.meta.url), 'utf8')) as Loose;
      delete doc.tierBasis;
      doc.format = 'rubric/1';
      for (const tier of doc.tiers) {
        tier.min.value = Number((tier.min.value / 110).toFixed(4));
        tier.max.value = tier.max.value === 110 ? 1 : Number((tier.max.value / 110).toFixed(4));
      }
      return validateRubric(doc).warnings;
    },
  },
  {
    message: 'subGroupsMismatch',
    path: '/groups/0/points',
    issues: () =>
      errorsOf((d) => {
        // The indicator moves into two weighted sub-groups (rubric/2) whose weights add up to 9, not the group's 10.
        Object.assign(d, { format: 'rubric/2', tierBasis: 'ratio' });
        const [indicator] = d.groups[0].indicators;
        d.groups[0].groups = [
          { id: 'part-a', title: { zh: '甲', en: 'Part A' }, points: 10, weight: 5, indicators: [indicator] },
          { id: 'part-b', title: { zh: '乙', en: 'Part B' }, points: 10, weight: 4, indicators: [{ ...structuredClone(indicator), id: 'i1b', criteria: indicator.criteria.map((c: Loose) => ({ ...structuredClone(c), id: `${c.id}-b`, parent: c.parent && `${c.parent}-b` })) }] },
        ];
        delete d.groups[0].indicators;
      }),
  },
  {
    message: 'weightMissing',
    path: '/groups/0/groups/1',
    issues: () =>
      warningsOf((d) => {
        // Two sub-groups (rubric/2), only the first weighted: 5 + 5 raw points = the group's 10.
        Object.assign(d, { format: 'rubric/2', tierBasis: 'ratio' });
        const [indicator] = d.groups[0].indicators;
        d.groups[0].groups = [
          { id: 'part-a', title: { zh: '甲', en: 'Part A' }, points: 10, weight: 5, indicators: [indicator] },
          { id: 'part-b', title: { zh: '乙', en: 'Part B' }, points: 5, indicators: [{ id: 'i1b', title: { zh: '乙项', en: 'Part B item' }, points: 5, clause: '1.2', criteria: [{ id: 'b1', title: { zh: '乙：5', en: 'Part B: 5' }, points: 5, rules: [{ conditions: { all: [] }, event: { type: 'award', params: { kind: 'fixed', points: 5 } } }] }] }] },
        ];
        delete d.groups[0].indicators;
      }),
  },
  { message: 'rubric1ReadsResult', path: '/requirements/0/conditions/all/0/fact', issues: () => errorsOf((d) => { d.requirements[0].conditions = { all: [{ fact: '@total', operator: 'greaterThan', value: 1 }] }; }) },
  // Results are read in format rubric/2.
  { message: 'ruleReadsResult', path: `${LOG_RULE}/conditions`, issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'ratio' }); d.groups[0].indicators[0].criteria[0].rules[0].conditions.all.push({ fact: '@total', operator: 'greaterThan', value: 1 }); }) },
  { message: 'resultOfUnknownNode', path: '/requirements/0/conditions', issues: () => errorsOf((d) => { Object.assign(d, { format: 'rubric/2', tierBasis: 'ratio' }); d.requirements[0].conditions = { all: [{ fact: '@nowhere', operator: 'greaterThan', value: 1 }] }; }) },
  {
    message: 'tierUnreachable',
    path: '/tiers/0',
    issues: () =>
      warningsOf((d) => {
        // Clean always earns its 5 of 10: no total falls below 0.5, so "fail" (below 0.4) is out of reach, and no gate caps at it.
        d.groups[0].indicators[0].criteria[2].rules[0].event.params = { kind: 'fixed', points: 5 };
        d.tiers[0].max.value = 0.4;
        d.tiers[1].min.value = 0.4;
        delete d.requirements[0].gate;
      }),
  },
  { message: 'gateNeverBites', path: '/requirements/0/gate/capTier', issues: () => warningsOf((d) => { d.requirements[0].gate.capTier = 'pass'; }) },
  { message: 'requirementNeverMet', path: '/requirements/0/conditions', issues: () => warningsOf((d) => { d.requirements[0].conditions = { all: [{ fact: 'defects', operator: 'lessThan', value: 0 }] }; }) },
  {
    message: 'nothingDoneEarnsMore',
    path: `${CRITERIA}/0/rules/1`,
    issues: () =>
      warningsOf((d) => {
        d.groups[0].indicators[0].criteria[0].rules = [
          { conditions: { all: [{ fact: 'fridgeLog', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } },
          { conditions: { all: [{ fact: 'fridgeLog', operator: 'equal', value: false }] }, event: { type: 'award', params: { kind: 'fixed', points: 4 } } },
        ];
      }),
  },
  { message: 'staleText', path: `${CRITERIA}/2/title/en`, issues: () => warningsOf((d) => { d.groups[0].indicators[0].criteria[2].title.en = 'Clean: 6, minus 0.5 per defect'; }) },
  { message: 'staleText', path: '/inputs/2/help/en', issues: () => warningsOf((d) => { d.inputs[2].help = { en: 'minus 0.7 points each' }; }) },

  // Kinds: their own messages
  {
    message: 'choice.notAnOption',
    path: `${LOG_RULE}/event/params/points/top`,
    issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'choice', input: 'grade', points: { low: 1, top: 4 } }; }),
  },
  {
    message: 'choice.lowerGradeEarnsMore',
    path: `${LOG_RULE}/event/params/points/low`,
    issues: () => warningsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'choice', input: 'grade', points: { low: 3, mid: 2, high: 4 } }; }),
  },
  { message: 'deduction.whenBooleanOnly', path: `${CLEAN_PARAMS}/deductions/0/when`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[2].rules[0].event.params.deductions[0].when = true; }) },
  {
    message: 'deduction.belowNeedsNumber',
    path: `${CLEAN_PARAMS}/deductions/0/below`,
    issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[2].rules[0].event.params.deductions[0] = { input: 'fridgeLog', points: 1, below: 1 }; }),
  },
  { message: 'deduction.blocksNeedBelow', path: `${CLEAN_PARAMS}/deductions/0/blockSize`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[2].rules[0].event.params.deductions[0].blockSize = 2; }) },
  {
    message: 'steps.stepsOutOfOrder',
    path: `${LOG_RULE}/event/params/steps/1/atLeast`,
    issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'steps', input: 'visits', steps: [{ atLeast: 10, points: 4 }, { atLeast: 5, points: 2 }] }; }),
  },
  {
    message: 'steps.stepEarnsLess',
    path: `${LOG_RULE}/event/params/steps/1/points`,
    issues: () => warningsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'steps', input: 'visits', steps: [{ atLeast: 5, points: 4 }, { atLeast: 10, points: 2 }] }; }),
  },
  {
    message: 'steps.stepUnreachable',
    path: `${LOG_RULE}/event/params/steps/1/atLeast`,
    issues: () => warningsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'steps', input: 'visits', steps: [{ atLeast: 5, points: 4 }, { atLeast: 60, points: 4 }] }; }),
  },

  // Limits, and the errors thrown with them
  { message: 'notJson', path: '', issues: () => thrown(() => loadRubric('{"format": ')) },
  { message: 'fixJsonSyntax', path: '', issues: () => validateRubric('{"format": ').errors },
  { message: 'tooManyValues', path: '', issues: () => thrown(() => loadRubric({ ...base(), changelog: Array(RUBRIC_LIMITS.maxNodes).fill(0) })) },
  { message: 'keepValuesUnder', path: '', issues: () => thrown(() => loadRubric({ ...base(), changelog: Array(RUBRIC_LIMITS.maxNodes).fill(0) })) },
  { message: 'tooDeep', path: '', issues: () => thrown(() => loadRubric(changed((d) => { d.requirements[0].conditions = nest(RUBRIC_LIMITS.maxDepth); }))) },
  { message: 'flattenNesting', path: /^\/requirements\/0\/conditions(\/all\/0)+\/all$/, issues: () => thrown(() => loadRubric(changed((d) => { d.requirements[0].conditions = nest(RUBRIC_LIMITS.maxDepth); }))) },
  { message: 'tooLarge', path: '', issues: () => thrown(() => loadRubric(JSON.stringify({ ...base(), changelog: 'x'.repeat(RUBRIC_LIMITS.maxBytes) }))) },
  { message: 'reduceSize', path: '', issues: () => thrown(() => loadRubric({ ...base(), changelog: 'x'.repeat(RUBRIC_LIMITS.maxBytes) })) },
  { message: 'rubricInvalid', path: '', issues: () => thrown(() => loadRubric(changed((d) => { d.tiers[1].id = 'fail'; }))) },
  {
    message: 'moreIssues',
    path: '',
    issues: () => errorsOf((d) => { d.inputs.push(...Array.from({ length: 150 }, (_, i) => ({ id: `extra${i}`, type: 'boolean', label: { en: `Extra ${i}` }, maximum: 1 }))); }),
  },

  // The meta-schema
  { message: 'schemaRequired', path: '', issues: () => errorsOf((d) => { delete d.version; }) },
  { message: 'schemaUnknownProperty', path: '/extra', issues: () => errorsOf((d) => { d.extra = 1; }) },
  { message: 'schemaEnum', path: '/status', issues: () => errorsOf((d) => { d.status = 'final'; }) },
  { message: 'schemaConst', path: `${LOG_RULE}/event/type`, issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.type = 'bonus'; }) },
  // A format no meta-schema has: the known formats are named.
  { message: 'schemaEnum', path: '/format', issues: () => errorsOf((d) => { d.format = 'rubric/3'; d.tierBasis = 'ratio'; }) },
  { message: 'schemaRequired', path: '', issues: () => errorsOf((d) => { d.format = 'rubric/2'; }) },
  { message: 'schemaType', path: '/changelog', issues: () => errorsOf((d) => { d.changelog = 5; }) },
  { message: 'schemaPattern', path: '/version', issues: () => errorsOf((d) => { d.version = 'v1'; }) },
  { message: 'schemaComparison', path: '/rounding/decimals', issues: () => errorsOf((d) => { d.rounding.decimals = -1; }) },
  { message: 'schemaCount', path: '/groups', issues: () => errorsOf((d) => { d.groups = []; }) },
  { message: 'schemaUniqueItems', path: '/inputMapping/combined/fridgeLog/from', issues: () => errorsOf((d) => { d.inputMapping = { from: '0.9.0', combined: { fridgeLog: { from: ['a', 'a'], by: 'any' } } }; }) },
  {
    message: 'schemaOther',
    path: `${LOG_RULE}/event/params/points`,
    issues: () => errorsOf((d) => { d.groups[0].indicators[0].criteria[0].rules[0].event.params = { kind: 'choice', input: 'grade', points: { 'not a key': 4 } }; }),
  },

  // Assessment inputs
  { message: 'noInputsObject', path: '', issues: () => inputErrors({ inputs: null }) },
  { message: 'sendInputsObject', path: '/inputs', issues: () => inputErrors({ inputs: [] }) },
  { message: 'inputsInvalid', path: '', issues: () => inputErrors({ inputs: { ...ANSWERS, defects: -1 } }) },
  { message: 'inputValueWrong', path: '/inputs/defects', issues: () => inputErrors({ inputs: { ...ANSWERS, defects: -1 } }) },
  { message: 'expectBoolean', path: '/inputs/fridgeLog', issues: () => inputErrors({ inputs: { ...ANSWERS, fridgeLog: 'yes' } }) },
  { message: 'expectWholeNumber', path: '/inputs/visits', issues: () => inputErrors({ inputs: { ...ANSWERS, visits: 1.5 } }) },
  { message: 'expectNumber', path: '/inputs/hours', issues: () => inputErrors({ inputs: { ...ANSWERS, hours: 2000 } }) },
  { message: 'expectPercentage', path: '/inputs/rate', issues: () => inputErrors({ inputs: { ...ANSWERS, rate: 120 } }) },
  { message: 'expectOneOf', path: '/inputs/grade', issues: () => inputErrors({ inputs: { ...ANSWERS, grade: 'top' } }) },
  { message: 'expectListOf', path: '/inputs/services', issues: () => inputErrors({ inputs: { ...ANSWERS, services: ['a', 'a'] } }) },
  { message: 'expectSeries', path: '/inputs/monthly', issues: () => inputErrors({ inputs: { ...ANSWERS, monthly: [1] } }) },
  { message: 'shortenedValue', path: '/inputs/hours', issues: () => inputErrors({ inputs: { ...ANSWERS, hours: 'x'.repeat(200) } }) },
  { message: 'notAnInputOfRubric', path: '/inputs/ghost', issues: () => inputErrors({ inputs: { ...ANSWERS, ghost: 1 } }) },
  { message: 'inputsMissing', path: '', issues: () => inputErrors({ inputs: { ...ANSWERS, defects: undefined } }, true) },
  { message: 'inputRequired', path: '/inputs/defects', issues: () => inputErrors({ inputs: { ...ANSWERS, defects: undefined } }, true) },
  { message: 'sendNotApplicableObject', path: '/notApplicable', issues: () => inputErrors({ inputs: ANSWERS, notApplicable: [] }) },
  { message: 'notApplicableNotAllowed', path: '/notApplicable/log', issues: () => inputErrors({ inputs: ANSWERS, notApplicable: { log: 'closed' } }) },
  {
    message: 'notApplicableReason',
    path: '/notApplicable/log',
    issues: async () => {
      const doc = changed((d) => { d.groups[0].indicators[0].criteria[0].notApplicable = { allowed: true }; });
      try {
        await evaluate(loadRubric(doc), { inputs: ANSWERS, notApplicable: { log: ' ' } });
      } catch (err) {
        if (err instanceof RubricStudioError) return err.details;
        throw err;
      }
      throw new Error('expected a RubricStudioError');
    },
  },

  // Embedded test cases
  { message: 'expectedTotal', path: '/tests/0/expect/total', issues: () => testFailures((d) => { d.tests[0].expect.total = 9; }) },
  { message: 'expectedTier', path: '/tests/0/expect/tier', issues: () => testFailures((d) => { d.tests[0].expect.tier = 'fail'; }) },
  { message: 'expectedIndicator', path: '/tests/0/expect/indicators/i1', issues: () => testFailures((d) => { d.tests[0].expect.indicators = { i1: 9 }; }) },
  { message: 'expectedFinding', path: '/tests/0/expect/requirements/r1', issues: () => testFailures((d) => { d.tests[0].expect.requirements = { r1: 'notMet' }; }) },
  // Deployment profiles (the server's deployment.json, the command line's --deployment): what the schema cannot say.
  { message: 'profileIdUsedTwice', path: '/periodKinds/1/id', issues: () => deploymentProblems({ ...APPENDIX_C_DEPLOYMENT, periodKinds: [APPENDIX_C_DEPLOYMENT.periodKinds[0], { id: 'mid-term', label: { zh: '年中', en: 'mid-year' } }] }) },
  { message: 'fieldOfEverySubject', path: '/subject/attributes/0/id', issues: () => deploymentProblems(withAttribute({ id: 'name', label: { zh: '名称', en: 'name' }, required: true, type: 'text' })) },
  { message: 'choiceNeedsOptions', path: '/subject/attributes/0/options', issues: () => deploymentProblems(withAttribute({ id: 'type', label: { zh: '类型', en: 'type' }, required: true, type: 'choice' })) },
  { message: 'optionsOnlyForChoice', path: '/subject/attributes/0/options', issues: () => deploymentProblems(withAttribute({ id: 'type', label: { zh: '类型', en: 'type' }, required: true, type: 'text', options: [{ id: 'a', label: { zh: '甲', en: 'A' } }] })) },
  { message: 'notAPeriodKind', path: '/defaultPeriodKind', issues: () => deploymentProblems({ ...APPENDIX_C_DEPLOYMENT, defaultPeriodKind: 'annual' }) },

  // Impact filters: an attribute the deployment profile does not declare, and `street` under a profile without one.
  { message: 'impactFilterInvalid', path: '', issues: () => thrown(() => impactFilterFor({ attributes: { floor: '3' } }, APPENDIX_C_DEPLOYMENT)) },
  { message: 'notASubjectAttribute', path: '/filter/attributes/floor', issues: () => thrown(() => impactFilterFor({ attributes: { floor: '3' } }, APPENDIX_C_DEPLOYMENT)) },
  { message: 'notASubjectAttribute', path: '/filter/street', issues: () => thrown(() => impactFilterFor({ street: 'East' }, { subject: { ...APPENDIX_C_DEPLOYMENT.subject, attributes: [] } })) },

  // A test whose inputs the rubric refuses fails with the refusal, in both languages too.
  { message: 'inputsInvalid', path: '/tests/0', issues: () => testFailures((d) => { d.tests[0].inputs.defects = -1; }) },
];

/** An issue's text is in both languages, each complete: no placeholder left unfilled. */
function expectBilingual(found: Issue): void {
  const where = `${found.path}: ${found.message}`;
  expect(found.text, where).toBeDefined();
  const { zh, en } = found.text as { zh: string; en: string };
  expect(found.message, where).toBe(en);
  expect(zh.trim(), where).not.toBe('');
  expect(en.trim(), where).not.toBe('');
  expect(zh, where).not.toBe(en);
  expect(zh, where).toMatch(CJK);
  expect(en, where).not.toMatch(CJK);
  for (const text of [zh, en]) {
    expect(text, where).not.toContain('undefined');
    expect(text, where).not.toContain('${');
    expect(text, where).not.toContain('[object Object]');
  }
}

describe('every message the engine gives is in Chinese and English', () => {
  test.each(CASES.map((c) => ({ ...c, name: `${c.message} at ${String(c.path) || '(the document)'}` })))('$name', async ({ message, path, issues }) => {
    for (const spy of spies.values()) spy.mockClear();
    const found = await issues();
    expect(spies.get(message), `${message} is not in a catalogue`).toBeDefined();
    expect(spies.get(message)?.mock.calls.length, `${message} was not given`).toBeGreaterThan(0);
    if (typeof path === 'string') expect(found.map((i) => i.path)).toContain(path);
    else expect(found.some((i) => path.test(i.path)), `no issue at ${path}`).toBe(true);
    for (const issue of found) expectBilingual(issue);
    for (const [key, spy] of spies) if (spy.mock.calls.length > 0) given.add(key);
  });

  test('the cases above give every message of the catalogue', () => {
    expect([...spies.keys()].filter((key) => !given.has(key))).toEqual([]);
  });

});

describe('the API carries both languages', () => {
  test('a rubric error answers with each detail in Chinese and English', async () => {
    const app = await startApp();
    try {
      const doc = changed((d) => { d.tiers[1].min.value = 0.75; });
      const response = await expectStatus(call(app, 'editor', 'POST', '/api/preview/validate', { document: doc }), 200);
      const { errors } = response.json() as { errors: Issue[] };
      expect(errors).toContainEqual({ path: '/tiers/1/min', message: MESSAGES.tierGap(0.7, 0.75, 'pass', 'ratio').en, text: MESSAGES.tierGap(0.7, 0.75, 'pass', 'ratio') });
    } finally {
      await app.close();
    }
  });

  test('a publication refused for failing tests names each failure in Chinese and English', async () => {
    const app = await startApp();
    try {
      const document = changed((d) => { d.tests[0].expect.total = 9; });
      await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document }), 201);
      const response = await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/kitchen-check/versions/1.0.0/publish', { changelog: '' }), 409);
      const body = response.json() as { code: string; details: Issue[] };
      expect(body.code).toBe('RUBRIC_TESTS_FAILED');
      expect(body.details).toHaveLength(1);
      expectBilingual(body.details[0]);
      expect(body.details[0].text?.zh).toBe(`log kept, 3 defects：${MESSAGES.expectedTotal(9, 7.5).zh}`);
    } finally {
      await app.close();
    }
  });

  test('an input error answers with its details in Chinese and English', async () => {
    const app = await startApp();
    try {
      const response = await expectStatus(call(app, 'editor', 'POST', '/api/preview/score', { document: base(), inputs: { ...ANSWERS, rate: 120 } }), 422);
      const body = response.json() as { details: Issue[] };
      expect(body.details).toHaveLength(1);
      expectBilingual(body.details[0]);
    } finally {
      await app.close();
    }
  });
});
