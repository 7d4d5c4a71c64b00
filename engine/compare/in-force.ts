/**
 * Which version of a rubric is in force on a day: a new assessment uses it unless the assessor
 * gives a reason for another. Of the published versions whose effective period holds the day
 * (from `effectiveDate`, to `effectiveUntil` when given), the one that took effect last; between
 * versions effective the same day, the higher version number.
 */
import semver from 'semver';

export interface DatedVersion {
  version: string;
  status: 'draft' | 'published' | 'retired';
  effectiveDate: string;
  effectiveUntil?: string;
}

/** The version in force on `day` (YYYY-MM-DD), or null when none is. */
export function versionInForce<V extends DatedVersion>(versions: readonly V[], day: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.status !== 'published' || v.effectiveDate > day || (v.effectiveUntil !== undefined && v.effectiveUntil < day)) continue;
    if (best === null || v.effectiveDate > best.effectiveDate || (v.effectiveDate === best.effectiveDate && semver.gt(v.version, best.version))) best = v;
  }
  return best;
}
