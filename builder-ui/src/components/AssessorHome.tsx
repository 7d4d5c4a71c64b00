/** Assessments: the list (drafts to come back to, submitted results) and starting a new one. */
import { useCallback, useEffect, useState } from 'react';
import { type AssessmentSummary, api, type Community, errorMessage, type RubricSummary, type Role } from '../api.ts';
import { navigate } from './App.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { NewAssessmentForm } from './NewAssessmentForm.tsx';
import { SupplementUpload } from './SupplementUpload.tsx';

const KIND_WORDS: Record<string, string> = { 'mid-term': '中期 mid-term', final: '终期 final', quarterly: '季度 quarterly' };

export function AssessorHome({ role }: { role: Role }) {
  const [assessments, setAssessments] = useState<AssessmentSummary[] | null>(null);
  const [communities, setCommunities] = useState<Community[]>([]);
  const [rubrics, setRubrics] = useState<RubricSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([api.listAssessments(), api.listCommunities(), api.listRubrics()])
      .then(([a, c, r]) => {
        setAssessments([...a].sort((x, y) => y.updatedAt.localeCompare(x.updatedAt)));
        setCommunities(c);
        setRubrics(r);
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);

  useEffect(load, [load]);

  const communityName = (id: string): string => communities.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="page assessor-home">
      <h1>Assessments 评价</h1>
      <ErrorBanner message={error} />
      {role !== 'viewer' && <NewAssessmentForm communities={communities} rubrics={rubrics} onCommunityAdded={load} onCreated={(id) => navigate('assessments', id)} />}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Drafts and submitted assessments</h2>
        {assessments === null ? (
          <p>Loading…</p>
        ) : assessments.length === 0 ? (
          <p>No assessments yet.</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Community 社区</th>
                <th scope="col">Rubric</th>
                <th scope="col">Period</th>
                <th scope="col">Assessor</th>
                <th scope="col">Status</th>
                <th scope="col">Total / tier</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a) => (
                <tr key={a.id} data-assessment={a.id}>
                  <td>
                    <a href={`#/assessments/${encodeURIComponent(a.id)}`}>{communityName(a.communityId)}</a>
                  </td>
                  <td>
                    {a.rubric.id} {a.rubric.version}
                  </td>
                  <td>
                    {a.period.year} {KIND_WORDS[a.period.kind] ?? a.period.kind}
                  </td>
                  <td>{a.assessor}</td>
                  <td>
                    <span className={`status status-${a.status}`}>{a.status === 'draft' ? 'draft 草稿' : 'submitted 已提交'}</span>
                  </td>
                  <td>{a.total === null ? '—' : `${a.total} · ${a.tier ?? '—'}`}</td>
                  <td>{new Date(a.updatedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {role !== 'viewer' && rubrics.length > 0 && <SupplementUpload rubrics={rubrics} />}
    </div>
  );
}
