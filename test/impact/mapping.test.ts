/**
 * Re-scoring across versions. Version 2.0.0 of Appendix C (made here from 1.0.0) renames
 * satisfactionRate to satisfactionPercent, adds digitalRegister (read by a new requirement) and
 * replaces monthlyPlanAnnounced with monthlyPlanOnline in i14.2.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeImpact, impactCsv, loadRubric, MissingInputsTally, mapInputs, missingInputsReport, rescore, validateRubric, type InputValues, type RubricDocument } from '../../engine/index.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const v1 = JSON.parse(read('../../examples/appendix-c/rubric.json')) as RubricDocument;
const folder = new URL('../../examples/appendix-c/assessments/', import.meta.url);
const examples = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ id: f.replace('.json', ''), ...(JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as { inputs: InputValues }) }));
const demonstration = examples[0];

function version2(withMapping: boolean): RubricDocument {
  // Input ids only appear as JSON strings, so a textual rename reaches every reference.
  const doc = JSON.parse(JSON.stringify(v1).replaceAll('"satisfactionRate"', '"satisfactionPercent"').replaceAll('"monthlyPlanAnnounced"', '"monthlyPlanOnline"')) as RubricDocument;
  doc.version = '2.0.0';
  doc.status = 'draft';
  doc.tests = [];
  doc.inputs.push({ id: 'digitalRegister', type: 'boolean', label: { zh: '电子台账', en: 'Digital register' } });
  doc.requirements.push({ id: 'req-digital', clause: '6.1.6', modality: 'should', text: { zh: '建立电子台账', en: 'A digital register is kept' }, conditions: { all: [{ fact: 'digitalRegister', operator: 'equal', value: true }] } });
  if (withMapping) doc.inputMapping = { from: '1.0.0', renamed: { satisfactionPercent: 'satisfactionRate' }, defaults: { digitalRegister: false } };
  return doc;
}

describe('re-scoring an assessment under another version', () => {
  test('without a mapping: the renamed input is dropped and its criterion is not assessed, never 0', async () => {
    const target = loadRubric(version2(false));
    const outcome = await rescore(target, { inputs: demonstration.inputs }, '1.0.0');
    expect(outcome.mapping.mapping).toBe('byId');
    expect(outcome.mapping.note).toContain('declares no input mapping');
    expect(outcome.mapping.dropped).toEqual(['monthlyPlanAnnounced', 'satisfactionRate']);
    expect(outcome.notAssessed).toEqual([
      expect.objectContaining({ criterion: 'i14.2', indicator: 'i14', missing: ['monthlyPlanOnline'] }),
      expect.objectContaining({ criterion: 'i18.1', indicator: 'i18', missing: ['satisfactionPercent'] }),
    ]);
    const satisfaction = outcome.result.criteria.find((c) => c.id === 'i18.1');
    expect(satisfaction?.status).toBe('notAssessed');
    expect(satisfaction?.explanation.en).toContain('not assessed');
    expect(outcome.result.complete).toBe(false);
    expect(outcome.result.tier).toBeNull();
    expect(outcome.result.requirements.find((r) => r.id === 'req-7.1.1')).toMatchObject({ finding: 'notAssessed', missing: ['satisfactionPercent'] });
  });

  test('with a mapping: the renamed input is carried over, the new one defaults, the unmapped one is named', async () => {
    const target = loadRubric(version2(true));
    const outcome = await rescore(target, { inputs: demonstration.inputs }, '1.0.0');
    expect(outcome.mapping).toMatchObject({ mapping: 'declared', note: null, renamed: [{ to: 'satisfactionPercent', from: 'satisfactionRate' }], defaulted: ['digitalRegister'], dropped: ['monthlyPlanAnnounced'] });
    expect(outcome.mapping.inputs.satisfactionPercent).toBe(93.7);
    // 25 × 93.7 / 100 = 23.425 → 23.43, as under 1.0.0.
    expect(outcome.result.indicators.find((i) => i.id === 'i18')?.points).toBe(23.43);
    expect(outcome.result.requirements.find((r) => r.id === 'req-digital')?.finding).toBe('notMet');
    // monthlyPlanAnnounced has no counterpart: i14.2 is not assessed, naming monthlyPlanOnline.
    expect(outcome.notAssessed).toEqual([expect.objectContaining({ criterion: 'i14.2', missing: ['monthlyPlanOnline'] })]);
    // Everything else as the example's hand computation: 95.93 − i14.2's 1 point = 94.93.
    expect(outcome.result.total).toBe(94.93);
    expect(outcome.result.tier).toBeNull();
  });

  test('with the inputs complete under the target, the tier is given', async () => {
    const target = loadRubric(version2(true));
    const outcome = await rescore(target, { inputs: { ...demonstration.inputs, monthlyPlanOnline: true } }, '1.0.0');
    expect(outcome.notAssessed).toEqual([]);
    expect([outcome.result.total, outcome.result.tier]).toEqual([95.93, 'demonstration']);
  });

  test('a value the target rejects is dropped and reported, and its criterion is not assessed', async () => {
    const narrowed = version2(true);
    const percent = narrowed.inputs.find((i) => i.id === 'satisfactionPercent');
    if (percent) percent.maximum = 90;
    const outcome = await rescore(loadRubric(narrowed), { inputs: demonstration.inputs }, '1.0.0');
    expect(outcome.invalid).toEqual([expect.objectContaining({ path: '/inputs/satisfactionPercent' })]);
    expect(outcome.notAssessed.map((c) => c.criterion)).toEqual(['i14.2', 'i18.1']);
  });

  test('mapInputs ignores a mapping declared from another version and leaves the source untouched', () => {
    const inputs = { ...demonstration.inputs };
    const mapped = mapInputs(version2(true), inputs, '0.9.0');
    expect(mapped.mapping).toBe('byId');
    expect(mapped.note).toContain('reads from 1.0.0, not 0.9.0');
    expect(mapped.missing).toEqual(['monthlyPlanOnline', 'satisfactionPercent', 'digitalRegister']);
    expect(inputs).toEqual(demonstration.inputs);
  });
});

/** 2.0.0 with monthlyPlanOnline merged from two old yes/no inputs, and a new count merged from two old counts. */
function version2Merged(by: 'any' | 'all'): RubricDocument {
  const doc = version2(true);
  doc.inputs.push({ id: 'certificates', type: 'count', label: { zh: '持证人数', en: 'Certified staff' } });
  doc.inputMapping = {
    ...doc.inputMapping,
    from: '1.0.0',
    combined: { monthlyPlanOnline: { from: ['monthlyPlanAnnounced', 'communityBrand'], by }, certificates: { from: ['intermediateCertificates', 'juniorCertificates'], by: 'sum' } },
  };
  return doc;
}

