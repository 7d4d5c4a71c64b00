/** The UI's words from the deployment profile: the subject, its attributes and the period kinds, in either language. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { APPENDIX_C_DEPLOYMENT, type DeploymentProfile } from '../../engine/browser.ts';
import { deploymentWords } from '../../builder-ui/src/deployment.tsx';

/** Another rating system: buildings by their type, assessed every year and at re-certification. */
const BUILDINGS = JSON.parse(readFileSync(new URL('../fixtures/deployments/buildings.json', import.meta.url), 'utf8')) as DeploymentProfile;

describe('the deployment profile in the UI', () => {
  test('Appendix C: communities by street, mid-term / final / quarterly, final offered first', () => {
    const zh = deploymentWords(APPENDIX_C_DEPLOYMENT, 'zh');
    const en = deploymentWords(APPENDIX_C_DEPLOYMENT, 'en');
    expect([zh.subject, en.subject, en.subjectInText, en.subjects]).toEqual(['社区', 'Community', 'community', 'Communities']);
    expect(zh.kinds.map((k) => zh.kind(k.id))).toEqual(['中期', '终期', '季度']);
    expect(en.period({ year: 2025, kind: 'final' })).toBe('2025 final');
    expect(zh.period('2025 quarterly')).toBe('2025 季度');
    expect(zh.attributesOf({ id: 'r', name: 'Riverside', street: '浦沿街道' })).toBe('浦沿街道');
    expect(en.attribute(APPENDIX_C_DEPLOYMENT.subject.attributes[0])).toBe('Street');
    expect(zh.defaultKind).toBe('final');
  });

  test('another profile: its labels replace every Appendix C word; choices show by label; a kind it does not know stays as written', () => {
    const zh = deploymentWords(BUILDINGS, 'zh');
    const en = deploymentWords(BUILDINGS, 'en');
    expect([zh.subject, en.subject, en.subjects]).toEqual(['楼宇', 'Building', 'Buildings']);
    expect(zh.period({ year: 2026, kind: 'recertification' })).toBe('2026 复评');
    expect(en.period({ year: 2026, kind: 'recertification' })).toBe('2026 re-certification');
    expect(en.period({ year: 2024, kind: 'final' })).toBe('2024 final');
    expect(zh.attributesOf({ id: 't', name: 'Tower', type: 'office', floors: '32' })).toBe('办公 · 32');
    expect(en.attributesOf({ id: 't', name: 'Tower', type: 'office' })).toBe('office');
    expect(en.attribute(BUILDINGS.subject.attributes[0])).toBe('Building type');
    // No default named: the first kind.
    expect(en.defaultKind).toBe('annual');
  });
});
