/** A revision as the diff sees it: effects, suggested step, publish base and changelog (builder-ui/src/model/revision.ts). */
import { describe, expect, test } from 'vitest';
import { diffRubrics } from '../../engine/browser.ts';
import { changelogPrefill, compareVersions, EFFECTS, publishBase, suggestionLine } from '../../builder-ui/src/model/revision.ts';
import { appendixC } from './documents.ts';

describe('effects and the suggested step', () => {
  test('every effect has words in both languages', () => {
    expect(EFFECTS.score).toEqual({ zh: '影响得分', en: 'Changes scores' });
    expect(EFFECTS.tier).toEqual({ zh: '影响档次', en: 'Changes tiers' });
    expect(EFFECTS.findings).toEqual({
      zh: '影响基本要求结论',
      en: 'Changes requirement findings',
    });
    expect(EFFECTS.wording).toEqual({ zh: '仅文字', en: 'Wording only' });
  });

  test('a tier bound moved suggests a major step to the next version, with the counts', () => {
    const before = appendixC();
    const after = appendixC();
    after.version = '1.1.0';
    after.tiers[2].min.value = 0.92;
    const diff = diffRubrics(before, after);
    expect(diff.suggestedStep).toBe('major');
    expect(suggestionLine(diff, 'en')).toBe(`Suggested step: major → ${diff.suggestedVersion} (Changes tiers: ${diff.effects.tier})`);
    expect(suggestionLine(diff, 'zh')).toBe(`建议升主版本：${diff.suggestedVersion}（影响档次 ${diff.effects.tier} 处）`);
  });

  test('nothing changed: no suggestion', () => {
    expect(
      suggestionLine(
        {
          effects: { score: 0, tier: 0, findings: 0, wording: 0 },
          suggestedStep: null,
          suggestedVersion: null,
        },
        'en',
      ),
    ).toBeNull();
  });
});

describe('which version a draft is compared with before publishing', () => {
  const versions = [
    { version: '1.0.0', status: 'retired' as const },
    { version: '1.2.0', status: 'published' as const },
    { version: '1.10.0', status: 'published' as const },
    { version: '2.0.0', status: 'draft' as const },
    { version: '3.0.0', status: 'published' as const },
  ];

  test('the version its input mapping reads from', () => {
    expect(publishBase({ version: '2.0.0', inputMapping: { from: '1.0.0' } }, versions)).toBe('1.0.0');
  });

  test('else the latest published version below it, by number (1.10.0 after 1.2.0)', () => {
    expect(publishBase({ version: '2.0.0' }, versions)).toBe('1.10.0');
    expect(compareVersions('1.10.0', '1.2.0')).toBeGreaterThan(0);
  });

  test('else the latest published; none when nothing is published', () => {
    expect(publishBase({ version: '0.9.0' }, versions)).toBe('3.0.0');
    expect(publishBase({ version: '1.0.0' }, [{ version: '1.0.0', status: 'draft' }])).toBeNull();
  });
});

describe('the changelog the publish form starts from', () => {
  const draft = { zh: '影响档次：\n- 改了', en: 'Changes tiers:\n- changed' };

  test("the previous version's note, copied along with the draft, is never the prefill", () => {
    const prefill = changelogPrefill('1.0.0: first published version.', { changelog: '1.0.0: first published version.' }, { changelogDraft: draft }, 'en');
    expect(prefill).toEqual({ text: draft.en, source: 'diff' });
    expect(changelogPrefill('1.0.0: first.', { changelog: '1.0.0: first.' }, { changelogDraft: draft }, 'zh').text).toBe(draft.zh);
  });

  test("the draft's own entry is kept, not replaced by the diff's draft", () => {
    expect(changelogPrefill('1.1.0: 示范型 from 0.92.', { changelog: '1.0.0: first.' }, { changelogDraft: draft }, 'en')).toEqual({ text: '1.1.0: 示范型 from 0.92.', source: 'document' });
  });

  test('nothing published: the document note is its own', () => {
    expect(changelogPrefill('New blank version.', null, null, 'en')).toEqual({
      text: 'New blank version.',
      source: 'document',
    });
  });

  test('an inherited note and no change: empty, for the editor to write', () => {
    expect(changelogPrefill('1.0.0: first.', { changelog: '1.0.0: first.' }, { changelogDraft: { zh: '', en: '' } }, 'en')).toEqual({ text: '', source: 'none' });
  });
});