describe('several old inputs merged into one new input', () => {
  test('any: one yes decides it, whatever the other says; both inputs are read, not dropped', async () => {
    const target = loadRubric(version2Merged('any'));
    const outcome = await rescore(target, { inputs: { ...demonstration.inputs, monthlyPlanAnnounced: false, communityBrand: true } }, '1.0.0');
    expect(outcome.mapping.inputs.monthlyPlanOnline).toBe(true);
    expect(outcome.mapping.combined).toEqual([
      { to: 'monthlyPlanOnline', from: ['monthlyPlanAnnounced', 'communityBrand'], by: 'any' },
      { to: 'certificates', from: ['intermediateCertificates', 'juniorCertificates'], by: 'sum' },
    ]);
    expect(outcome.mapping.dropped).not.toContain('monthlyPlanAnnounced');
    // The demonstration example has 2 intermediate and 4 junior certificates.
    expect(outcome.mapping.inputs.certificates).toBe((demonstration.inputs.intermediateCertificates as number) + (demonstration.inputs.juniorCertificates as number));
    expect(outcome.notAssessed).toEqual([]);
  });

  test('undecided answers leave the new input missing, never guessed', () => {
    const { monthlyPlanAnnounced: _a, communityBrand: _b, juniorCertificates: _c, ...rest } = demonstration.inputs;
    const anyOf = (values: InputValues) => mapInputs(version2Merged('any'), { ...rest, ...values }, '1.0.0');
    expect(anyOf({ monthlyPlanAnnounced: false }).missing).toContain('monthlyPlanOnline');
    expect(anyOf({ monthlyPlanAnnounced: true }).inputs.monthlyPlanOnline).toBe(true);
    expect(anyOf({ monthlyPlanAnnounced: false, communityBrand: false }).inputs.monthlyPlanOnline).toBe(false);
    const allOf = (values: InputValues) => mapInputs(version2Merged('all'), { ...rest, ...values }, '1.0.0');
    expect(allOf({ monthlyPlanAnnounced: false }).inputs.monthlyPlanOnline).toBe(false);
    expect(allOf({ monthlyPlanAnnounced: true }).missing).toContain('monthlyPlanOnline');
    // A sum needs every count.
    expect(anyOf({}).missing).toContain('certificates');
    expect(anyOf({}).combined.map((c) => c.to)).not.toContain('certificates');
    // A value of the wrong type decides nothing.
    expect(anyOf({ monthlyPlanAnnounced: 'yes' as never, juniorCertificates: true as never }).missing).toEqual(expect.arrayContaining(['monthlyPlanOnline', 'certificates']));
  });

  test('validation names a merge that cannot give the input its type, and an input both renamed and merged', () => {
    const doc = version2Merged('any');
    doc.inputMapping = { from: '1.0.0', renamed: { satisfactionPercent: 'satisfactionRate' }, combined: { monthlyPlanOnline: { from: ['monthlyPlanAnnounced', 'communityBrand'], by: 'sum' }, satisfactionPercent: { from: ['satisfactionRate', 'hygieneProblems'], by: 'max' } } };
    const { errors } = validateRubric(doc);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/inputMapping/combined/monthlyPlanOnline/by', message: '"sum" cannot give a boolean input: use any or all' }),
        expect.objectContaining({ path: '/inputMapping/combined/satisfactionPercent', message: expect.stringContaining('also in inputMapping.renamed') }),
      ]),
    );
    const unknown = version2Merged('any');
    (unknown.inputMapping as { combined: Record<string, unknown> }).combined.monthlyPlanOnline = { from: ['monthlyPlanAnnounced', 'communityBrand'], by: 'average' };
    expect(validateRubric(unknown).errors[0]).toMatchObject({ path: '/inputMapping/combined/monthlyPlanOnline/by' });
  });

  test('impact and its export name, per assessment, the inputs read from renamed or merged ones', () => {
    const report = analyzeImpact(loadRubric(v1), loadRubric(version2Merged('any')), examples.map((e) => ({ ...e, communityId: e.id })));
    expect(report.inputMapping.combined.map((c) => c.to)).toEqual(['monthlyPlanOnline', 'certificates']);
    expect(report.assessments[0].candidate.mapped).toEqual(['satisfactionPercent', 'monthlyPlanOnline', 'certificates']);
    expect(report.assessments[0].base.mapped).toEqual([]);
    const csv = impactCsv(report, 'assessments', 'en').toString('utf8');
    expect(csv.split('\n')[0]).toContain('Mapped inputs');
    expect(csv.split('\n')[1]).toContain('Certified staff');
  });
});

