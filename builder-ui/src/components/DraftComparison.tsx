/** Their saved rubric document against my unsaved one: the engine's structural diff, then every differing field. */
import { useMemo } from 'react';
import { diffRubrics, type Language, type RubricDocument } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { fieldDifferences, showValue } from '../model/conflict.ts';
import { describePointer } from '../model/issues.ts';
import { RubricChangesTable } from './RubricChangesTable.tsx';
import { TableScroll } from './TableScroll.tsx';

export function DraftComparison({ theirs, mine, lang }: { theirs: RubricDocument; mine: RubricDocument; lang: Language }) {
  const { t } = useLanguage(lang);
  const diff = useMemo(() => diffRubrics(theirs, mine), [theirs, mine]);
  const documents = useMemo(() => ({ before: theirs, after: mine }), [theirs, mine]);
  const { differences, total } = useMemo(() => fieldDifferences(theirs, mine), [theirs, mine]);
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <h3>{t('editor.comparison.heading')}</h3>
      {total === 0 && <p>{t('editor.comparison.same')}</p>}
      {diff.changes.length > 0 && (
        <TableScroll label={t('editor.comparison.structure')}>
          <RubricChangesTable changes={diff.changes} lang={lang} beforeLabel={t('conflict.theirs')} afterLabel={t('conflict.mine')} caption={t('editor.comparison.structure')} testId="conflict-changes" documents={documents} />
        </TableScroll>
      )}
      {total > 0 && (
        <details open={diff.changes.length === 0}>
          <summary>{t('editor.comparison.fields', { count: total })}</summary>
          <TableScroll label={t('editor.comparison.heading')}>
            <table className="list stacked" data-testid="conflict-fields">
              <thead>
                <tr>
                  <th scope="col">{t('editor.comparison.field')}</th>
                  <th scope="col">{t('conflict.theirs')}</th>
                  <th scope="col">{t('conflict.mine')}</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.pointer} data-pointer={d.pointer}>
                    <td data-label={t('editor.comparison.field')}>{describePointer(mine, d.pointer, lang)}</td>
                    <td className="diff-value" data-label={t('conflict.theirs')}>
                      {showValue(d.before, lang)}
                    </td>
                    <td className="diff-value" data-label={t('conflict.mine')}>
                      {showValue(d.after, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {total > differences.length && <p className="hint">{t('editor.comparison.more', { count: total - differences.length })}</p>}
        </details>
      )}
    </div>
  );
}
