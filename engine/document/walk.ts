/**
 * Walks of a document's hierarchy that need nothing else: for a reader that needs only titles,
 * without the index (structure.ts), which asks each scoring kind what it reads and so brings
 * every kind along.
 */
import type { Criterion, Group, RubricDocument } from '../types.ts';

/** Every criterion of a document, in the index's order (a group's subgroups before its own indicators). */
export function criteriaOf(doc: RubricDocument): Criterion[] {
  const visit = (group: Group): Criterion[] => [...(group.groups ?? []).flatMap(visit), ...(group.indicators ?? []).flatMap((indicator) => indicator.criteria)];
  return doc.groups.flatMap(visit);
}