describe('the missing inputs report of a draft', () => {
  test('counts, per input, the stored assessments that lack it, and names them', () => {
    const report = missingInputsReport(version2(true), examples.map((e) => ({ id: e.id, inputs: e.inputs, version: '1.0.0' })));
    expect(report.assessments).toBe(8);
    expect(report.complete).toBe(0);
    const online = report.inputs[0];
    expect(online).toMatchObject({ input: 'monthlyPlanOnline', count: 8, required: true, readBy: ['i14.2'] });
    expect(online.assessments).toEqual(examples.map((e) => e.id));
    // 07 (extras without rooms) records none of the optional requirement inputs.
    const equipment = report.inputs.find((i) => i.input === 'fireEquipment');
    expect(equipment).toMatchObject({ count: 1, required: false, assessments: ['07-extras-without-rooms'], readBy: ['req-4.2.1'] });
    expect(report.inputs.find((i) => i.input === 'satisfactionPercent')).toBeUndefined();
    expect(report.inputs.find((i) => i.input === 'digitalRegister')).toBeUndefined();
  });

  test('drawn up one assessment at a time (as a cursor reads them), it is the same report', () => {
    const stored = examples.map((e, n) => ({ id: e.id, inputs: n % 3 === 0 ? { ...e.inputs, monthlyPlanOnline: true } : e.inputs, version: '1.0.0' }));
    const tally = new MissingInputsTally(version2(true));
    for (const assessment of stored) tally.add(assessment);
    const report = tally.report();
    expect(report).toEqual(missingInputsReport(version2(true), stored));
    expect(report.inputs[0]).toMatchObject({ input: 'monthlyPlanOnline', count: 5 });
  });
});
