/**
 * Publishing with a changelog note; enabled only when the saved draft is valid and its tests are
 * green. The note starts from the draft's own changelog entry, else from the diff against the
 * version the draft is compared with; the diff's suggested next version is shown beside it.
 */
import type { Language, RubricDiff } from '../../../engine/browser.ts';
import type { ChangelogSource } from '../model/revision.ts';
import { suggestionLine } from '../model/revision.ts';

const TEXT = {
  comparedWith: { zh: '与已发布版本 {v} 相比', en: 'Compared with the published version {v}' },
  nothingPublished: { zh: '此细则尚无已发布版本可比较。', en: 'No published version of this rubric to compare with.' },
  unchanged: { zh: '与 {v} 相比没有变化。', en: 'Nothing changed since {v}.' },
  thisVersion: { zh: '本草稿的版本号为 {v}。', en: 'This draft is numbered {v}.' },
  fromDiff: { zh: '说明由差异自动起草，可自由修改。', en: 'Drafted from the diff; edit it freely.' },
  fromDocument: { zh: '沿用本版本文档中已写的变更说明。', en: "This version's own changelog entry, as written in the document." },
  loading: { zh: '正在读取已发布版本…', en: 'Reading the published version…' },
} as const;

interface Props {
  changelog: string;
  onChangelog: (text: string) => void;
  blockers: string[];
  busy: boolean;
  onPublish: () => void;
  lang: Language;
  /** The draft's version number. */
  version: string;
  /** The version compared with: loading, none published, or its number and the diff to the draft. */
  comparison: { state: 'loading' } | { state: 'none' } | { state: 'ready'; base: string; diff: RubricDiff };
  /** Where the changelog shown came from, until the editor types. */
  source: ChangelogSource | 'edited';
}

export function PublishPanel({ changelog, onChangelog, blockers, busy, onPublish, lang, version, comparison, source }: Props) {
  const ready = blockers.length === 0;
  const t = (key: keyof typeof TEXT, v = ''): string => TEXT[key][lang].replace('{v}', v);
  const suggestion = comparison.state === 'ready' ? suggestionLine(comparison.diff, lang) : null;
  return (
    <section className="panel publish" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      <div className="hint" data-testid="publish-suggestion">
        {comparison.state === 'loading' && <p>{t('loading')}</p>}
        {comparison.state === 'none' && <p>{t('nothingPublished')}</p>}
        {comparison.state === 'ready' && (
          <p>
            {t('comparedWith', comparison.base)}
            {lang === 'zh' ? '：' : ': '}
            {suggestion ?? t('unchanged', comparison.base)}
            {comparison.diff.suggestedVersion && comparison.diff.suggestedVersion !== version && ` ${t('thisVersion', version)}`}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="publish-changelog">Changelog note</label>
        <textarea id="publish-changelog" rows={5} value={changelog} onChange={(e) => onChangelog(e.target.value)} aria-describedby="publish-changelog-source" />
        <span id="publish-changelog-source" className="hint" data-source={source}>
          {source === 'diff' ? t('fromDiff') : source === 'document' ? t('fromDocument') : ''}
        </span>
      </div>
      {!ready && (
        <ul className="hint" aria-label="Before publishing">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <button type="button" className="primary" disabled={!ready || busy} onClick={onPublish} aria-describedby="publish-note">
        Publish
      </button>
      <p id="publish-note" className="hint">
        A published version never changes; later edits go into a new draft.
      </p>
    </section>
  );
}
