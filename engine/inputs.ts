/**
 * Assessment inputs: the JSON Schema of each input (shared by the form and the validator) and
 * the check of submitted values, with messages that name the input and the value expected.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { RubricStudioError } from './errors.ts';
import { pick, type RubricIndex } from './structure.ts';
import type { AssessmentInputs, InputDefinition, Issue, Language } from './types.ts';

type Schema = Record<string, unknown>;

/** JSON Schema (draft-07, the @rjsf default) of one input, titled in the given language. */
export function inputFieldSchema(input: InputDefinition, lang: Language): Schema {
  const title = pick(input.label, lang);
  const yes = lang === 'zh' ? '是' : 'Yes';
  const no = lang === 'zh' ? '否' : 'No';
  const bounds = { ...(input.minimum !== undefined && { minimum: input.minimum }), ...(input.maximum !== undefined && { maximum: input.maximum }) };
  switch (input.type) {
    case 'boolean':
      return { type: 'boolean', title, oneOf: [{ const: true, title: yes }, { const: false, title: no }] };
    case 'count':
      return { type: 'integer', title, minimum: 0, ...bounds };
    case 'number':
      return { type: 'number', title, ...bounds };
    case 'percentage':
      return { type: 'number', title, minimum: 0, maximum: 100, ...bounds };
    case 'choice':
      return { type: 'string', title, oneOf: (input.options ?? []).map((o) => ({ const: o.value, title: pick(o.label, lang) })) };
    case 'multiChoice':
      return { type: 'array', title, uniqueItems: true, items: { type: 'string', oneOf: (input.options ?? []).map((o) => ({ const: o.value, title: pick(o.label, lang) })) } };
    case 'series': {
      const length = input.length ?? 1;
      const item = { type: 'integer', minimum: 0, ...bounds };
      return {
        type: 'array',
        title,
        minItems: length,
        maxItems: length,
        items: Array.from({ length }, (_, i) => ({ ...item, title: pick(input.itemLabels?.[i], lang) || `${i + 1}` })),
      };
    }
  }
}

/** What a valid value looks like, in words, for error messages. */
export function expectedValue(input: InputDefinition): string {
  const range = (lo: number | undefined, hi: number | undefined): string =>
    lo !== undefined && hi !== undefined ? ` from ${lo} to ${hi}` : lo !== undefined ? ` of at least ${lo}` : hi !== undefined ? ` of at most ${hi}` : '';
  switch (input.type) {
    case 'boolean':
      return 'true or false';
    case 'count':
      return `a whole number${range(input.minimum ?? 0, input.maximum)}`;
    case 'number':
      return `a number${range(input.minimum, input.maximum)}`;
    case 'percentage':
      return `a percentage${range(input.minimum ?? 0, input.maximum ?? 100)}`;
    case 'choice':
      return `one of: ${(input.options ?? []).map((o) => o.value).join(', ')}`;
    case 'multiChoice':
      return `a list without repeats of: ${(input.options ?? []).map((o) => o.value).join(', ')}`;
    case 'series':
      return `a list of exactly ${input.length} whole numbers${range(input.minimum ?? 0, input.maximum)}`;
  }
}

/** Validators of one rubric version's inputs, compiled once. */
export interface InputChecker {
  validate: ValidateFunction;
}

const ajv = new Ajv({ allErrors: true, strict: false });

export function compileInputChecker(index: RubricIndex): InputChecker {
  const properties = Object.fromEntries(index.doc.inputs.map((input) => [input.id, inputFieldSchema(input, 'en')]));
  return { validate: ajv.compile({ type: 'object', additionalProperties: false, properties }) };
}

/**
 * Checks submitted inputs. Returns the inputs that are missing (required ones only when
 * `complete`); throws when a value is wrong, so nothing is scored from invalid input.
 */
export function checkInputs(index: RubricIndex, checker: InputChecker, assessment: AssessmentInputs, complete: boolean): string[] {
  const issues: Issue[] = [];
  const inputs: unknown = assessment?.inputs;
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
    throw new RubricStudioError('INPUTS_INVALID', 'The assessment has no "inputs" object.', [{ path: '/inputs', message: 'send "inputs" as an object of input id → value' }]);
  }
  if (!checker.validate(inputs)) {
    const seen = new Set<string>();
    for (const error of checker.validate.errors ?? []) {
      const id = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : error.instancePath.split('/')[1];
      if (seen.has(id)) continue;
      seen.add(id);
      const input = index.inputs.get(id);
      issues.push(
        input
          ? { path: `/inputs/${id}`, message: `${inputName(input)}: expected ${expectedValue(input)}, got ${JSON.stringify((inputs as Record<string, unknown>)[id])}` }
          : { path: `/inputs/${id}`, message: `"${id}" is not an input of rubric ${index.doc.id} ${index.doc.version}: remove it or check its spelling` },
      );
    }
  }
  const notApplicable: unknown = assessment.notApplicable ?? {};
  if (notApplicable === null || typeof notApplicable !== 'object' || Array.isArray(notApplicable)) {
    issues.push({ path: '/notApplicable', message: 'send "notApplicable" as an object of criterion id → reason' });
  } else {
    for (const [id, reason] of Object.entries(notApplicable)) {
      const entry = index.criterionById.get(id);
      if (!entry?.criterion.notApplicable?.allowed) issues.push({ path: `/notApplicable/${id}`, message: `"${id}" is not a criterion that this rubric allows to be marked not applicable` });
      else if (typeof reason !== 'string' || reason.trim() === '') issues.push({ path: `/notApplicable/${id}`, message: 'give the reason the criterion does not apply, as text' });
    }
  }
  if (issues.length > 0) throw new RubricStudioError('INPUTS_INVALID', `${issues.length} input${issues.length > 1 ? 's are' : ' is'} invalid: nothing was scored.`, issues);

  const given = inputs as Record<string, unknown>;
  const missing = index.doc.inputs.filter((input) => input.required !== false && given[input.id] === undefined).map((input) => input.id);
  if (complete && missing.length > 0) {
    throw new RubricStudioError(
      'INPUTS_INCOMPLETE',
      `${missing.length} required input${missing.length > 1 ? 's are' : ' is'} missing.`,
      missing.map((id) => ({ path: `/inputs/${id}`, message: `${inputName(index.inputs.get(id) as InputDefinition)}: required, expected ${expectedValue(index.inputs.get(id) as InputDefinition)}` })),
    );
  }
  return missing;
}

/** The input's label in both languages when they differ, e.g. "满意率 (Satisfaction rate)". */
function inputName(input: InputDefinition): string {
  const zh = pick(input.label, 'zh');
  const en = pick(input.label, 'en');
  return zh === en ? zh : `${zh} (${en})`;
}
