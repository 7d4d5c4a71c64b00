/**
 * Form data ↔ assessment inputs: the form (form.ts) nests inputs by section and indicator,
 * assessments store them flat. Apart from the form so that a page filling a form it was sent
 * needs neither the rubric index nor the scoring kinds.
 */
import { own } from '../document/lookup.ts';
import type { AssessmentForm, AssessmentInputs, InputValues } from '../types.ts';

/** Section holding the inputs only requirements read. */
export const REQUIREMENTS_SECTION = 'requirements';
/** Section holding not-applicable reasons, one text field per criterion that allows it. */
export const NOT_APPLICABLE_SECTION = 'notApplicable';

/**
 * Nested form data → flat assessment inputs (empty not-applicable reasons are dropped). Built
 * with Object.fromEntries: a "__proto__" field becomes an input the check refuses by name, not a
 * prototype.
 */
export function formDataToAssessment(formData: Record<string, unknown>): AssessmentInputs {
  const inputs: [string, InputValues[string]][] = [];
  const notApplicable: [string, string][] = [];
  for (const [sectionId, section] of Object.entries(formData ?? {})) {
    if (section === null || typeof section !== 'object') continue;
    if (sectionId === NOT_APPLICABLE_SECTION) {
      for (const [id, reason] of Object.entries(section)) if (typeof reason === 'string' && reason.trim()) notApplicable.push([id, reason]);
      continue;
    }
    const fields = sectionId === REQUIREMENTS_SECTION ? [section] : Object.values(section);
    for (const group of fields) {
      if (group === null || typeof group !== 'object') continue;
      for (const [id, value] of Object.entries(group)) if (value !== undefined && value !== null) inputs.push([id, value as InputValues[string]]);
    }
  }
  return notApplicable.length ? { inputs: Object.fromEntries(inputs), notApplicable: Object.fromEntries(notApplicable) } : { inputs: Object.fromEntries(inputs) };
}

/**
 * Flat assessment inputs → nested form data for `form`, placed as the form nests them (its schema
 * is the layout: sections of indicators of inputs, the requirements' inputs and the not-applicable
 * reasons), so a page that holds the form needs no rubric index to fill it.
 */
export function assessmentToFormData(form: AssessmentForm, assessment: AssessmentInputs): Record<string, unknown> {
  const formData: Record<string, Record<string, unknown>> = {};
  const values = assessment.inputs ?? {};
  const present = (ids: string[]): [string, unknown][] => ids.filter((id) => own(values, id) !== undefined).map((id) => [id, own(values, id)]);
  for (const [sectionId, section] of Object.entries(propertiesOf(form.schema))) {
    if (sectionId === NOT_APPLICABLE_SECTION) continue;
    if (sectionId === REQUIREMENTS_SECTION) {
      const answered = present(Object.keys(propertiesOf(section)));
      if (answered.length) formData[REQUIREMENTS_SECTION] = Object.fromEntries(answered);
      continue;
    }
    formData[sectionId] = {};
    for (const [indicatorId, indicator] of Object.entries(propertiesOf(section))) {
      const answered = present(Object.keys(propertiesOf(indicator)));
      if (answered.length) formData[sectionId][indicatorId] = Object.fromEntries(answered);
    }
  }
  if (assessment.notApplicable && Object.keys(assessment.notApplicable).length) formData[NOT_APPLICABLE_SECTION] = { ...assessment.notApplicable };
  return formData;
}

/** A form schema node's properties (none for a field). */
function propertiesOf(node: unknown): Record<string, unknown> {
  const properties = (node as { properties?: unknown } | null)?.properties;
  return properties !== null && typeof properties === 'object' ? (properties as Record<string, unknown>) : {};
}
