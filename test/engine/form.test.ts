import { readFileSync } from 'node:fs';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, test } from 'vitest';
import { assessmentToFormData, deriveForm, evaluate, formDataToAssessment, loadRubric, type InputValues, type RubricDocument } from '../../engine/index.ts';

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

  test('an input a criterion and a requirement both read is named under the requirement, with where it is answered', () => {
    const requirements = sections.requirements as Schema & { description: string };
    // signInstalled is answered under indicator 2 (a criterion reads it) and judged by requirement 4.1.
    expect(requirements.description).toMatch(/^4\.1 .+ — 依据：.*“邻聚里\(HOME\+\)”标识（在“2\. [^”]+”中作答）/m);
    const en = deriveForm(rubric.index, 'en').schema as Schema;
    expect((en.properties.requirements as Schema & { description: string }).description).toMatch(/^4\.1 .+ — judged on: .*\(answered under “2\. /m);
    const help = (uiSchema['basic-setup'] as Record<string, Record<string, Record<string, string>>>).i02.signInstalled['ui:help'];
    expect(help).toContain('基本要求 4.1 — ');
  });
});

describe('the form of a rubric written in one language', () => {
  // The Appendix C rubric with its English only: title, groups, indicators, inputs, requirements.
  const englishOnly = (): RubricDocument => {
    const doc = structuredClone(rubric.doc) as RubricDocument;
    const onlyEnglish = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(onlyEnglish);
      else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.zh === 'string' && typeof record.en === 'string') delete record.zh;
        Object.values(record).forEach(onlyEnglish);
      }
    };
    onlyEnglish(doc);
    return doc;
  };

  test('is in that language whatever is asked, with its brackets and "1 pt"', () => {
    const english = loadRubric(englishOnly());
    for (const asked of [undefined, 'zh', 'en'] as const) {
      const form = JSON.stringify(deriveForm(english.index, asked));
      expect(form, String(asked)).not.toMatch(/[（）]|分）|基本要求/);
      expect(form, String(asked)).toContain('Baseline requirements');
    }
    const sectionsEn = (deriveForm(english.index, 'zh').schema as Schema).properties;
    expect(sectionsEn['basic-setup'].title).toBe('Basic setup (25 pts)');
    expect(JSON.stringify(sectionsEn)).toMatch(/\(1 pt\)/);
    expect(JSON.stringify(sectionsEn)).not.toMatch(/\(1 pts\)/);
  });

  test('a bilingual rubric is in the language asked, Chinese when none is', () => {
    expect((deriveForm(rubric.index).schema as Schema).properties.requirements.title).toBe('基本要求');
    expect((deriveForm(rubric.index, 'en').schema as Schema).properties.requirements.title).toBe('Baseline requirements');
    const chineseOnly = structuredClone(rubric.doc) as RubricDocument;
    chineseOnly.title = { zh: rubric.doc.title.zh };
    expect((deriveForm(loadRubric(chineseOnly).index, 'en').schema as Schema).properties.requirements.title).toBe('基本要求');
  });
});
