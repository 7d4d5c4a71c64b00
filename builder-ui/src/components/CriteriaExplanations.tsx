/** Each criterion's explanation line with its clause, as the engine wrote it (plain text). */
import type { CriterionResult, Language } from '../../../engine/browser.ts';
import { pick } from '../model/result.ts';

export function CriteriaExplanations({ criteria, lang }: { criteria: CriterionResult[]; lang: Language }) {
  return (
    <ol className="explanations" data-testid="explanations">
      {criteria.map((c) => (
        <li key={c.id} data-criterion={c.id} className={`status-${c.status}`}>
          <span className="clause">{c.clause}</span> <span className="points">{c.points} / {c.max}</span> <span className="explanation">{pick(c.explanation, lang)}</span>
        </li>
      ))}
    </ol>
  );
}
