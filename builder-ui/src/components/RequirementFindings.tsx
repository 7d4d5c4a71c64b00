/** Every baseline requirement with its finding (met / not met / not assessed) and any tier gate, by the tier's label. */
import type { Language, RequirementResult, RubricDocument } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { tierLabel } from '../model/result.ts';

export function RequirementFindings({ requirements, doc, lang: given }: { requirements: RequirementResult[]; doc?: RubricDocument; lang?: Language }) {
  const { lang, t, l } = useLanguage(given);
  if (requirements.length === 0) return null;
  return (
    <table className="findings">
      <caption>{t('findings.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('findings.clause')}</th>
          <th scope="col">{t('term.requirement')}</th>
          <th scope="col">{t('findings.finding')}</th>
        </tr>
      </thead>
      <tbody>
        {requirements.map((r) => (
          <tr key={r.id} data-requirement={r.id}>
            <td>{r.clause}</td>
            <td>
              {l(r.text)}
              {r.gate && <span className="gate">{t('findings.gate', { tier: tierLabel(doc, r.gate, lang) })}</span>}
            </td>
            <td className={`finding-${r.finding}`}>{t(`findings.${r.finding}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
