/**
 * One assessment: while a draft, the generated form (Chinese by default, English on request)
 * with save and submit; once submitted, its frozen result. Saves name the revision the draft was
 * read at: when someone else saved it since, nothing is overwritten and the assessor chooses.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AssessmentForm, AssessmentInputs, Issue, Language, RubricDocument } from '../../../engine/browser.ts';
import { type Assessment, type AssessmentWithSupplements, api, ApiError, errorMessage, isStale, type Role } from '../api.ts';
import { detailsToErrorSchema, type ErrorSchema, inputsToSend, toFormData } from '../model/assessment.ts';
import { AssessmentComparison } from './AssessmentComparison.tsx';
import { AssessmentFormView, type FormData } from './AssessmentFormView.tsx';
import { CarriedFromNotice } from './CarriedFromNotice.tsx';
import { CarryForwardAction } from './CarryForwardAction.tsx';
import { type Conflict, ConflictNotice } from './ConflictNotice.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLeaveWarning } from './leave-guard.ts';
import { ResultView } from './ResultView.tsx';
import { SupplementsSection } from './SupplementsSection.tsx';

/** What a form holds, as it is sent: the inputs and not-applicable reasons (the save body). */
function answersOf(data: FormData): Required<AssessmentInputs> {
  const body = inputsToSend(data);
  return { inputs: body.inputs, notApplicable: body.notApplicable ?? {} };
}

const DONE = {
  saved: { zh: '草稿已保存。', en: 'Draft saved.' },
  reloaded: { zh: '已加载对方保存的答案，你的修改已放弃。', en: 'Loaded the saved answers; your edits were discarded.' },
  keptMine: { zh: '已保存你的答案（覆盖了对方的修改）。', en: 'Saved your answers over the other change.' },
} as const;

interface Problem {
  message: string;
  placed: { title: string; message: string }[];
  unplaced: Issue[];
}

