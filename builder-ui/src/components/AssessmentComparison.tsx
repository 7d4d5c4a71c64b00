/** Their saved answers against my unsaved ones, labelled as the form labels them. */
import { useMemo } from 'react';
import type { AssessmentInputs, Language, RubricDocument } from '../../../engine/browser.ts';
import { inputDifferences } from '../model/conflict.ts';
import { COMPARISON_TEXT } from './DraftComparison.tsx';

const TEXT = {
  heading: { zh: '对方已保存的答案 → 我未保存的答案', en: 'Their saved answers → my unsaved answers' },
  question: { zh: '题目', en: 'Question' },
  same: { zh: '答案相同：保留我的不会改变任何内容。', en: 'The answers are the same: keeping mine changes nothing.' },
} as const;

export function AssessmentComparison({ doc, theirs, mine, lang }: { doc: RubricDocument; theirs: AssessmentInputs; mine: AssessmentInputs; lang: Language }) {
  const rows = useMemo(() => inputDifferences(doc, theirs, mine, lang), [doc, theirs, mine, lang]);
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <h3>{TEXT.heading[lang]}</h3>
      {rows.length === 0 ? (
        <p>{TEXT.same[lang]}</p>
      ) : (
        <div className="table-scroll">
          <table className="list stacked" data-testid="conflict-fields">
            <thead>
              <tr>
                <th scope="col">{TEXT.question[lang]}</th>
                <th scope="col">{COMPARISON_TEXT.theirs[lang]}</th>
                <th scope="col">{COMPARISON_TEXT.mine[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-input={r.id}>
                  <td data-label={TEXT.question[lang]}>{r.label}</td>
                  <td className="diff-value" data-label={COMPARISON_TEXT.theirs[lang]}>
                    {r.theirs}
                  </td>
                  <td className="diff-value" data-label={COMPARISON_TEXT.mine[lang]}>
                    {r.mine}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
