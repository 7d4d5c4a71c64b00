/**
 * The assessment form derived from a rubric version: JSON Schema + uiSchema in @rjsf
 * conventions, one section per top-level group, one fieldset per indicator. Form data is nested
 * that way; assessments store inputs flat, and the converters in form-data.ts move between them.
 */
import { describeCriterionScoring } from './explain.ts';
import { inputFieldSchema } from './inputs.ts';
import { pick } from '../document/localized.ts';
import type { RubricIndex } from '../document/structure.ts';
import type { AssessmentForm, Group, Indicator, Language } from '../types.ts';

import { NOT_APPLICABLE_SECTION, REQUIREMENTS_SECTION } from './form-data.ts';

type Schema = Record<string, unknown>;

/** Where each input appears: the first indicator whose criteria read it, or the requirements. */
export function formLayout(index: RubricIndex): { sections: { id: string; indicators: { indicator: Indicator; inputs: string[] }[] }[]; requirementInputs: string[] } {
  const placed = new Set<string>();
  const sections = index.doc.groups.map((group) => ({
    id: group.id,
    indicators: indicatorsOf(group).map((indicator) => {
      const inputs: string[] = [];
      for (const criterion of indicator.criteria) {
        for (const id of index.criterionById.get(criterion.id)?.inputs ?? []) {
          if (!placed.has(id)) {
            placed.add(id);
            inputs.push(id);
          }
        }
      }
      return { indicator, inputs };
    }),
  }));
  const requirementInputs = index.doc.inputs.map((i) => i.id).filter((id) => !placed.has(id));
  return { sections, requirementInputs };
}

function indicatorsOf(group: Group): Indicator[] {
  return [...(group.indicators ?? []), ...(group.groups ?? []).flatMap(indicatorsOf)];
}

/** Derives the assessment form in the given language (default Chinese). */
export function deriveForm(index: RubricIndex, lang: Language = 'zh'): AssessmentForm {
  // One language per form: the page's switch gives the other one (a second label under every
  // question would mix the languages the assessor chose between).
  const zh = lang === 'zh';
  const pointsLabel = (points: number): string => (zh ? `${points} 分` : `${points} pts`);
  // Full-width brackets belong to Chinese text; English takes ASCII ones after a space.
  const bracket = (text: string): string => (zh ? `（${text}）` : ` (${text})`);
  const { sections, requirementInputs } = formLayout(index);
  const properties: Schema = {};
  const uiSchema: Schema = { 'ui:order': [...sections.map((s) => s.id), REQUIREMENTS_SECTION, NOT_APPLICABLE_SECTION, '*'] };

  const field = (id: string): [Schema, Schema] => {
    const input = index.inputs.get(id);
    if (!input) throw new Error(`form: input ${id} is not defined`);
    const schema = inputFieldSchema(input, lang);
    const unit = pick(input.unit, lang);
    if (unit) schema.title = `${schema.title}${bracket(unit)}`;
    const ui: Schema = { 'ui:help': helpText(index, id, lang) };
    if (input.type === 'boolean') Object.assign(ui, { 'ui:widget': 'radio', 'ui:options': { inline: true } });
    if (input.type === 'choice') ui['ui:widget'] = 'radio';
    if (input.type === 'multiChoice') ui['ui:widget'] = 'checkboxes';
    if (input.type === 'series') ui['ui:options'] = { addable: false, removable: false, orderable: false };
    return [schema, ui];
  };
  const required = (ids: string[]): string[] => ids.filter((id) => index.inputs.get(id)?.required !== false);

  for (const section of sections) {
    const group = index.doc.groups.find((g) => g.id === section.id) as Group;
    const sectionProps: Schema = {};
    const sectionUi: Schema = { 'ui:order': section.indicators.map((i) => i.indicator.id) };
    for (const { indicator, inputs } of section.indicators) {
      if (inputs.length === 0) continue;
      const fields = inputs.map(field);
      sectionProps[indicator.id] = {
        type: 'object',
        title: `${indicator.number ? `${indicator.number}. ` : ''}${pick(indicator.title, lang)}${bracket(pointsLabel(indicator.points))}`,
        description: indicator.clause,
        properties: Object.fromEntries(inputs.map((id, i) => [id, fields[i][0]])),
        required: required(inputs),
      };
      sectionUi[indicator.id] = { 'ui:order': inputs, ...Object.fromEntries(inputs.map((id, i) => [id, fields[i][1]])) };
    }
    properties[section.id] = { type: 'object', title: `${pick(group.title, lang)}${bracket(pointsLabel(group.points))}`, properties: sectionProps, required: Object.keys(sectionProps) };
    uiSchema[section.id] = sectionUi;
  }

  if (requirementInputs.length > 0) {
    const fields = requirementInputs.map(field);
    properties[REQUIREMENTS_SECTION] = {
      type: 'object',
      title: zh ? '基本要求' : 'Baseline requirements',
      properties: Object.fromEntries(requirementInputs.map((id, i) => [id, fields[i][0]])),
      required: required(requirementInputs),
    };
    uiSchema[REQUIREMENTS_SECTION] = Object.fromEntries(requirementInputs.map((id, i) => [id, fields[i][1]]));
  }

  const naCriteria = index.criteria.filter((e) => e.criterion.notApplicable?.allowed);
  if (naCriteria.length > 0) {
    properties[NOT_APPLICABLE_SECTION] = {
      type: 'object',
      title: zh ? '不适用项（填写理由即视为不适用）' : 'Not applicable (a reason marks the criterion not applicable)',
      properties: Object.fromEntries(naCriteria.map((e) => [e.criterion.id, { type: 'string', maxLength: 500, title: `${e.criterion.id} ${pick(e.criterion.title, lang)}` }])),
    };
    uiSchema[NOT_APPLICABLE_SECTION] = Object.fromEntries(
      naCriteria.map((e) => [e.criterion.id, { 'ui:widget': 'textarea', 'ui:help': pick(e.criterion.notApplicable?.help, lang) }]),
    );
  }

  return { schema: { type: 'object', title: `${pick(index.doc.title, lang)} ${index.doc.version}`, properties }, uiSchema };
}

/** Help text of a field: its own help, then how each criterion that reads it scores. */
function helpText(index: RubricIndex, id: string, lang: Language): string {
  const input = index.inputs.get(id);
  const lines = input?.help ? [pick(input.help, lang)] : [];
  for (const entry of index.criteria) {
    if (!entry.inputs.includes(id)) continue;
    lines.push(`${entry.criterion.id} ${pick(entry.criterion.title, lang)} — ${describeCriterionScoring(entry.criterion, index, lang)}`);
  }
  return lines.join('\n');
}
