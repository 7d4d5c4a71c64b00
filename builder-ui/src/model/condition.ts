/**
 * Data behind the condition editor: the operators offered, the value of a row as text and back,
 * and the edits of a condition tree (all / any / not groups of fact rows).
 */
import type { Condition, ConditionValue, FactCondition, Group, InputDefinition, Localized, Operator, RubricDocument, TopLevelCondition } from '../../../engine/browser.ts';
import { EDITOR_MESSAGES } from '../i18n/messages/editor.ts';

function symbol(text: string): { zh: string; en: string } {
  return { zh: text, en: text };
}

function words(key: keyof typeof EDITOR_MESSAGES): { zh: string; en: string } {
  return EDITOR_MESSAGES[key];
}

/** The operators offered: symbols where they say it in any language, words from the catalogue where not. */
export const OPERATORS: { operator: Operator; label: { zh: string; en: string } }[] = [
  { operator: 'equal', label: symbol('=') },
  { operator: 'notEqual', label: symbol('≠') },
  { operator: 'lessThan', label: symbol('<') },
  { operator: 'lessThanInclusive', label: symbol('≤') },
  { operator: 'greaterThan', label: symbol('>') },
  { operator: 'greaterThanInclusive', label: symbol('≥') },
  { operator: 'in', label: words('editor.operator.in') },
  { operator: 'notIn', label: words('editor.operator.notIn') },
  { operator: 'contains', label: words('editor.operator.contains') },
  { operator: 'doesNotContain', label: words('editor.operator.doesNotContain') },
];

export type GroupMode = 'all' | 'any' | 'not';

export function isFactCondition(condition: Condition): condition is FactCondition {
  return 'fact' in condition;
}

export function modeOf(condition: TopLevelCondition): GroupMode {
  return 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'not';
}

/** The rows of a group (a `not` group has one). */
export function childrenOf(condition: TopLevelCondition): Condition[] {
  if ('all' in condition) return condition.all;
  if ('any' in condition) return condition.any;
  return [condition.not];
}

/** The same rows under another mode; `not` keeps the first row only (wrap more in a group). */
export function withMode(condition: TopLevelCondition, mode: GroupMode): TopLevelCondition {
  const rows = childrenOf(condition);
  if (mode === 'all') return { all: rows };
  if (mode === 'any') return { any: rows };
  return { not: rows[0] ?? { all: [] } };
}

export function withChildren(condition: TopLevelCondition, rows: Condition[]): TopLevelCondition {
  const mode = modeOf(condition);
  if (mode === 'not') return { not: rows[0] ?? { all: [] } };
  return mode === 'all' ? { all: rows } : { any: rows };
}

/** A new row: the first input equal to a value of its type. */
export function newFactCondition(inputs: InputDefinition[]): FactCondition {
  const input = inputs[0];
  return { fact: input?.id ?? '', operator: 'equal', value: defaultValueFor(input) };
}

export function defaultValueFor(input: InputDefinition | undefined): ConditionValue {
  switch (input?.type) {
    case 'boolean':
      return true;
    case 'choice':
    case 'multiChoice':
      return input.options?.[0]?.value ?? '';
    case undefined:
      return '';
    default:
      return 0;
  }
}

/** A row's value as the text shown in its field: lists comma-separated, strings as they are. */
export function formatValue(value: ConditionValue): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (value !== null && typeof value === 'object') return value.fact;
  return value === null ? 'null' : String(value);
}

function scalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

/**
 * Text typed in a value field → the condition value: numbers and true/false become typed,
 * `in`/`notIn` take a comma-separated list, everything else stays text.
 */
export function parseValue(text: string, operator: Operator): ConditionValue {
  if (operator === 'in' || operator === 'notIn') {
    return text
      .split(/[,，]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map(scalar);
  }
  if (text.trim() === 'null') return null;
  return scalar(text);
}

/**
 * The scored results a requirement's condition may read (engine/document/result-facts.ts), in
 * the order an editor looks for them: the total, the ratio, then every group, indicator and
 * criterion by its place in the rubric.
 */
export function resultFactChoices(doc: RubricDocument): { fact: string; title?: Localized }[] {
  const choices: { fact: string; title?: Localized }[] = [{ fact: '@total' }, { fact: '@ratio' }];
  const visit = (group: Group): void => {
    choices.push({ fact: `@${group.id}`, title: group.title });
    for (const child of group.groups ?? []) visit(child);
    for (const indicator of group.indicators ?? []) {
      choices.push({ fact: `@${indicator.id}`, title: indicator.title });
      for (const criterion of indicator.criteria) choices.push({ fact: `@${criterion.id}`, title: criterion.title });
    }
  };
  doc.groups.forEach(visit);
  return choices;
}

