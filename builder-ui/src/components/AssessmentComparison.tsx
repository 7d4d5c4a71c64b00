/** Their saved answers against my unsaved ones, labelled as the form labels them. */
import { useMemo } from 'react';
import type { AssessmentInputs, Language, RubricDocument } from '../../../engine/browser.ts';
import { inputDifferences } from '../model/conflict.ts';
import { useLanguage } from '../i18n/language.tsx';
import { TableScroll } from './TableScroll.tsx';

export function AssessmentComparison({ doc, theirs, mine, lang: given }: { doc: RubricDocument; theirs: AssessmentInputs; mine: AssessmentInputs; lang?: Language }) {
  const { lang, t } = useLanguage(given);
  const rows = useMemo(() => inputDifferences(doc, theirs, mine, lang), [doc, theirs, mine, lang]);
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <h3>{t('conflict.answersHeading')}</h3>
      {rows.length === 0 ? (
        <p>{t('conflict.sameAnswers')}</p>
      ) : (
        <TableScroll label={t('conflict.answersHeading')}>
          <table className="list stacked" data-testid="conflict-fields">
            <thead>
              <tr>
                <th scope="col">{t('conflict.question')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
                <th scope="col">{t('conflict.mine')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-input={r.id}>
                  <td data-label={t('conflict.question')}>{r.label}</td>
                  <td className="diff-value" data-label={t('conflict.theirs')}>
                    {r.theirs}
                  </td>
                  <td className="diff-value" data-label={t('conflict.mine')}>
                    {r.mine}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
