/** Their saved rubric document against my unsaved one: the engine's structural diff, then every differing field. */
import { useMemo } from 'react';
import { diffRubrics, type Language, type RubricDocument } from '../../../engine/browser.ts';
import { fieldDifferences, readablePath, showValue } from '../model/conflict.ts';
import { RubricChangesTable } from './RubricChangesTable.tsx';

export const COMPARISON_TEXT = {
  heading: { zh: '对方已保存的版本 → 我未保存的修改', en: 'Their saved version → my unsaved edits' },
  theirs: { zh: '对方（已保存）', en: 'Theirs (saved)' },
  mine: { zh: '我的（未保存）', en: 'Mine (unsaved)' },
  same: { zh: '内容相同：保留我的不会改变任何内容。', en: 'The content is the same: keeping mine changes nothing.' },
  structure: { zh: '评分内容的变化', en: 'Changes to what is scored' },
  fields: { zh: '所有不同的字段（{n} 处）', en: 'Every field that differs ({n})' },
  field: { zh: '字段', en: 'Field' },
  more: { zh: '另有 {n} 处未列出。', en: '{n} more not listed.' },
} as const;

export function DraftComparison({ theirs, mine, lang }: { theirs: RubricDocument; mine: RubricDocument; lang: Language }) {
  const t = (key: keyof typeof COMPARISON_TEXT, n?: number): string => COMPARISON_TEXT[key][lang].replace('{n}', String(n ?? ''));
  const diff = useMemo(() => diffRubrics(theirs, mine), [theirs, mine]);
  const { differences, total } = useMemo(() => fieldDifferences(theirs, mine), [theirs, mine]);
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <h3>{t('heading')}</h3>
      {total === 0 && <p>{t('same')}</p>}
      {diff.changes.length > 0 && (
        <div className="table-scroll">
          <RubricChangesTable changes={diff.changes} lang={lang} beforeLabel={t('theirs')} afterLabel={t('mine')} caption={t('structure')} testId="conflict-changes" />
        </div>
      )}
      {total > 0 && (
        <details open={diff.changes.length === 0}>
          <summary>{t('fields', total)}</summary>
          <div className="table-scroll">
            <table className="list stacked" data-testid="conflict-fields">
              <thead>
                <tr>
                  <th scope="col">{t('field')}</th>
                  <th scope="col">{t('theirs')}</th>
                  <th scope="col">{t('mine')}</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.pointer} data-pointer={d.pointer}>
                    <td data-label={t('field')}>{readablePath(mine, d.pointer)}</td>
                    <td className="diff-value" data-label={t('theirs')}>
                      {showValue(d.before, lang)}
                    </td>
                    <td className="diff-value" data-label={t('mine')}>
                      {showValue(d.after, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > differences.length && <p className="hint">{t('more', total - differences.length)}</p>}
        </details>
      )}
    </div>
  );
}
