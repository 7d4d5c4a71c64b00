/** Starting an assessment: community (or a new one), published rubric version, period and assessor. */
import { useState } from 'react';
import { api, ApiError, type Community, errorMessage, type PeriodKind, type RubricSummary } from '../api.ts';
import { ErrorBanner } from './ErrorBanner.tsx';

interface Props {
  communities: Community[];
  rubrics: RubricSummary[];
  onCreated: (id: string) => void;
  onCommunityAdded: () => void;
}

const ASSESSOR_KEY = 'rubric-studio.assessor';

export function NewAssessmentForm({ communities, rubrics, onCreated, onCommunityAdded }: Props) {
  const published = rubrics.flatMap((r) => r.versions.filter((v) => v.status === 'published').map((v) => ({ id: r.id, version: v.version, title: v.title.zh ?? v.title.en ?? r.id })));
  const [communityId, setCommunityId] = useState('');
  const [rubric, setRubric] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [kind, setKind] = useState<PeriodKind>('final');
  const [assessor, setAssessor] = useState(() => localStorage.getItem(ASSESSOR_KEY) ?? '');
  const [error, setError] = useState<ApiError | string | null>(null);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<Community>({ id: '', name: '', street: '' });

  const chosenCommunity = communityId || communities[0]?.id || '';
  const chosenRubric = rubric || (published[0] ? `${published[0].id}@${published[0].version}` : '');

  const create = async (): Promise<void> => {
    setError(null);
    const [id, version] = chosenRubric.split('@');
    if (!chosenCommunity || !id) {
      setError('Choose a community and a published rubric version first.');
      return;
    }
    localStorage.setItem(ASSESSOR_KEY, assessor);
    try {
      const created = await api.createAssessment({ communityId: chosenCommunity, rubric: { id, version }, period: { year, kind }, assessor: assessor.trim() || 'assessor', inputs: {} });
      onCreated(created.id);
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    }
  };

  const addCommunity = async (): Promise<void> => {
    setError(null);
    try {
      const created = await api.createCommunity({ ...draft, id: draft.id.trim(), name: draft.name.trim(), street: draft.street.trim() });
      setCommunityId(created.id);
      setAdding(false);
      setDraft({ id: '', name: '', street: '' });
      onCommunityAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    }
  };

  return (
    <section className="card new-assessment" aria-labelledby="new-heading">
      <h2 id="new-heading">New assessment 新建评价</h2>
      <ErrorBanner
        message={typeof error === 'string' ? error : (error?.message ?? null)}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\//, '') || 'request', message: d.message })) : []}
      />
      <div className="row">
        <div className="field">
          <label htmlFor="community">Community 社区</label>
          <select id="community" value={chosenCommunity} onChange={(e) => setCommunityId(e.target.value)}>
            {communities.length === 0 && <option value="">(add a community first)</option>}
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {c.street}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          + Community
        </button>
      </div>
      {adding && (
        <fieldset className="row">
          <legend>New community 新社区</legend>
          <div className="field">
            <label htmlFor="new-community-id">Id (letters, digits, -)</label>
            <input id="new-community-id" value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-community-name">Name 名称</label>
            <input id="new-community-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-community-street">Street 街道</label>
            <input id="new-community-street" value={draft.street} onChange={(e) => setDraft({ ...draft, street: e.target.value })} />
          </div>
          <button type="button" onClick={addCommunity}>
            Add community
          </button>
        </fieldset>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="rubric">Rubric version 细则版本</label>
          <select id="rubric" value={chosenRubric} onChange={(e) => setRubric(e.target.value)}>
            {published.length === 0 && <option value="">(no published version yet)</option>}
            {published.map((p) => (
              <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
                {p.title} {p.version}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">Year 年度</label>
          <input id="year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="kind">Period 评价期</label>
          <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
            <option value="mid-term">中期 mid-term</option>
            <option value="final">终期 final</option>
            <option value="quarterly">季度 quarterly</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="assessor">Assessor 评价人</label>
          <input id="assessor" value={assessor} onChange={(e) => setAssessor(e.target.value)} />
        </div>
      </div>
      <button type="button" className="primary" onClick={create}>
        Start assessment
      </button>
    </section>
  );
}
