/**
 * A revision as the diff sees it, without React: what each change can affect, the version step the
 * diff suggests, which published version a draft is compared with, and the changelog the publish
 * form starts from (the draft's own entry when it has one, else the diff's draft, never the
 * previous version's note).
 */
import type { Language, RubricChange, RubricDiff, RubricDocument, RubricStatus } from '../../../engine/browser.ts';

type Text = { zh: string; en: string };

/** What a change can affect, as a reader says it. */
export const EFFECTS: Record<RubricChange['effect'], Text> = {
  score: { zh: '影响得分', en: 'Changes scores' },
  tier: { zh: '影响档次', en: 'Changes tiers' },
  findings: { zh: '影响基本要求结论', en: 'Changes requirement findings' },
  wording: { zh: '仅文字', en: 'Wording only' },
};

const STEPS: Record<NonNullable<RubricDiff['suggestedStep']>, Text> = {
  major: { zh: '主版本', en: 'major' },
  minor: { zh: '次版本', en: 'minor' },
  patch: { zh: '修订号', en: 'patch' },
};

/**
 * "Suggested step: major → 2.0.0 (Changes scores: 3, Wording only: 1)"; null when nothing changed.
 * The counts name only the effects that occur.
 */
export function suggestionLine(diff: Pick<RubricDiff, 'effects' | 'suggestedStep' | 'suggestedVersion'>, lang: Language): string | null {
  if (!diff.suggestedStep) return null;
  const zh = lang === 'zh';
  const counts = (Object.keys(EFFECTS) as RubricChange['effect'][])
    .filter((effect) => (diff.effects[effect] ?? 0) > 0)
    .map((effect) => (zh ? `${EFFECTS[effect].zh} ${diff.effects[effect]} 处` : `${EFFECTS[effect].en}: ${diff.effects[effect]}`))
    .join(zh ? '，' : ', ');
  const step = STEPS[diff.suggestedStep][lang];
  const version = diff.suggestedVersion ? (zh ? `：${diff.suggestedVersion}` : ` → ${diff.suggestedVersion}`) : '';
  return zh ? `建议升${step}${version}（${counts}）` : `Suggested step: ${step}${version} (${counts})`;
}

/** Compares x.y.z versions numerically; anything else by text. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): number[] | null => (/^\d+\.\d+\.\d+$/.test(v) ? v.split('.').map(Number) : null);
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return a.localeCompare(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * The version a draft is compared with before publishing: the one its input mapping reads from
 * (the version it was copied from) when that exists, else the latest published version below it,
 * else the latest published one; null for a rubric with nothing published.
 */
export function publishBase(draft: Pick<RubricDocument, 'version' | 'inputMapping'>, versions: { version: string; status: RubricStatus }[]): string | null {
  const others = versions.filter((v) => v.version !== draft.version);
  const from = draft.inputMapping?.from;
  if (from && others.some((v) => v.version === from)) return from;
  const published = others.filter((v) => v.status === 'published').sort((a, b) => compareVersions(a.version, b.version));
  const below = published.filter((v) => compareVersions(v.version, draft.version) < 0);
  return (below.at(-1) ?? published.at(-1))?.version ?? null;
}

/** Where the publish form's changelog came from. */
export type ChangelogSource = 'document' | 'diff' | 'none';

/**
 * The changelog the publish form starts from. The draft's own entry (a changelog that is not the
 * base version's, copied along with the document) is kept; otherwise the diff's draft in the UI
 * language; otherwise nothing, so the editor writes one.
 */
export function changelogPrefill(
  draftChangelog: string | undefined,
  base: { changelog?: string } | null,
  diff: Pick<RubricDiff, 'changelogDraft'> | null,
  lang: Language,
): { text: string; source: ChangelogSource } {
  const own = (draftChangelog ?? '').trim();
  const inherited = base ? (base.changelog ?? '').trim() : null;
  if (own && own !== inherited) return { text: draftChangelog ?? '', source: 'document' };
  const drafted = diff?.changelogDraft[lang]?.trim();
  if (drafted) return { text: drafted, source: 'diff' };
  return { text: '', source: 'none' };
}
