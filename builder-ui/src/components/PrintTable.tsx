/** The result laid out like Table C.1 of the standard: 序号 / 评价内容 / 评价指标 / 评分规则 / 分值 / 得分. */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { formatRange } from '../model/reachable.ts';
import { tableRows } from '../model/result.ts';

export function PrintTable({ doc, result, lang }: { doc: RubricDocument; result: ScoreResult; lang: Language }) {
  const rows = tableRows(doc, result, lang);
  return (
    <table className="table-c1">
      <caption>{lang === 'zh' ? '评分表' : 'Score sheet'}</caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">评价内容</th>
          <th scope="col">评价指标</th>
          <th scope="col">评分规则</th>
          <th scope="col">分值</th>
          <th scope="col">得分</th>
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
          <td colSpan={4}>{lang === 'zh' ? '合计' : 'Total'}</td>
          <td className="num">{result.max}</td>
          <td className="num">
            {result.total}
            {!result.complete && result.reachable && (
              <>
                <br />
                {lang === 'zh' ? `（目前得分；可达 ${formatRange(result.reachable.total.min, result.reachable.total.max)}）` : `(so far; reachable ${formatRange(result.reachable.total.min, result.reachable.total.max)})`}
              </>
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
