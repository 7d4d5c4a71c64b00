/** The result laid out like Table C.1 of the standard (序号 / 评价内容 / 评价指标 / 评分规则 / 分值 / 得分), its headers in the page language. */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { formatRange } from '../model/reachable.ts';
import { tableRows } from '../model/result.ts';

export function PrintTable({ doc, result, lang: given }: { doc: RubricDocument; result: ScoreResult; lang?: Language }) {
  const { lang, t } = useLanguage(given);
  const rows = tableRows(doc, result, lang);
  return (
    <table className="table-c1">
      <caption>{t('print.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('print.number')}</th>
          <th scope="col">{t('print.content')}</th>
          <th scope="col">{t('print.indicator')}</th>
          <th scope="col">{t('print.rule')}</th>
          <th scope="col">{t('print.max')}</th>
          <th scope="col">{t('print.points')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed rendering of the result
          <tr key={i}>
            {row.indicator && <td rowSpan={row.indicator.rowSpan}>{row.indicator.number}</td>}
            {row.content && <td rowSpan={row.content.rowSpan}>{row.content.text}</td>}
            {row.indicator && <td rowSpan={row.indicator.rowSpan}>{row.indicator.title}</td>}
            <td>{row.rule}</td>
            <td className="num">{row.max}</td>
            <td className="num">{row.points ?? '—'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>{t('print.total')}</td>
          <td className="num">{result.max}</td>
          <td className="num">
            {result.total}
            {!result.complete && result.reachable && (
              <>
                <br />
                {t('print.soFar', { range: formatRange(result.reachable.total.min, result.reachable.total.max) })}
              </>
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
