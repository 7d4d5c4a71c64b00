/**
 * The hand-written form validator (builder-ui/src/model/form-validator.ts), which replaces
 * ajv in the served app (the CSP forbids ajv's code generation). Each verdict is checked against
 * ajv, configured as the engine's input checker is (engine/scoring/inputs.ts), on the form the engine
 * derives (deriveForm): where the two disagree, the form would refuse what the server accepts or
 * let through what it refuses.
 */
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { assessmentToFormData, deriveForm, indexRubric, type InputValues, type Language, type RubricDocument } from '../../engine/browser.ts';
import { checkValue, formValidator } from '../../builder-ui/src/model/form-validator.ts';
import { appendixC, everyInputType, venueAccessibility } from './documents.ts';

const ajv = new Ajv({ allErrors: true, strict: false, ownProperties: true });
type Schema = Parameters<typeof checkValue>[0];

function formOf(doc: RubricDocument, lang: Language = 'en') {
  const index = indexRubric(doc);
  const form = deriveForm(index, lang);
  const schema = form.schema as Schema;
  const validate = ajv.compile(schema);
  return {
    schema,
    /** Form data of flat inputs, as the assessment page fills the form. */
    data: (inputs: InputValues, notApplicable?: Record<string, string>) => assessmentToFormData(form, notApplicable ? { inputs, notApplicable } : { inputs }),
    ajvValid: (data: unknown) => validate(data) as boolean,
  };
}

// The fixture's own test case answers every input with a valid value.
const everyType = everyInputType();
const complete: InputValues = { flag: true, visits: 20, hours: 100, rate: 100, grade: 'high', services: ['a', 'b'], monthly: [50, 50, 0] };
const form = formOf(everyType);

describe('every input type: valid and invalid values, with the same verdict as ajv', () => {
  // [input, value, the rule it breaks (undefined: valid), where the error sits below the input]
  const cases: [string, unknown, string | undefined, string?][] = [
    ['flag', true, undefined],
    ['flag', false, undefined],
    ['flag', 'yes', 'type'],
    ['flag', 1, 'type'],
    ['visits', 0, undefined],
    ['visits', 100, undefined],
    ['visits', 101, 'maximum'],
    ['visits', -1, 'minimum'],
    ['visits', 2.5, 'type'],
    ['visits', '3', 'type'],
    ['hours', 2.5, undefined],
    ['hours', 1000, undefined],
    ['hours', 1000.5, 'maximum'],
    ['hours', -0.1, 'minimum'],
    ['rate', 0, undefined],
    ['rate', 99.5, undefined],
    ['rate', 100.1, 'maximum'],
    ['rate', -1, 'minimum'],
    ['grade', 'low', undefined],
    ['grade', 'top', 'oneOf'],
    ['grade', 1, 'type'],
    ['services', [], undefined],
    ['services', ['c', 'a'], undefined],
    ['services', ['a', 'a'], 'uniqueItems'],
    ['services', ['d'], 'oneOf', '.0'],
    ['services', 'a', 'type'],
    ['monthly', [0, 50, 1], undefined],
    ['monthly', [1, 2], 'minItems'],
    ['monthly', [1, 2, 3, 4], 'maxItems'],
    ['monthly', [1, 51, 0], 'maximum', '.1'],
    ['monthly', [1, -1, 0], 'minimum', '.1'],
    ['monthly', [1, 1.5, 0], 'type', '.1'],
    ['monthly', [1, null, 0], 'type', '.1'],
  ];
  test.each(cases)('%s = %j → %s', (id, value, rule, below = '') => {
    const data = form.data({ ...complete, [id]: value as InputValues[string] });
    const errors = checkValue(form.schema, data, 'en');
    expect(errors.length === 0).toBe(form.ajvValid(data));
    if (rule === undefined) expect(errors).toEqual([]);
    else expect(errors.map((e) => [e.name, e.property])).toEqual([[rule, `.G.I.${id}${below}`]]);
  });

  test('a required input left out is named; an optional one may be left out', () => {
    const { flag: _, ...withoutFlag } = complete;
    const errors = checkValue(form.schema, form.data(withoutFlag), 'en');
    expect(errors.map((e) => [e.name, e.property, e.stack])).toEqual([['required', '.G.I.flag', 'Flag: is required']]);
    expect(form.ajvValid(form.data(withoutFlag))).toBe(false);

    const optional = everyInputType();
    optional.inputs[0].required = false;
    const optionalForm = formOf(optional);
    expect(checkValue(optionalForm.schema, optionalForm.data(withoutFlag), 'en')).toEqual([]);
    expect(optionalForm.ajvValid(optionalForm.data(withoutFlag))).toBe(true);
  });

  test('the bounds a rubric sets on an input are the ones enforced', () => {
    // visits: count, maximum 100 in the fixture; raise it to 500 and 101 becomes valid.
    const raised = everyInputType();
    raised.inputs[1].maximum = 500;
    const raisedForm = formOf(raised);
    expect(checkValue(raisedForm.schema, raisedForm.data({ ...complete, visits: 101 }), 'en')).toEqual([]);
    expect(checkValue(raisedForm.schema, raisedForm.data({ ...complete, visits: 501 }), 'en').map((e) => e.name)).toEqual(['maximum']);
  });
});

