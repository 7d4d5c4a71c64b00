/**
 * The year, period kind and assessor of an assessment being started (a new one, or the next one
 * carried forward from a submitted one). The assessor's name is remembered on this browser.
 */
import { PERIOD_KINDS } from '../../../engine/browser.ts';
import type { PeriodKind } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';

/** Where the last assessor's name is kept, to prefill the next start. */
export const ASSESSOR_KEY = 'rubric-studio.assessor';

const KINDS = Object.keys(PERIOD_KINDS) as PeriodKind[];

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
  const { t } = useLanguage();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}year`}>{t('new.year')}</label>
        <input id={`${idPrefix}year`} type="number" min={2000} max={2100} value={year} onChange={(e) => onYear(Number(e.target.value))} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}kind`}>{t('term.period')}</label>
        <select id={`${idPrefix}kind`} value={kind} onChange={(e) => onKind(e.target.value as PeriodKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`period.${k}`)}
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
