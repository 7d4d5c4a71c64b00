/** On a draft carried forward: where it came from, and the criteria to look at, by title with the flag in words. */
import { useEffect, useState } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { api, type CarriedFrom, type Period } from '../api.ts';
import { type CarryFlag, flagWords, localized, periodText } from '../model/supplements.ts';

export function CarriedFromNotice({ carried, community, lang }: { carried: CarriedFrom; community: string; lang: Language }) {
  const zh = lang === 'zh';
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
  const source = period ? `${community} · ${periodText(period, lang)}` : null;
  const from = `${carried.rubric.id} ${carried.rubric.version}`;
  return (
    <section className="card carried-from" aria-labelledby="carried-heading" data-testid="carried-from">
      <h2 id="carried-heading">{zh ? '由上一次评价带入' : 'Carried forward from an earlier assessment'}</h2>
      <p>
        {zh ? '答案来自 ' : 'The answers come from '}
        <a href={`#/assessments/${encodeURIComponent(carried.assessment)}`}>{source ?? (zh ? '上一次评价' : 'the earlier assessment')}</a>
        {zh ? `（细则 ${from}）。请逐项核对下列细则：` : ` (rubric ${from}). Check the criteria below:`}
      </p>
      {carried.flags.length === 0 ? (
        <p className="hint">{zh ? '没有需要特别核对的细则。' : 'No criterion needs special attention.'}</p>
      ) : (
        <ul className="carry-flags">
          {carried.flags.map((f) => (
            <li key={`${f.criterion}-${f.flag}`} data-criterion={f.criterion} data-flag={f.flag}>
              <span className={`badge flag-${f.flag}`}>{flagWords(f.flag as CarryFlag, lang)}</span> {localized(f.title, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