describe('untouched parts of the form', () => {
  test('an untouched form still needs every required input, one error per input and nothing else', () => {
    // Plain JSON Schema (ajv) accepts {}: the form's root requires no section. The validator
    // checks untouched sections for their required fields, as the server does for a complete assessment.
    const errors = checkValue(form.schema, {}, 'en');
    expect(errors.map((e) => e.property)).toEqual(['flag', 'visits', 'hours', 'rate', 'grade', 'services', 'monthly'].map((id) => `.G.I.${id}`));
  });

  test('an indicator whose inputs are all optional does not block the form (the server requires nothing there)', () => {
    const optional = everyInputType();
    for (const input of optional.inputs) input.required = false;
    const optionalForm = formOf(optional);
    expect(checkValue(optionalForm.schema, {}, 'en')).toEqual([]);
    expect(checkValue(optionalForm.schema, { G: {} }, 'en')).toEqual([]);
  });

  test('appendix C: the required inputs of an empty form are exactly the inputs the rubric requires', () => {
    const doc = appendixC();
    const { schema } = formOf(doc);
    const named = checkValue(schema, {}, 'en').map((e) => (e.property ?? '').split('.').at(-1));
    expect(named.sort()).toEqual(doc.inputs.filter((i) => i.required !== false).map((i) => i.id).sort());
  });
});

describe('the real rubrics', () => {
  test.each([
    ['appendix C', appendixC()],
    ['venue accessibility', venueAccessibility()],
  ])('%s: every test case of the rubric passes the form', (_, doc) => {
    const real = formOf(doc);
    for (const testCase of doc.tests) {
      const data = real.data(testCase.inputs, testCase.notApplicable);
      expect(checkValue(real.schema, data, 'en'), testCase.name).toEqual([]);
      expect(real.ajvValid(data), testCase.name).toBe(true);
    }
  });

  test('a not-applicable reason is text of at most 500 characters, counted as characters, not UTF-16 units', () => {
    const doc = venueAccessibility();
    const venue = formOf(doc);
    const inputs = doc.tests[0].inputs;
    for (const [reason, valid] of [
      ['单'.repeat(500), true],
      ['🏢'.repeat(500), true],
      ['x'.repeat(501), false],
    ] as const) {
      const data = venue.data(inputs, { 'B1.1': reason });
      expect(checkValue(venue.schema, data, 'en').length === 0).toBe(valid);
      expect(venue.ajvValid(data)).toBe(valid);
    }
  });
});

