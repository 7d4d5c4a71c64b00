/**
 * One assessment: while a draft, the generated form (Chinese by default, English on request)
 * with save and submit; once submitted, its frozen result.
 */
import { useEffect, useState } from 'react';
import type { AssessmentForm, Issue, Language, RubricDocument } from '../../../engine/types.ts';
import { type Assessment, api, ApiError, errorMessage, type Role } from '../api.ts';
import { detailsToErrorSchema, type ErrorSchema, inputsToSend, toFormData } from '../model/assessment.ts';
import { AssessmentFormView, type FormData } from './AssessmentFormView.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ResultView } from './ResultView.tsx';

interface Problem {
  message: string;
  placed: { title: string; message: string }[];
  unplaced: Issue[];
}

export function AssessmentPage({ assessmentId, role }: { assessmentId: string; role: Role }) {
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [doc, setDoc] = useState<RubricDocument | undefined>(undefined);
  const [lang, setLang] = useState<Language>('zh');
  const [form, setForm] = useState<AssessmentForm | null>(null);
  const [formData, setFormData] = useState<FormData>({});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [community, setCommunity] = useState('');

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const a = await api.getAssessment(assessmentId);
        const [version, communities] = await Promise.all([api.getVersion(a.rubric.id, a.rubric.version), api.listCommunities()]);
        if (!live) return;
        setAssessment(a);
        setCommunity(communities.find((c) => c.id === a.communityId)?.name ?? a.communityId);
        setDoc(version.document);
        setFormData(toFormData(version.document, { inputs: a.inputs ?? {}, notApplicable: a.notApplicable }));
      } catch (e) {
        if (live) setProblem({ message: errorMessage(e), placed: [], unplaced: [] });
      }
    })();
    return () => {
      live = false;
    };
  }, [assessmentId]);

  const rubricId = assessment?.rubric.id;
  const rubricVersion = assessment?.rubric.version;
  useEffect(() => {
    if (!rubricId || !rubricVersion) return;
    let live = true;
    api
      .getForm(rubricId, rubricVersion, lang)
      .then((f) => live && setForm(f))
      .catch((e) => live && setProblem({ message: errorMessage(e), placed: [], unplaced: [] }));
    return () => {
      live = false;
    };
  }, [rubricId, rubricVersion, lang]);

  const showError = (e: unknown): void => {
    if (e instanceof ApiError && form && e.details.length) {
      const { errorSchema, placed, unplaced } = detailsToErrorSchema(e.details, form.schema);
      setExtraErrors(errorSchema);
      setProblem({ message: e.message, placed, unplaced });
    } else {
      setExtraErrors(undefined);
      setProblem({ message: errorMessage(e), placed: [], unplaced: [] });
    }
  };

  const save = async (data: FormData): Promise<Assessment | null> => {
    if (!assessment) return null;
    setBusy(true);
    setStatus(null);
    setProblem(null);
    try {
      const body = inputsToSend(data);
      const saved = await api.saveAssessment(assessment.id, { inputs: body.inputs, notApplicable: body.notApplicable ?? {} });
      setExtraErrors(undefined);
      setAssessment({ ...assessment, ...saved });
      setStatus(lang === 'zh' ? '草稿已保存。' : 'Draft saved.');
      return saved;
    } catch (e) {
      showError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (data: FormData): Promise<void> => {
    if (!assessment || !(await save(data))) return;
    setBusy(true);
    try {
      const submitted = await api.submitAssessment(assessment.id);
      setAssessment({ ...assessment, ...submitted });
      setStatus(null);
      window.scrollTo(0, 0);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!assessment) return problem ? <ErrorBanner message={problem.message} /> : <p>Loading…</p>;
  const zh = lang === 'zh';
  const heading = `${community || assessment.communityId} · ${assessment.rubric.id} ${assessment.rubric.version} · ${assessment.period.year} ${assessment.period.kind}`;

  if (assessment.status !== 'draft' && assessment.result) {
    return (
      <div className="page assessment-result">
        <div className="page-top no-print">
          <a href="#/assessments">← {zh ? '返回列表' : 'Back to the list'}</a>
          <LanguageSwitch lang={lang} onChange={setLang} label="Result language" />
        </div>
        <ResultView result={assessment.result} doc={doc} lang={lang} heading={heading} />
      </div>
    );
  }

  const editable = role !== 'viewer';
  return (
    <div className="page assessment">
      <div className="page-top">
        <a href="#/assessments">← {zh ? '返回列表' : 'Back to the list'}</a>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </div>
      <h1>{heading}</h1>
      <p className="hint">{zh ? '可随时保存草稿，稍后回来继续填写；提交后评分并冻结。' : 'Save a draft at any time and come back to it; submitting scores and freezes it.'}</p>
      {problem && (
        <ErrorBanner
          message={problem.message}
          items={problem.placed.map((p) => ({ field: p.title, message: p.message }))}
          details={problem.unplaced}
        />
      )}
      {status && (
        <p className="status-message" role="status">
          {status}
        </p>
      )}
      {form ? (
        <AssessmentFormView lang={lang} form={form} formData={formData} onChange={setFormData} onSubmit={submit} extraErrors={extraErrors} readOnly={!editable}>
          {editable ? (
            <div className="form-buttons">
              <button type="button" disabled={busy} onClick={() => save(formData)}>
                {zh ? '保存草稿' : 'Save draft'}
              </button>
              <button type="submit" className="primary" disabled={busy}>
                {zh ? '提交评分' : 'Submit'}
              </button>
            </div>
          ) : (
            <span />
          )}
        </AssessmentFormView>
      ) : (
        <p>Loading the form…</p>
      )}
    </div>
  );
}
