/**
 * Publishing with a changelog note; enabled only when the saved draft is valid and its tests are
 * green. The note starts from the draft's own changelog entry, else from the diff against the
 * version the draft is compared with; the diff's suggested next version is shown beside it.
 */
import type { Language, RubricDiff } from '../../../engine/browser.ts';
import type { ChangelogSource } from '../model/revision.ts';
import { suggestionLine } from '../model/revision.ts';
import { useLanguage } from '../i18n/language.tsx';

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
  const { t } = useLanguage(lang);
  const suggestion = comparison.state === 'ready' ? suggestionLine(comparison.diff, lang) : null;
  return (
    <section className="panel publish" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('editor.publish.heading')}</h2>
      <div className="hint" data-testid="publish-suggestion">
        {comparison.state === 'loading' && <p>{t('editor.publish.loading')}</p>}
        {comparison.state === 'none' && <p>{t('editor.publish.nothingPublished')}</p>}
        {comparison.state === 'ready' && (
          <p>
            {t('editor.publish.comparedWith', { version: comparison.base })}
            {t('common.colon')}
            {suggestion ?? t('editor.publish.unchanged', { version: comparison.base })}
            {comparison.diff.suggestedVersion && comparison.diff.suggestedVersion !== version && `${lang === 'zh' ? '' : ' '}${t('editor.publish.thisVersion', { version })}`}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="publish-changelog">{t('editor.publish.changelog')}</label>
        <textarea id="publish-changelog" rows={5} value={changelog} onChange={(e) => onChangelog(e.target.value)} aria-describedby="publish-changelog-source" />
        <span id="publish-changelog-source" className="hint" data-source={source}>
          {source === 'diff' ? t('editor.publish.fromDiff') : source === 'document' ? t('editor.publish.fromDocument') : ''}
        </span>
      </div>
      {!ready && (
        <ul className="hint" aria-label={t('editor.publish.before')}>
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <button type="button" className="primary" disabled={!ready || busy} onClick={onPublish} aria-describedby="publish-note">
        {t('editor.publish.button')}
      </button>
      <p id="publish-note" className="hint">
        {t('editor.publish.note')}
      </p>
    </section>
  );
}
