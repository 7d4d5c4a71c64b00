/** Deterministic synthetic Appendix C assessments for benchmarks (a seeded xorshift, no Math.random). */
import type { InputValues } from '../../engine/types.ts';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** One synthetic assessment: answers drawn independently, so most land in the lowest tier; every scoring path is reachable. */
export function syntheticAssessment(random: () => number): InputValues {
  const yes = (p = 0.8): boolean => random() < p;
  const int = (max: number): number => Math.floor(random() * (max + 1));
  const pick = <T>(options: T[]): T => options[Math.floor(random() * options.length)];
  const levels = (): string[] => ['city', 'province', 'national'].filter(() => yes(0.3));
  return {
    siteWellLocated: yes(),
    signInstalled: yes(0.9),
    zonesSeparated: yes(),
    openPlan: yes(),
    wasteSortingInPlace: yes(),
    hygieneProblems: int(6),
    elderlyRoom: yes(),
    elderlyFloorAboveR9: yes(0.6),
    elderlyWarmWalls: yes(0.6),
    childrenRoom: yes(),
    childrenSoftFloor: yes(0.6),
    childrenProgrammes: yes(0.6),
    publicActivityRoom: yes(),
    sharedStudy: yes(),
    deliberationHall: yes(),
    hallWallsNotWoodOrMarble: yes(0.6),
    hallFloorTiles: yes(0.6),
    serviceDesk: yes(0.9),
    deskTricolourSign: yes(),
    deskColoursAtMostThree: yes(),
    deskFloorTileOrVinyl: yes(),
    deskUnobstructed: yes(),
    staffRulesEstablished: yes(0.9),
    staffRulesImplementation: pick(['notImplemented', 'partly', 'strict']),
    operatingRulesEstablished: yes(0.9),
    operatingRulesImplementation: pick(['notImplemented', 'partly', 'strict']),
    fireSafetyRules: pick(['none', 'fairlyComplete', 'complete']),
    fireTrainingHeld: yes(),
    fireTrainingRecordsComplete: yes(),
    patrolsRegular: yes(),
    hazardsUnrectified: int(3),
    patrolRecordsComplete: yes(),
    intermediateCertificates: int(4),
    juniorCertificates: int(4),
    averageTrainingHours: Math.round(random() * 300) / 10,
    professionalOrganisations: int(5),
    communityOrganisations: int(4),
    registeredVolunteers: int(150),
    volunteerHours: int(3500),
    openHoursPerDay: pick([8, 10, 12, 13]),
    openDaysPerWeek: pick([5, 6, 7, 4]),
    monthlyPlanAnnounced: yes(),
    themedActivitiesPerMonth: Array.from({ length: 12 }, () => 3 + int(4)),
    mediumEvents: int(10),
    largeEvents: int(3),
    socialWorkCases: int(4),
    socialWorkGroups: int(3),
    deliberations: int(7),
    satisfactionRate: Math.round((70 + random() * 30) * 10) / 10,
    communityBrand: yes(0.7),
    brandProjects: int(3),
    exchangeLevels: levels(),
    mediaLevels: levels(),
    honourLevels: levels(),
  };
}
