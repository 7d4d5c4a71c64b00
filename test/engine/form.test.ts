import { readFileSync } from 'node:fs';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, test } from 'vitest';
import { assessmentToFormData, deriveForm, evaluate, formDataToAssessment, loadRubric, type InputValues } from '../../engine/index.ts';

const rubric = loadRubric(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8'));
const example = JSON.parse(readFileSync(new URL('../../examples/appendix-c/assessments/01-demonstration.json', import.meta.url), 'utf8')) as { inputs: InputValues };
type Schema = { title?: string; properties: Record<string, Schema & Record<string, unknown>>; required?: string[] } & Record<string, unknown>;

describe('the derived assessment form', () => {
  const { schema, uiSchema } = deriveForm(rubric.index);
  const sections = (schema as Schema).properties;

  test('has one section per group, then the baseline requirements, in Chinese by default', () => {
    expect(Object.keys(sections)).toEqual(['basic-setup', 'operation', 'effectiveness', 'requirements']);
    expect(sections['basic-setup'].title).toBe('基本设置（25 分）');
    expect(sections.requirements.title).toBe('基本要求');
  });

  test('groups fields by indicator with units and bounds, in the form’s one language', () => {
    const training = sections.operation.properties.i11.properties.averageTrainingHours as Record<string, unknown>;
    expect(training).toMatchObject({ type: 'number', minimum: 0, maximum: 10000 });
    expect(training.title).toMatch(/（学时）$/);
    const ui = (uiSchema.operation as Record<string, Record<string, Record<string, string>>>).i11.averageTrainingHours;
    expect(ui['ui:description']).toBeUndefined();
    expect(JSON.stringify(uiSchema)).not.toContain('Average annual training hours');
  });

  test('is one self-contained schema: no $id or $ref for the browser to resolve (builder-ui/src/uri-resolver.ts relies on it)', () => {
    expect(JSON.stringify(schema)).not.toMatch(/"\$(ref|id|anchor|dynamicRef)"/);
  });

  test('writes help text from the scoring rule', () => {
    const ui = (uiSchema['basic-setup'] as Record<string, Record<string, Record<string, string>>>).i04.hygieneProblems;
    expect(ui['ui:help']).toContain('2 分起');
    expect(ui['ui:help']).toContain('扣 0.5 分');
    expect(ui['ui:help']).toContain('不低于 0 分');
  });

  test('switches every label to English', () => {
    const en = deriveForm(rubric.index, 'en').schema as Schema;
    expect(en.properties['basic-setup'].title).toBe('Basic setup (25 pts)');
    // Proper names such as 一滨办 stay in Chinese; no Chinese title is left untranslated.
    const titles = (form: unknown): string[] => [...JSON.stringify(form).matchAll(/"title":"([^"]*)"/g)].map((m) => m[1]);
    const chinese = new Set(titles(schema).filter((t) => /[\u4e00-\u9fff]/.test(t)));
    expect(titles(en).length).toBeGreaterThan(60);
    expect(titles(en).filter((t) => chinese.has(t))).toEqual([]);
  });

  test('is accepted by the @rjsf validator: good data passes, a bad value fails at its field', () => {
    const validator = customizeValidator<Record<string, unknown>>();
    const formData = assessmentToFormData(deriveForm(rubric.index), { inputs: example.inputs });
    expect(validator.validateFormData(formData, schema as never).errors).toEqual([]);
    const bad = structuredClone(formData) as Record<string, Record<string, Record<string, unknown>>>;
    bad.effectiveness.i18.satisfactionRate = 130;
    const { errors } = validator.validateFormData(bad, schema as never);
    expect(errors.map((e) => e.property)).toEqual(['.effectiveness.i18.satisfactionRate']);
  });

  test('form data and flat assessment inputs convert both ways without loss, and score the same', async () => {
    const formData = assessmentToFormData(deriveForm(rubric.index), { inputs: example.inputs });
    const back = formDataToAssessment(formData);
    expect(back.inputs).toEqual(example.inputs);
    expect((await evaluate(rubric, back)).total).toBe((await evaluate(rubric, { inputs: example.inputs })).total);
  });
});
