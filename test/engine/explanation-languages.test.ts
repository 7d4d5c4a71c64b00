/**
 * Every explanation line is in one language: the kinds write their arithmetic and adjustments in
 * both (caps, floors, rounding, "highest level only", options by their labels), so a Chinese
 * result reads no English words and an English one no Chinese, on every Appendix C example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate, type InputValues, loadRubric } from '../../engine/index.ts';

const rubric = loadRubric(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8'));
const folder = new URL('../../examples/appendix-c/assessments/', import.meta.url);
const examples = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ ...(JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as { inputs: InputValues; notApplicable?: Record<string, string> }), file: f }));

/** Latin words in a Chinese line, leaving out the rubric's own text (clause numbers such as C.1, R9, HOME+). */
const englishWords = (line: string): string[] => (line.match(/\b[a-z]{3,}\b/g) ?? []).filter((w) => !['max'].includes(w));

describe('explanations in one language', () => {
  test.each(examples)('$file: no English words in Chinese explanations, no Chinese in English ones', async ({ inputs, notApplicable }) => {
    const result = await evaluate(rubric, { inputs, notApplicable });
    for (const c of result.criteria) {
      expect(englishWords(c.explanation.zh ?? ''), c.explanation.zh).toEqual([]);
      // English lines quote the rubric's English titles; the kinds' own words must not be Chinese.
      expect(c.explanation.en ?? '', c.id).not.toMatch(/最高|不低于|条件成立|只按最高|四舍五入|加分项/);
    }
  });

  test('a capped count, a choice by its label and the highest level of several read in Chinese', async () => {
    const demonstration = examples.find((e) => e.file.startsWith('01'));
    if (!demonstration) throw new Error('the examples changed');
    const result = await evaluate(rubric, { inputs: demonstration.inputs });
    const line = (id: string): string => result.criteria.find((c) => c.id === id)?.explanation.zh ?? `no ${id}`;
    const capped = result.criteria.find((c) => c.adjustments.some((a) => a.startsWith('cap ')));
    expect(capped, 'an example criterion with a cap').toBeDefined();
    expect(line(capped?.id ?? '')).toMatch(/最高 \d+(\.\d+)? 分/);
    const choice = rubric.doc.inputs.find((i) => i.id === 'staffRulesImplementation');
    const option = choice?.options?.find((o) => o.value === demonstration.inputs.staffRulesImplementation);
    expect(line('i08.2')).toContain(`${option?.label.zh} →`);
    expect(line('i08.2')).not.toContain(`${demonstration.inputs.staffRulesImplementation} →`);
  });
});
