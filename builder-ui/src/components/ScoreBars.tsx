/** Points against maxima as horizontal bars (plain CSS), for groups or indicators. */
import { creditWords, type Language, type NodeResult } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { percent } from '../model/result.ts';

export function ScoreBars({ nodes, lang: given, caption }: { nodes: NodeResult[]; lang?: Language; caption: string }) {
  const { t, l, lang } = useLanguage(given);
  return (
    <figure className="bars">
      <figcaption>{caption}</figcaption>
      <ul>
        {nodes.map((node) => (
          <li key={node.id} className="bar-row">
            <span className="bar-label">{l(node.title, node.id)}</span>
            {/* The bar repeats the numbers beside it, so assistive technology skips it. */}
            <span className="bar" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${percent(node.points, node.max)}%` }} />
            </span>
            <span className="bar-value">
              {node.points} / {node.max}
              {node.capped ? t('result.capped') : ''}
              {node.credits && <span className="bar-credits">{creditWords(node.credits, lang)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
