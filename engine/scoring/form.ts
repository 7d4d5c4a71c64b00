/**
 * The assessment form derived from a rubric version: JSON Schema + uiSchema in @rjsf
 * conventions, one section per top-level group, one fieldset per indicator. Form data is nested
 * that way; assessments store inputs flat, and the converters in form-data.ts move between them.
 */
import { describeCriterionScoring, nodeTitle } from './explain.ts';
import { isResultFact, resultFact, resultFactWords } from '../document/result-facts.ts';
import { inputFieldSchema } from './inputs.ts';
import { pick } from '../document/localized.ts';
import { conditionFacts, type RubricIndex } from '../document/structure.ts';
import type { AssessmentForm, Group, Indicator, Language, RubricDocument } from '../types.ts';
import { show } from './decimal.ts';
import { weightWords } from './weights.ts';

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

/**
 * The language a form is in: the one asked for when the rubric is written in it (its title is),
 * else the one it is written in, Chinese first. An English-only rubric is never framed in Chinese
 * words and brackets around its English labels, whatever the page's language. (Key order cannot
 * say which language comes first: documents equal but for it are one version by content hash.)
 */
export function formLanguage(doc: RubricDocument, asked?: Language): Language {
  const written = (['zh', 'en'] as const).filter((lang) => typeof doc.title[lang] === 'string');
  if (asked && written.includes(asked)) return asked;
  return written[0] ?? asked ?? 'zh';
}

/** Derives the assessment form in `asked` (see formLanguage). */
export function deriveForm(index: RubricIndex, asked?: Language): AssessmentForm {
  // One language per form: the page's switch gives the other one (a second label under every
  // question would mix the languages the assessor chose between).
  const lang = formLanguage(index.doc, asked);
  const zh = lang === 'zh';
  const pointsLabel = (points: number): string => (zh ? `${show(points)} 分` : `${show(points)} ${points === 1 ? 'pt' : 'pts'}`);
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
    const worth = weightWords(group, lang) ?? pointsLabel(group.points);
    properties[section.id] = { type: 'object', title: `${pick(group.title, lang)}${bracket(worth)}`, properties: sectionProps, required: Object.keys(sectionProps) };
    uiSchema[section.id] = sectionUi;
  }

  if (requirementInputs.length > 0) {
    const fields = requirementInputs.map(field);
    properties[REQUIREMENTS_SECTION] = {
      type: 'object',
      title: zh ? '基本要求' : 'Baseline requirements',
      description: requirementsOverview(index, sections, lang),
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

/**
 * Help text of a field: its own help, how each criterion that reads it scores and, for a field
 * placed under an indicator, each requirement that reads it too (the requirements section lists
 * the rest above its fields).
 */
function helpText(index: RubricIndex, id: string, lang: Language): string {
  const input = index.inputs.get(id);
  const lines = input?.help ? [pick(input.help, lang)] : [];
  let scored = false;
  for (const entry of index.criteria) {
    if (!entry.inputs.includes(id)) continue;
    scored = true;
    lines.push(`${entry.criterion.id} ${pick(entry.criterion.title, lang)} — ${describeCriterionScoring(entry.criterion, index, lang)}`);
  }
  for (const requirement of scored ? index.doc.requirements : []) {
    if (!conditionFacts(requirement.conditions).includes(id)) continue;
    lines.push(`${lang === 'zh' ? '基本要求' : 'Requirement'} ${requirement.clause} — ${pick(requirement.text, lang)}`);
  }
  return lines.join('\n');
}

/**
 * The requirements section's description: each requirement with the inputs it reads, by label,
 * saying where an input placed under an indicator (because a criterion reads it too) is answered,
 * so every requirement shows all it is judged on.
 */
function requirementsOverview(index: RubricIndex, sections: ReturnType<typeof formLayout>['sections'], lang: Language): string {
  const zh = lang === 'zh';
  const answeredUnder = new Map<string, string>();
  for (const section of sections) {
    for (const { indicator, inputs } of section.indicators) {
      const title = `${indicator.number ? `${indicator.number}. ` : ''}${pick(indicator.title, lang)}`;
      for (const id of inputs) answeredUnder.set(id, title);
    }
  }
  return index.doc.requirements
    .map((requirement) => {
      const reads = conditionFacts(requirement.conditions)
        .filter((id) => index.inputs.has(id) || isResultFact(id))
        .map((id) => {
          const result = resultFact(id);
          if (result) return resultFactWords(result, (node) => nodeTitle(index, node), lang);
          const label = pick(index.inputs.get(id)?.label, lang) || id;
          const under = answeredUnder.get(id);
          if (!under) return label;
          return zh ? `${label}（在“${under}”中作答）` : `${label} (answered under “${under}”)`;
        });
      return `${requirement.clause} ${pick(requirement.text, lang)} — ${zh ? '依据：' : 'judged on: '}${reads.join(zh ? '、' : '; ')}`;
    })
    .join('\n');
}