export function AssessmentPage({ assessmentId, role }: { assessmentId: string; role: Role }) {
  const [assessment, setAssessment] = useState<AssessmentWithSupplements | null>(null);
  const [doc, setDoc] = useState<RubricDocument | undefined>(undefined);
  const [lang, setLang] = useState<Language>('zh');
  const [form, setForm] = useState<AssessmentForm | null>(null);
  const [formData, setFormData] = useState<FormData>({});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [community, setCommunity] = useState('');
  /** The answers as last read or saved, to tell unsaved edits. */
  const [savedAnswers, setSavedAnswers] = useState('');
  const [conflict, setConflict] = useState<Conflict<Assessment> | null>(null);
  const [comparing, setComparing] = useState(false);

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
        const data = toFormData(version.document, { inputs: a.inputs ?? {}, notApplicable: a.notApplicable });
        setFormData(data);
        setSavedAnswers(JSON.stringify(answersOf(data)));
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

  const answers = useMemo(() => JSON.stringify(answersOf(formData)), [formData]);
  const editing = !!assessment && assessment.status === 'draft' && role !== 'viewer';
  useLeaveWarning(editing && !!savedAnswers && answers !== savedAnswers);

  /** The assessment as someone else saved it: the same answers need no choice (only its revision is taken). */
  const openConflict = async (sent: Required<AssessmentInputs>): Promise<void> => {
    if (!assessment) return;
    try {
      const theirs = await api.getAssessment(assessment.id);
      if (theirs.status !== 'draft') setConflict({ state: 'closed', theirs, revision: theirs.revision, status: theirs.status });
      else if (JSON.stringify(answersOf(toFormData(doc as RubricDocument, theirs))) === JSON.stringify(sent)) {
        setAssessment({ ...assessment, ...theirs });
        setSavedAnswers(JSON.stringify(sent));
        setConflict(null);
        setStatus(DONE.saved[lang]);
      } else setConflict({ state: 'changed', theirs, revision: theirs.revision });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setConflict({ state: 'gone' });
      else showError(e);
    }
  };

  /** Saves the answers over `base`, the revision they replace (the one read, or theirs after "keep mine"). */
  const save = async (data: FormData, base: number | undefined = assessment?.revision): Promise<Assessment | null> => {
    if (!assessment) return null;
    setBusy(true);
    setStatus(null);
    setProblem(null);
    const sent = answersOf(data);
    try {
      const saved = await api.saveAssessment(assessment.id, sent, base);
      setExtraErrors(undefined);
      setAssessment({ ...assessment, ...saved });
      setSavedAnswers(JSON.stringify(sent));
      setConflict(null);
      setComparing(false);
      setStatus(DONE.saved[lang]);
      return saved;
    } catch (e) {
      if (isStale(e)) await openConflict(sent);
      else showError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (data: FormData): Promise<void> => {
    const saved = assessment && (await save(data));
    if (!assessment || !saved) return;
    setBusy(true);
    try {
      const submitted = await api.submitAssessment(assessment.id, saved.revision);
      setAssessment({ ...assessment, ...submitted });
      setStatus(null);
      window.scrollTo(0, 0);
    } catch (e) {
      if (isStale(e)) await openConflict(answersOf(data));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  /** Reload: their saved answers (read again, in case they changed once more) replace the edits. */
  const reloadTheirs = async (): Promise<void> => {
    if (!assessment || !doc) return;
    setBusy(true);
    setProblem(null);
    try {
      const latest = await api.getAssessment(assessment.id);
      const data = toFormData(doc, { inputs: latest.inputs ?? {}, notApplicable: latest.notApplicable });
      setAssessment(latest);
      setFormData(data);
      setSavedAnswers(JSON.stringify(answersOf(data)));
      setExtraErrors(undefined);
      setConflict(null);
      setComparing(false);
      setStatus(DONE.reloaded[lang]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setConflict({ state: 'gone' });
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  /** Keep mine: save over their revision, on purpose (a newer save still refuses, and asks again). */
  const keepMine = async (): Promise<void> => {
    if (conflict?.state !== 'changed') return;
    if (await save(formData, conflict.revision)) setStatus(DONE.keptMine[lang]);
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
        {role === 'assessor' && (
          <div className="carry-forward-bar no-print">
            <CarryForwardAction assessment={assessment} lang={lang} />
          </div>
        )}
        <ResultView result={assessment.result} doc={doc} lang={lang} heading={heading} />
        <SupplementsSection assessment={assessment} role={role} lang={lang} onChange={setAssessment} />
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
      {assessment.carriedFrom && <CarriedFromNotice carried={assessment.carriedFrom} community={community || assessment.communityId} lang={lang} />}
      <p className="hint">{zh ? '可随时保存草稿，稍后回来继续填写；提交后评分并冻结。' : 'Save a draft at any time and come back to it; submitting scores and freezes it.'}</p>
      {problem && (
        <ErrorBanner
          message={problem.message}
          items={problem.placed.map((p) => ({ field: p.title, message: p.message }))}
          details={problem.unplaced}
        />
      )}
      {conflict && (
        <ConflictNotice
          conflict={conflict}
          what="assessment"
          mine={assessment.revision}
          lang={lang}
          busy={busy}
          comparing={comparing}
          onReload={() => void reloadTheirs()}
          onCompare={() => setComparing((c) => !c)}
          onKeepMine={() => void keepMine()}
        >
          {conflict.state !== 'gone' && doc && (
            <AssessmentComparison doc={doc} theirs={{ inputs: conflict.theirs.inputs ?? {}, notApplicable: conflict.theirs.notApplicable ?? {} }} mine={answersOf(formData)} lang={lang} />
          )}
        </ConflictNotice>
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
              <button type="button" disabled={busy || !!conflict} onClick={() => save(formData)}>
                {zh ? '保存草稿' : 'Save draft'}
              </button>
              <button type="submit" className="primary" disabled={busy || !!conflict}>
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
