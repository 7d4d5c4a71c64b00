/**
 * Migration of a rubric document to the newest format. A stored version is never migrated in
 * place (its content hash names it in every result scored with it); a new document made from an
 * old one (a blank draft, a version copied from another, `rubric migrate`) is written in the
 * newest format instead.
 */
import type { RubricDocument } from '../types.ts';

/**
 * The rubric/2 document equivalent to `doc`: format rubric/2 and `tierBasis: "ratio"`, the basis
 * rubric/1 tiers always had, so every result scores the same; a `$schema` pointer to the rubric/1
 * meta-schema points to rubric/2's. A rubric/2 document is returned as a copy, unchanged. Pure:
 * `doc` is not modified, and the result shares nothing with it.
 */
export function migrateRubric(doc: RubricDocument): RubricDocument {
  const copy = structuredClone(doc);
  if (copy.format === 'rubric/2') return copy;
  const { $schema, format: _format, ...rest } = copy;
  return {
    ...($schema === undefined ? {} : { $schema: $schema.replace(/rubric-1\.schema\.json$/, 'rubric-2.schema.json') }),
    format: 'rubric/2',
    tierBasis: 'ratio',
    ...rest,
  };
}
