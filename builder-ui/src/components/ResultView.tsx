/** A submitted assessment's result: headline, bars, explanations, findings, and the Table C.1 print view. */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { CriteriaExplanations } from './CriteriaExplanations.tsx';
import { PrintTable } from './PrintTable.tsx';
import { RequirementFindings } from './RequirementFindings.tsx';
import { ScoreBars } from './ScoreBars.tsx';
import { ScoreHeadline } from './ScoreHeadline.tsx';

interface Props {
  result: ScoreResult;
  doc: RubricDocument | undefined;
  lang: Language;
  heading: string;
}

export function ResultView({ result, doc, lang, heading }: Props) {
  const zh = lang === 'zh';
  return (
    <section className="result" aria-labelledby="result-heading">
      <div className="result-top">
        <h2 id="result-heading">{heading}</h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {zh ? '打印' : 'Print'}
        </button>
      </div>
      <ScoreHeadline result={result} doc={doc} lang={lang} />
      <p className="stamp">
        {zh ? '细则' : 'Rubric'} {result.rubric.id} {result.rubric.version} · {result.rubric.hash.slice(0, 12)}
      </p>
      <div className="screen-only">
        <div className="bars-grid">
          <ScoreBars nodes={result.groups} lang={lang} caption={zh ? '各部分得分' : 'Points per group'} />
          <ScoreBars nodes={result.indicators} lang={lang} caption={zh ? '各指标得分' : 'Points per indicator'} />
        </div>
        <h3>{zh ? '评分说明' : 'How each criterion was scored'}</h3>
        <CriteriaExplanations criteria={result.criteria} lang={lang} />
      </div>
      <RequirementFindings requirements={result.requirements} lang={lang} />
      {doc && (
        <details className="print-view" open>
          <summary className="no-print">{zh ? '评分表（打印视图）' : 'Score sheet (print view)'}</summary>
          <PrintTable doc={doc} result={result} lang={lang} />
        </details>
      )}
    </section>
  );
}
