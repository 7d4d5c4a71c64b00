/**
 * Assessment form helpers without React: where each input sits in the generated form, server
 * error details placed on those fields (rjsf error schema), and the inputs a form sends. The
 * flat → nested conversion is the engine's (assessmentToFormData), read off the form itself.
 */
import { formDataToAssessment } from '../../../engine/browser.ts';
import type { AssessmentInputs, Issue, Language } from '../../../engine/browser.ts';
import { pageLanguage, said } from '../i18n/message.ts';


type Schema = { type?: string; title?: string; properties?: Record<string, Schema> };

/**
 * Form data → the inputs to send: a list with unfilled items (a series half typed in) is left
 * out, so a draft saves and the server reports it as missing rather than as a wrong value.
 */
export function inputsToSend(formData: Record<string, unknown>): AssessmentInputs {
  const assessment = formDataToAssessment(formData);
  const inputs = Object.fromEntries(Object.entries(assessment.inputs).filter(([, value]) => !(Array.isArray(value) && value.some((item) => item === null || item === undefined))));
  return { ...assessment, inputs };
}

/** Input id → its path in the form data and its field title, read from the form schema. */
export function fieldLocations(schema: Record<string, unknown>): Map<string, { path: string[]; title: string }> {
  const map = new Map<string, { path: string[]; title: string }>();
  const visit = (node: Schema, path: string[]): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (child.type === 'object' && child.properties) visit(child, [...path, key]);
      else if (!map.has(key)) map.set(key, { path: [...path, key], title: child.title ?? key });
    }
  };
  visit(schema as Schema, []);
  return map;
}

/** rjsf ErrorSchema: nested objects with `__errors` lists at the fields. */
export type ErrorSchema = { __errors?: string[] } & { [key: string]: ErrorSchema | string[] | undefined };

/**
 * Places server error details (/inputs/<id>, /notApplicable/<id>) on the form's fields; details
 * that name no field come back in `unplaced`, to list above the form.
 */
export function detailsToErrorSchema(details: Issue[], schema: Record<string, unknown>, lang: Language = pageLanguage()): { errorSchema: ErrorSchema; placed: { title: string; message: string }[]; unplaced: Issue[] } {
  const locations = fieldLocations(schema);
  const errorSchema: ErrorSchema = {};
  const placed: { title: string; message: string }[] = [];
  const unplaced: Issue[] = [];
  for (const detail of details) {
    const match = /^\/(inputs|notApplicable)\/([^/]+)/.exec(detail.path);
    const location = match ? locations.get(match[2]) : undefined;
    if (!location) {
      unplaced.push(detail);
      continue;
    }
    let node = errorSchema;
    for (const step of location.path) {
      node[step] ??= {};
      node = node[step] as ErrorSchema;
    }
    node.__errors = [...(node.__errors ?? []), said(detail, lang)];
    placed.push({ title: location.title, message: said(detail, lang) });
  }
  return { errorSchema, placed, unplaced };
}
