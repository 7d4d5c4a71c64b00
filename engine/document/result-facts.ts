/**
 * Scored results a requirement may read besides the inputs: the total (`@total`), the score ratio
 * (`@ratio`) and the points awarded to a criterion, indicator or group (`@<its id>`): a minimum
 * standard such as "at least 5 points in Water". No input id starts with "@" (inputs are plain
 * keys), so the two never clash; `@total` and `@ratio` always mean the total and the ratio.
 * A requirement that reads them is judged after scoring. Rules cannot read them: they decide the
 * points being read (validate.ts refuses it, so no result depends on itself).
 */
import { pick } from './localized.ts';
import type { Language, Localized } from '../types.ts';

/** What a result fact reads. */
export type ResultFact = { of: 'total' } | { of: 'ratio' } | { of: 'points'; node: string };

/** The JSON Schema pattern of a result fact's name: "@" and a node id. */
export const RESULT_FACT_PATTERN = '^@[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';

/** What `fact` reads when it names a scored result; null for an input. */
export function resultFact(fact: string): ResultFact | null {
  if (!fact.startsWith('@')) return null;
  const name = fact.slice(1);
  if (name === 'total') return { of: 'total' };
  if (name === 'ratio') return { of: 'ratio' };
  return { of: 'points', node: name };
}

export const isResultFact = (fact: string): boolean => fact.startsWith('@');

/** The meta-schema's definition of a result fact's name (merged into $defs like the kinds'). */
export function resultFactSchemaDef(): Record<string, unknown> {
  return {
    resultFact: {
      type: 'string',
      pattern: RESULT_FACT_PATTERN,
      description: 'A scored result a requirement reads: "@total", "@ratio", or "@" and the id of a criterion, indicator or group (its points). Rules cannot read results.',
    },
  };
}

/** A result fact in words: "总分" / "the total", "W1 室内节水 得分" / "points of W1 Indoor water use". */
export function resultFactWords(fact: ResultFact, title: (node: string) => Localized | undefined, lang: Language): string {
  const zh = lang === 'zh';
  if (fact.of === 'total') return zh ? '总分' : 'the total';
  if (fact.of === 'ratio') return zh ? '得分率' : 'the score ratio';
  const name = pick(title(fact.node), lang);
  const node = name ? `${fact.node} ${name}` : fact.node;
  return zh ? `${node} 的得分` : `points of ${node}`;
}
