/**
 * Assessment inputs: the JSON Schema of each input (shared by the form and the validator) and
 * the check of submitted values, with messages that name the input and the value expected.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { RubricStudioError } from '../errors.ts';
import { issue, pointerSegment } from '../document/issues.ts';
import { MESSAGES, type MessageText } from '../document/messages.ts';
import { own } from '../document/lookup.ts';
import { pick } from '../document/localized.ts';
import type { RubricIndex } from '../document/structure.ts';
import type { AssessmentInputs, InputDefinition, Issue, Language } from '../types.ts';
import type { CompiledRubric } from './compile.ts';

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
export function expectedValue(input: InputDefinition): MessageText {
  switch (input.type) {
    case 'boolean':
      return MESSAGES.expectBoolean();
    case 'count':
      return MESSAGES.expectWholeNumber(input.minimum ?? 0, input.maximum);
    case 'number':
      return MESSAGES.expectNumber(input.minimum, input.maximum);
    case 'percentage':
      return MESSAGES.expectPercentage(input.minimum ?? 0, input.maximum ?? 100);
    case 'choice':
      return MESSAGES.expectOneOf((input.options ?? []).map((o) => o.value));
    case 'multiChoice':
      return MESSAGES.expectListOf((input.options ?? []).map((o) => o.value));
    case 'series':
      return MESSAGES.expectSeries(input.length, input.minimum ?? 0, input.maximum);
  }
}

/** Validators of one rubric version's inputs, compiled once. */
export interface InputChecker {
  validate: ValidateFunction;
}

// ownProperties: an input named "constructor" or "toString" is read from the inputs, never from Object.prototype.
// Made on first use, not at import: the builder UI imports this module (for inputFieldSchema) and an
// instance made at load would keep all of ajv in its bundle.
let ajv: Ajv | undefined;

export function compileInputChecker(index: RubricIndex): InputChecker {
  ajv ??= new Ajv({ allErrors: true, strict: false, ownProperties: true });
  const properties = Object.fromEntries(index.doc.inputs.map((input) => [input.id, inputFieldSchema(input, 'en')]));
  return { validate: ajv.compile({ type: 'object', additionalProperties: false, properties }) };
}

/**
 * Checks an assessment's inputs against a compiled rubric without scoring it (drafts are checked
 * on every save; scoring them with explanations only to throw the result away costs 40× more).
 * @throws RubricStudioError INPUTS_INVALID, or INPUTS_INCOMPLETE when `complete` and a required input is missing
 */
export function checkAssessmentInputs(rubric: Pick<CompiledRubric, 'index' | 'inputChecker'>, assessment: AssessmentInputs, complete: boolean): void {
  checkInputs(rubric.index, rubric.inputChecker, assessment, complete);
}

/**
 * Checks submitted inputs; throws when a value is wrong (or, when `complete`, a required input is
 * missing that `notNeeded` does not excuse), so nothing is scored from invalid input. Valid
 * inputs without marks, the common case,
 * cost one compiled validation and nothing else: impact analyses check 200,000 of them.
 */
export function checkInputs(index: RubricIndex, checker: InputChecker, assessment: AssessmentInputs, complete: boolean, notNeeded?: () => ReadonlySet<string>): void {
  const inputs: unknown = assessment?.inputs;
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
    throw new RubricStudioError('INPUTS_INVALID', MESSAGES.noInputsObject(), [issue('/inputs', MESSAGES.sendInputsObject())]);
  }
  const given = inputs as Record<string, unknown>;
  const notApplicable: unknown = assessment.notApplicable ?? {};
  const marked = notApplicable === null || typeof notApplicable !== 'object' || Array.isArray(notApplicable) || Object.keys(notApplicable).length > 0;
  if (marked || !checker.validate(given)) {
    const issues = [...invalidInputs(index, checker, given).values(), ...invalidMarks(index, notApplicable)];
    if (issues.length > 0) throw new RubricStudioError('INPUTS_INVALID', MESSAGES.inputsInvalid(issues.length), issues);
  }
  if (!complete) return;
  let missing = index.doc.inputs.filter((input) => input.required !== false && own(given, input.id) === undefined).map((input) => input.id);
  // A question the answers given make unable to score (engine/scoring/needed.ts) is not required;
  // asked only when something is missing, since it needs the inputs checked above.
  if (missing.length > 0 && notNeeded) {
    const excused = notNeeded();
    missing = missing.filter((id) => !excused.has(id));
  }
  if (missing.length > 0) {
    throw new RubricStudioError(
      'INPUTS_INCOMPLETE',
      MESSAGES.inputsMissing(missing.length),
      missing.map((id) => {
        const input = index.inputs.get(id) as InputDefinition;
        return issue(`/inputs/${id}`, MESSAGES.inputRequired(inputName(input), expectedValue(input)));
      }),
    );
  }
}

/** Problems with the not-applicable marks: each names a criterion the rubric lets be marked, with a reason. */
function invalidMarks(index: RubricIndex, notApplicable: unknown): Issue[] {
  if (notApplicable === null || typeof notApplicable !== 'object' || Array.isArray(notApplicable)) {
    return [issue('/notApplicable', MESSAGES.sendNotApplicableObject())];
  }
  const issues: Issue[] = [];
  for (const [id, reason] of Object.entries(notApplicable)) {
    const entry = index.criterionById.get(id);
    const path = `/notApplicable/${pointerSegment(id)}`;
    if (!entry?.criterion.notApplicable?.allowed) issues.push(issue(path, MESSAGES.notApplicableNotAllowed(id)));
    else if (typeof reason !== 'string' || reason.trim() === '') issues.push(issue(path, MESSAGES.notApplicableReason()));
  }
  return issues;
}

/**
 * By input id, the issue of each input whose value is wrong or that the rubric does not have,
 * naming the input and what it expects. Not capped: re-scoring drops every one (engine/compare/mapping.ts).
 */
export function invalidInputs(index: RubricIndex, checker: InputChecker, inputs: Record<string, unknown>): Map<string, Issue> {
  const issues = new Map<string, Issue>();
  if (checker.validate(inputs)) return issues;
  for (const error of checker.validate.errors ?? []) {
    const id = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : error.instancePath.split('/')[1];
    if (issues.has(id)) continue;
    const input = index.inputs.get(id);
    issues.set(
      id,
      input
        ? issue(`/inputs/${id}`, MESSAGES.inputValueWrong(inputName(input), expectedValue(input), shownValue(own(inputs, id))))
        : issue(`/inputs/${pointerSegment(id)}`, MESSAGES.notAnInputOfRubric(id, index.doc.id, index.doc.version)),
    );
  }
  return issues;
}

/** A submitted value as JSON, shortened: a message quotes it, and it may be a megabyte long. */
function shownValue(value: unknown): MessageText {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? MESSAGES.shortenedValue(text.slice(0, 80), text.length) : { zh: text, en: text };
}

/** The input's label in each language (either falls back to the other), e.g. "满意率" / "Satisfaction rate". */
function inputName(input: InputDefinition): MessageText {
  return { zh: pick(input.label, 'zh'), en: pick(input.label, 'en') };
}
