/** A submitted assessment's result: headline, bars, explanations, findings, and the Table C.1 print view. */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CriteriaExplanations } from './CriteriaExplanations.tsx';
import { PrintTable } from './PrintTable.tsx';
import { RequirementFindings } from './RequirementFindings.tsx';
import { ScoreBars } from './ScoreBars.tsx';
import { ScoreHeadline } from './ScoreHeadline.tsx';

interface Props {
  result: ScoreResult;
  doc: RubricDocument | undefined;
  /** The page language unless given (callers that still keep their own). */
  lang?: Language;
  heading: string;
}

export function ResultView({ result, doc, lang: given, heading }: Props) {
  const { lang, t } = useLanguage(given);
  return (
    <section className="result" aria-labelledby="result-heading">
      <div className="result-top">
        <h2 id="result-heading">{heading}</h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </div>
      <ScoreHeadline result={result} doc={doc} lang={lang} />
      <p className="stamp">
        {t('result.rubricStamp')} {result.rubric.id} {result.rubric.version} · {result.rubric.hash.slice(0, 12)}
      </p>
      <div className="screen-only">
        <div className="bars-grid">
          <ScoreBars nodes={result.groups} lang={lang} caption={t('result.perGroup')} />
          <ScoreBars nodes={result.indicators} lang={lang} caption={t('result.perIndicator')} />
        </div>
        <h3>{t('result.explanations')}</h3>
        <CriteriaExplanations criteria={result.criteria} lang={lang} />
      </div>
      <RequirementFindings requirements={result.requirements} doc={doc} lang={lang} />
      {doc && (
        <details className="print-view" open>
          <summary className="no-print">{t('result.printView')}</summary>
          <PrintTable doc={doc} result={result} lang={lang} />
        </details>
      )}
    </section>
  );
}
