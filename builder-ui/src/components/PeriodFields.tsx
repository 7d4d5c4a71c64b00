/**
 * The year, period kind and assessor of an assessment being started (a new one, or the next one
 * carried forward from a submitted one). The kinds offered, and their words, are the deployment
 * profile's. The assessor's name is remembered on this browser.
 */
import type { PeriodKind } from '../api.ts';
import { useDeployment } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';

/** Where the last assessor's name is kept, to prefill the next start. */
export const ASSESSOR_KEY = 'rubric-studio.assessor';

interface Props {
  /** Prefix of the controls' ids, so two forms on one page keep distinct ids. */
  idPrefix: string;
  year: number;
  kind: PeriodKind;
  assessor: string;
  onYear: (year: number) => void;
  onKind: (kind: PeriodKind) => void;
  onAssessor: (assessor: string) => void;
}

export function PeriodFields({ idPrefix, year, kind, assessor, onYear, onKind, onAssessor }: Props) {
  const { t, lang } = useLanguage();
  const { kinds } = useDeployment(lang);
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}year`}>{t('new.year')}</label>
        <input id={`${idPrefix}year`} type="number" min={2000} max={2100} value={year} onChange={(e) => onYear(Number(e.target.value))} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}kind`}>{t('term.period')}</label>
        <select id={`${idPrefix}kind`} value={kind} onChange={(e) => onKind(e.target.value)}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}assessor`}>{t('term.assessor')}</label>
        <input id={`${idPrefix}assessor`} value={assessor} onChange={(e) => onAssessor(e.target.value)} />
      </div>
    </>
  );
}
