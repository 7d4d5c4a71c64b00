/**
 * Progress through the generated assessment form, without React: its sections with how many of
 * their questions are answered, and the form with the questions the server reports as not needed
 * (engine/scoring/needed.ts) marked so and no longer required. Which questions are not needed is
 * the engine's answer; nothing here judges a condition.
 */
import { type AssessmentForm, type Language, NOT_APPLICABLE_SECTION, own } from '../../../engine/browser.ts';
import { message } from '../i18n/message.ts';
import { inputsToSend } from './assessment.ts';

type Schema = { type?: string; title?: string; properties?: Record<string, Schema>; required?: string[] };
type Ui = Record<string, unknown>;

/** One section of the form (a top-level group, or the baseline requirements). */
export interface SectionProgress {
  /** The section's key in the form data; its fieldset's id is `<idPrefix>_<id>`. */
  id: string;
  /** Its title as the form shows it (from the rubric, in the form's language). */
  title: string;
  answered: number;
  /** Questions answered, plus those unanswered that are still needed. */
  total: number;
}

/** The question ids under one form node: fields of indicators in a section, or the section's own fields. */
function questionsOf(node: Schema): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => (child.type === 'object' && child.properties ? questionsOf(child) : [key]));
}

/**
 * Each section's answered and total questions. A question not needed and unanswered leaves the
 * total; one answered counts whatever its need, since its answer is kept. Not-applicable reasons
 * are marks, not questions, and have no section here.
 */
export function sectionProgress(form: AssessmentForm, formData: Record<string, unknown>, notNeeded: ReadonlySet<string>): SectionProgress[] {
  const inputs = inputsToSend(formData).inputs;
  const schema = form.schema as Schema;
  return Object.entries(schema.properties ?? {})
    .filter(([id]) => id !== NOT_APPLICABLE_SECTION)
    .map(([id, section]) => {
      const questions = questionsOf(section);
      const answered = questions.filter((q) => own(inputs, q) !== undefined).length;
      const open = questions.filter((q) => own(inputs, q) === undefined && !notNeeded.has(q)).length;
      return { id, title: section.title ?? id, answered, total: answered + open };
    });
}

/**
 * The form with each not-needed question marked (class `not-needed`, "not needed" after its
 * title, the reason before its description) and dropped from its fieldset's `required`, so the
 * form's validation does not ask for it. Answers are untouched: the field stays editable and
 * keeps what was given.
 */
export function markNotNeeded(form: AssessmentForm, notNeeded: ReadonlySet<string>, lang: Language): AssessmentForm {
  if (notNeeded.size === 0) return form;
  const schema = structuredClone(form.schema) as Schema;
  const uiSchema = structuredClone(form.uiSchema) as Ui;
  const visit = (node: Schema, ui: Ui): void => {
    if (node.required) node.required = node.required.filter((id) => !notNeeded.has(id));
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!ui[key]) ui[key] = {};
      const childUi = ui[key] as Ui;
      if (child.type === 'object' && child.properties) {
        visit(child, childUi);
        continue;
      }
      if (!notNeeded.has(key)) continue;
      const description = typeof childUi['ui:description'] === 'string' ? ` · ${childUi['ui:description']}` : '';
      childUi['ui:title'] = `${child.title ?? key}${message('notNeeded.title', lang)}`;
      childUi['ui:description'] = `${message('notNeeded.note', lang)}${description}`;
      childUi['ui:classNames'] = 'not-needed';
    }
  };
  visit(schema, uiSchema);
  return { schema: schema as AssessmentForm['schema'], uiSchema };
}
