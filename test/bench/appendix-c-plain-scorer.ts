/**
 * Appendix C scored by hand-written TypeScript: the speed limit the rule engine is compared with.
 * Points are counted in hundredths (integers) so the totals are exact, like the engine's.
 * This file is a benchmark reference only; the product reads every number from the rubric document.
 */
import type { InputValues } from '../../engine/types.ts';

const LEVEL: Record<string, number> = { city: 100, province: 200, national: 300 };
const GRADE: Record<string, number> = { notImplemented: 0, partly: 50, strict: 50 };
const FIRE_RULES: Record<string, number> = { none: 0, fairlyComplete: 50, complete: 100 };

export interface PlainScore {
  total: number;
  tier: 'demonstration' | 'standard' | 'basic';
}

export function scoreAppendixC(v: InputValues): PlainScore {
  const b = (id: string): boolean => v[id] === true;
  const n = (id: string): number => v[id] as number;
  const highest = (id: string): number => Math.max(0, ...(v[id] as string[]).map((level) => LEVEL[level]));
  const pts = (cond: boolean, hundredths: number): number => (cond ? hundredths : 0);

  let t = 0;
  t += pts(b('siteWellLocated'), 200) + pts(b('signInstalled'), 200);
  t += pts(b('zonesSeparated'), 100) + pts(b('openPlan'), 100);
  t += pts(b('wasteSortingInPlace'), 200) + Math.max(0, 200 - 50 * n('hygieneProblems'));
  if (b('elderlyRoom')) t += 200 + pts(b('elderlyFloorAboveR9'), 50) + pts(b('elderlyWarmWalls'), 50);
  if (b('childrenRoom')) t += 200 + pts(b('childrenSoftFloor'), 50) + pts(b('childrenProgrammes'), 50);
  t += pts(b('publicActivityRoom'), 200) + pts(b('sharedStudy'), 200);
  if (b('deliberationHall')) t += 200 + pts(b('hallWallsNotWoodOrMarble'), 50) + pts(b('hallFloorTiles'), 50);
  if (b('serviceDesk')) t += 50 * ['deskTricolourSign', 'deskColoursAtMostThree', 'deskFloorTileOrVinyl', 'deskUnobstructed'].filter(b).length;
  t += pts(b('staffRulesEstablished'), 50) + GRADE[v.staffRulesImplementation as string];
  t += pts(b('operatingRulesEstablished'), 50) + GRADE[v.operatingRulesImplementation as string];
  t += FIRE_RULES[v.fireSafetyRules as string];
  if (b('fireTrainingHeld')) t += Math.max(0, 100 - pts(!b('fireTrainingRecordsComplete'), 50));
  t += b('patrolsRegular') ? Math.max(0, 100 - 50 * n('hazardsUnrectified') - pts(!b('patrolRecordsComplete'), 50)) : 50;
  t += Math.min(500, 100 * n('intermediateCertificates') + 50 * n('juniorCertificates'));
  t += Math.max(0, 200 - 50 * Math.ceil(Math.max(0, 20 - n('averageTrainingHours')) / 10));
  t += Math.min(400, 100 * n('professionalOrganisations')) + Math.min(300, 100 * n('communityOrganisations'));
  t += Math.min(300, 50 * Math.floor(n('registeredVolunteers') / 20)) + Math.min(300, 50 * Math.floor(n('volunteerHours') / 500));
  t += pts(n('openHoursPerDay') >= 12 && n('openDaysPerWeek') >= 5, 100) + pts(b('monthlyPlanAnnounced'), 100);
  const missing = (v.themedActivitiesPerMonth as number[]).reduce((sum, count) => sum + Math.max(0, 5 - count), 0) + Math.max(0, 8 - n('mediumEvents')) + Math.max(0, 2 - n('largeEvents'));
  t += Math.max(0, 200 - 50 * missing);
  t += Math.min(200, 50 * (n('socialWorkCases') + n('socialWorkGroups'))) + Math.min(300, 50 * n('deliberations'));
  // 25 × rate rounded half-up to hundredths: rate has at most one decimal, so 25 × rate × 10 is an integer.
  const rateTenths = Math.round(n('satisfactionRate') * 10);
  t += Math.floor((25 * rateTenths + 5) / 10);
  t += pts(b('communityBrand'), 200) + Math.min(500, 250 * n('brandProjects'));
  t += highest('exchangeLevels') + highest('mediaLevels') + highest('honourLevels');

  const tier = t >= 9000 ? 'demonstration' : t >= 8000 ? 'standard' : 'basic';
  return { total: t / 100, tier };
}
