/** On a draft carried forward: where it came from, and the criteria to look at, by title with the flag in words. */
import { useEffect, useState } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { useDeployment } from '../deployment.tsx';
import { api, type CarriedFrom, type Period } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { type CarryFlag, flagWords } from '../model/supplements.ts';

export function CarriedFromNotice({ carried, community, lang: given }: { carried: CarriedFrom; community: string; lang?: Language }) {
  const { lang, t, l } = useLanguage(given);
  const deployment = useDeployment(lang);
  const [period, setPeriod] = useState<Period | null>(null);
  useEffect(() => {
    let live = true;
    api
      .getAssessment(carried.assessment)
      .then((a) => live && setPeriod(a.period))
      .catch(() => undefined); // the link still leads there; only its period is left out
    return () => {
      live = false;
    };
  }, [carried.assessment]);
  const source = period ? `${community} · ${deployment.period(period)}` : null;
  return (
    <section className="card carried-from" aria-labelledby="carried-heading" data-testid="carried-from">
      <h2 id="carried-heading">{t('carried.heading')}</h2>
      <p>
        {t('carried.from')} <a href={`#/assessments/${encodeURIComponent(carried.assessment)}`}>{source ?? t('carried.earlier')}</a>
        {t('carried.check', { rubric: `${carried.rubric.id} ${carried.rubric.version}` })}
      </p>
      {carried.flags.length === 0 ? (
        <p className="hint">{t('carried.none')}</p>
      ) : (
        <ul className="carry-flags">
          {carried.flags.map((f) => (
            <li key={`${f.criterion}-${f.flag}`} data-criterion={f.criterion} data-flag={f.flag}>
              <span className={`badge flag-${f.flag}`}>{flagWords(f.flag as CarryFlag, lang)}</span> {l(f.title, f.criterion)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