describe('messages', () => {
  test('name the field in the form language, in Chinese and in English', () => {
    const doc = appendixC();
    const inputs = Object.fromEntries(doc.tests[0].inputs ? Object.entries(doc.tests[0].inputs) : []);
    for (const [lang, words] of [
      ['zh', '不能大于 1000'],
      ['en', 'must be at most 1000'],
    ] as const) {
      const { schema, data } = formOf(doc, lang);
      const [error] = checkValue(schema, data({ ...inputs, hygieneProblems: 1001 }), lang);
      const title = (schema.properties?.['basic-setup'].properties?.i04.properties?.hygieneProblems.title ?? '') as string;
      expect(title).not.toBe('');
      expect(error.message).toBe(words);
      expect(error.stack).toBe(`${title}: ${words}`);
    }
  });

  test.each([
    ['zh', { visits: 2.5 }, '应为整数'],
    ['en', { visits: 2.5 }, 'must be a whole number'],
    ['zh', { services: ['a', 'a'] }, '不能重复选择'],
    ['en', { grade: 'top' }, 'must be one of the options given'],
    ['zh', { monthly: [1, 2] }, '至少 3 项'],
    ['en', { monthly: [1, 2, 3, 4] }, 'takes at most 3 items'],
  ] as const)('%s: %j → %s', (lang, change, message) => {
    const errors = checkValue(form.schema, form.data({ ...complete, ...(change as InputValues) }), lang);
    expect(errors.map((e) => e.message)).toEqual([message]);
  });
});

describe('formValidator, the interface rjsf calls', () => {
  const validator = formValidator('en');

  test('validateFormData places each error on its field in the error schema', () => {
    const { errors, errorSchema } = validator.validateFormData(form.data({ ...complete, visits: 101, monthly: [1, 51, 0] }), form.schema as never);
    expect(errors).toHaveLength(2);
    const schema = errorSchema as unknown as { G: { I: { visits: { __errors: string[] }; monthly: { 1: { __errors: string[] } } } } };
    expect(schema.G.I.visits.__errors).toEqual(['must be at most 100']);
    expect(schema.G.I.monthly[1].__errors).toEqual(['must be at most 50']);
  });

  test('validateFormData passes the errors through transformErrors', () => {
    const { errors } = validator.validateFormData(form.data({ ...complete, visits: 101 }), form.schema as never, undefined, (list) => list.map((e) => ({ ...e, message: 'changed' })));
    expect(errors.map((e) => e.message)).toEqual(['changed']);
  });

  test('isValid and rawValidation agree with validateFormData', () => {
    const good = form.data(complete);
    const bad = form.data({ ...complete, rate: 101 });
    expect(validator.isValid(form.schema as never, good, form.schema as never)).toBe(true);
    expect(validator.isValid(form.schema as never, bad, form.schema as never)).toBe(false);
    expect(validator.rawValidation(form.schema as never, bad).errors).toHaveLength(1);
  });

  test('an error on a criterion id with a dot ("B1.1") lands on that field of the error schema', () => {
    const doc = venueAccessibility();
    const venue = formOf(doc);
    const { errorSchema } = validator.validateFormData(venue.data(doc.tests[0].inputs, { 'B1.1': 'x'.repeat(501) }), venue.schema as never);
    const notApplicable = (errorSchema as unknown as { notApplicable: Record<string, { __errors: string[] }> }).notApplicable;
    expect(Object.keys(notApplicable)).toEqual(['B1.1']);
    expect(notApplicable['B1.1'].__errors).toEqual(['must be at most 500 characters']);
  });

  test('a field id with a dot is quoted in the error property and kept whole in the error schema', () => {
    const schema: Schema = { type: 'object', properties: { 'a.b': { type: 'integer', title: 'Dotted' } }, required: ['a.b'] };
    expect(checkValue(schema, {}, 'en').map((e) => e.property)).toEqual(["['a.b']"]);
    const { errorSchema } = validator.validateFormData({ 'a.b': 1.5 }, schema as never);
    expect((errorSchema as unknown as Record<string, { __errors: string[] }>)['a.b'].__errors).toEqual(['must be a whole number']);
  });
});
