/**
 * The starting document of a new version created without a version to copy: the smallest
 * rubric that validates (one input, one criterion, one tier), for the editor to build on.
 */
import type { Localized, RubricDocument } from '../engine/index.ts';

/** A blank draft of rubric `id` at `version`. */
export function blankRubric(id: string, version: string, title: Localized): RubricDocument {
  return {
    format: 'rubric/2',
    tierBasis: 'ratio',
    id,
    version,
    status: 'draft',
    title,
    source: { title: { zh: '待填写', en: 'To be filled in' }, clauses: [] },
    effectiveDate: new Date().toISOString().slice(0, 10),
    changelog: 'New blank version.',
    readings: [],
    rounding: { decimals: 1, mode: 'half-up' },
    inputs: [{ id: 'example', type: 'boolean', label: { zh: '示例输入', en: 'Example input' } }],
    groups: [
      {
        id: 'G1',
        title: { zh: '示例分组', en: 'Example group' },
        points: 1,
        indicators: [
          {
            id: 'I1',
            title: { zh: '示例指标', en: 'Example indicator' },
            points: 1,
            clause: '—',
            criteria: [
              {
                id: 'C1',
                title: { zh: '示例评分标准', en: 'Example criterion' },
                points: 1,
                rules: [{ conditions: { all: [{ fact: 'example', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } }],
              },
            ],
          },
        ],
      },
    ],
    tiers: [{ id: 'all', label: { zh: '全部', en: 'All' }, min: { value: 0, inclusive: true }, max: { value: 1, inclusive: true } }],
    requirements: [],
    tests: [],
  };
}
