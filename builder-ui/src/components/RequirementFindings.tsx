/** Every baseline requirement with its finding (met / not met / not assessed) and any tier gate. */
import type { Finding, Language, RequirementResult } from '../../../engine/browser.ts';
import { pick } from '../model/result.ts';

const WORDS: Record<Finding, { zh: string; en: string }> = {
  met: { zh: '满足', en: 'met' },
  notMet: { zh: '不满足', en: 'not met' },
  notAssessed: { zh: '未评估', en: 'not assessed' },
};

export function RequirementFindings({ requirements, lang }: { requirements: RequirementResult[]; lang: Language }) {
  if (requirements.length === 0) return null;
  return (
    <table className="findings">
      <caption>{lang === 'zh' ? '基本要求' : 'Baseline requirements'}</caption>
      <thead>
        <tr>
          <th scope="col">{lang === 'zh' ? '条款' : 'Clause'}</th>
          <th scope="col">{lang === 'zh' ? '要求' : 'Requirement'}</th>
          <th scope="col">{lang === 'zh' ? '结论' : 'Finding'}</th>
        </tr>
      </thead>
      <tbody>
        {requirements.map((r) => (
          <tr key={r.id} data-requirement={r.id}>
            <td>{r.clause}</td>
            <td>
              {pick(r.text, lang)}
              {r.gate && <span className="gate"> {lang === 'zh' ? `（等级最高为 ${r.gate}）` : ` (tier capped at ${r.gate})`}</span>}
            </td>
            <td className={`finding-${r.finding}`}>{WORDS[r.finding][lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
