/** Each criterion's explanation line with its clause, as the engine wrote it (plain text). */
import type { CriterionResult, Language } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';

export function CriteriaExplanations({ criteria, lang: given }: { criteria: CriterionResult[]; lang?: Language }) {
  const { l } = useLanguage(given);
  return (
    <ol className="explanations" data-testid="explanations">
      {criteria.map((c) => (
        <li key={c.id} data-criterion={c.id} className={`status-${c.status}`}>
          <span className="clause">{c.clause}</span> <span className="points">{c.points} / {c.max}</span> <span className="explanation">{l(c.explanation)}</span>
        </li>
      ))}
    </ol>
  );
}
