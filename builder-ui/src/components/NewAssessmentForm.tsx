/**
 * Starting an assessment: community (the deployment's subject; or a new one, with the profile's
 * attributes), the day assessed, the rubric version in force on that day (another one only with a
 * reason, which the record keeps), period and assessor.
 */
import { useEffect, useState } from 'react';
import type { SubjectAttribute } from '../../../engine/browser.ts';
import { api, ApiError, type Community, errorMessage, type PeriodKind, type RubricSummary } from '../api.ts';
import { useDeployment } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { ASSESSOR_KEY, PeriodFields } from './PeriodFields.tsx';
import { said } from '../i18n/message.ts';

interface Props {
  communities: Community[];
  rubrics: RubricSummary[];
  onCreated: (id: string) => void;
  onCommunityAdded: () => void;
}

export function NewAssessmentForm({ communities, rubrics, onCreated, onCommunityAdded }: Props) {
  const { t, l, lang } = useLanguage();
  const deployment = useDeployment(lang);
  const subject = { subject: deployment.subjectInText };
  const published = rubrics.flatMap((r) => r.versions.filter((v) => v.status === 'published').map((v) => ({ id: r.id, version: v.version, title: l(v.title, r.id) })));
  const [communityId, setCommunityId] = useState('');
  const [rubric, setRubric] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [kind, setKind] = useState<PeriodKind>(deployment.defaultKind);
  const [assessor, setAssessor] = useState(() => localStorage.getItem(ASSESSOR_KEY) ?? '');
  const [error, setError] = useState<ApiError | string | null>(null);
  const [adding, setAdding] = useState(false);
  /** The new community's id, name and the profile's attributes, as typed. */
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [assessedOn, setAssessedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [inForce, setInForce] = useState<Record<string, string | null>>({});
  const [reason, setReason] = useState('');

  // The version in force on the day assessed, per rubric: the one a new assessment uses.
  const rubricIds = [...new Set(published.map((p) => p.id))].join('\n');
  useEffect(() => {
    let current = true;
    Promise.all(rubricIds.split('\n').filter(Boolean).map(async (id) => [id, (await api.inForce(id, assessedOn)).version] as const))
      .then((entries) => current && setInForce(Object.fromEntries(entries)))
      .catch(() => current && setInForce({}));
    return () => {
      current = false;
    };
  }, [rubricIds, assessedOn]);

  const chosenCommunity = communityId || communities[0]?.id || '';
  const firstInForce = published.find((p) => inForce[p.id] === p.version) ?? published[0];
  const chosenRubric = rubric || (firstInForce ? `${firstInForce.id}@${firstInForce.version}` : '');
  const [chosenId, chosenVersion] = chosenRubric.split('@');
  const needsReason = chosenId !== undefined && chosenId !== '' && inForce[chosenId] !== undefined && inForce[chosenId] !== chosenVersion;

  const create = async (): Promise<void> => {
    setError(null);
    const [id, version] = chosenRubric.split('@');
    if (!chosenCommunity || !id) {
      setError(t('new.chooseFirst', subject));
      return;
    }
    localStorage.setItem(ASSESSOR_KEY, assessor);
    try {
      const created = await api.createAssessment({
        communityId: chosenCommunity,
        rubric: { id, version },
        period: { year, kind },
        assessor: assessor.trim() || 'assessor',
        assessedOn,
        ...(needsReason && reason.trim() && { versionReason: reason.trim() }),
        inputs: {},
      });
      onCreated(created.id);
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    }
  };

  const addCommunity = async (): Promise<void> => {
    setError(null);
    try {
      // Fields left empty are left out: the server names a required one that is missing.
      const fields = Object.fromEntries(Object.entries(draft).map(([field, value]) => [field, value.trim()]).filter(([, value]) => value !== ''));
      const created = await api.createCommunity({ id: '', name: '', ...fields } as Community);
      setCommunityId(created.id);
      setAdding(false);
      setDraft({});
      onCommunityAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    }
  };

  return (
    <section className="card new-assessment" aria-labelledby="new-heading">
      <h2 id="new-heading">{t('new.heading')}</h2>
      <ErrorBanner
        message={typeof error === 'string' ? error : (error ? said(error, lang) : null)}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\//, '') || t('common.request'), message: said(d, lang) })) : []}
      />
      <div className="row">
        <div className="field">
          <label htmlFor="community">{deployment.subject}</label>
          <select id="community" value={chosenCommunity} onChange={(e) => setCommunityId(e.target.value)}>
            {communities.length === 0 && <option value="">{t('new.addCommunityFirst', subject)}</option>}
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {[c.name, deployment.attributesOf(c)].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          {t('new.addCommunityToggle', { subject: deployment.subject })}
        </button>
      </div>
      {adding && (
        <fieldset className="row">
          <legend>{t('new.newCommunity', subject)}</legend>
          <div className="field">
            <label htmlFor="new-community-id">{t('new.communityId')}</label>
            <input id="new-community-id" value={draft.id ?? ''} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-community-name">{t('new.communityName')}</label>
            <input id="new-community-name" value={draft.name ?? ''} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </div>
          {deployment.profile.subject.attributes.map((attribute) => (
            <AttributeField key={attribute.id} attribute={attribute} label={deployment.attribute(attribute)} value={draft[attribute.id] ?? ''} onChange={(value) => setDraft({ ...draft, [attribute.id]: value })} />
          ))}
          <button type="button" onClick={addCommunity}>
            {t('new.addCommunity', subject)}
          </button>
        </fieldset>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="assessed-on">{t('new.assessedOn')}</label>
          <input id="assessed-on" type="date" value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="rubric">{t('assessments.version')}</label>
          <select id="rubric" value={chosenRubric} onChange={(e) => setRubric(e.target.value)}>
            {published.length === 0 && <option value="">{t('new.noPublished')}</option>}
            {published.map((p) => (
              <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
                {p.title} {p.version}
                {inForce[p.id] === p.version ? t('new.inForceMark') : ''}
              </option>
            ))}
          </select>
        </div>
        {needsReason && (
          <div className="field">
            <label htmlFor="version-reason">{inForce[chosenId] ? t('new.whyNot', { version: inForce[chosenId] }) : t('new.whyNotNone')}</label>
            <input id="version-reason" value={reason} required onChange={(e) => setReason(e.target.value)} />
          </div>
        )}
        <PeriodFields idPrefix="" year={year} kind={kind} assessor={assessor} onYear={setYear} onKind={setKind} onAssessor={setAssessor} />
      </div>
      <button type="button" className="primary" onClick={create}>
        {t('new.start')}
      </button>
    </section>
  );
}

/** One attribute of the deployment's subject: free text, or one of its options by label. */
function AttributeField({ attribute, label, value, onChange }: { attribute: SubjectAttribute; label: string; value: string; onChange: (value: string) => void }) {
  const { lang, t } = useLanguage();
  const id = `new-community-${attribute.id}`;
  return (
    <div className="field">
      <label htmlFor={id}>{attribute.required ? label : t('new.optional', { label })}</label>
      {attribute.type === 'choice' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('new.chooseOption')}</option>
          {(attribute.options ?? []).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label[lang]}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
