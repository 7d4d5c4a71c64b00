/**
 * One assessment: while a draft, the generated form (Chinese by default, English on request)
 * with save and submit, a navigator of its sections with their progress, the live score, and the
 * questions that cannot score marked not needed; once submitted, its frozen result. Drafts save
 * themselves a moment after the last change. Every save names the revision the draft was read
 * at: when someone else saved it since, nothing is overwritten and the assessor chooses.
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type AssessmentForm, type AssessmentInputs, assessmentToFormData, type Issue, type Language, type RubricDocument } from '../../../engine/browser.ts';
import { useDeployment } from '../deployment.tsx';
import { type Assessment, type AssessmentWithSupplements, api, ApiError, type Community, errorMessage, isStale, type Role } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { detailsToErrorSchema, type ErrorSchema, inputsToSend } from '../model/assessment.ts';
import { markNotNeeded, sectionProgress } from '../model/form-progress.ts';
import { type Tracked, tracked } from '../settled.ts';
import { AssessmentComparison } from './AssessmentComparison.tsx';
import { AssessmentFormView, type FormData } from './AssessmentFormView.tsx';
import { CarriedFromNotice } from './CarriedFromNotice.tsx';
import { CarryForwardAction } from './CarryForwardAction.tsx';
import { type Conflict, ConflictNotice } from './ConflictNotice.tsx';
import { DraftProgress } from './DraftProgress.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import type { LastSave } from './AutosaveStatus.tsx';
import { useLiveScore } from './live-score.ts';
import { LiveScorePanel } from './LiveScorePanel.tsx';
import { useLeaveWarning } from './leave-guard.ts';
import { ResultView } from './ResultView.tsx';

// Supplements follow a submitted result, never the form: a chunk of their own keeps the assessor's
// first load within budget (builder-ui/vite.config.ts).
const SupplementsSection = lazy(() => import('./SupplementsSection.tsx').then((module) => ({ default: module.SupplementsSection })));

/** What a form holds, as it is sent: the inputs and not-applicable reasons (the save body). */
function answersOf(data: FormData): Required<AssessmentInputs> {
  const body = inputsToSend(data);
  return { inputs: body.inputs, notApplicable: body.notApplicable ?? {} };
}

/** The pause after the last change before a draft saves itself: a few keystrokes make one save. */
const AUTOSAVE_DELAY_MS = 2000;

/**
 * What an assessment's page shows first: the assessment, the communities (for its name) and, for
 * a draft, its form; the rubric version's document follows (a draft's form needs nothing of it to
 * be filled; a result waits for it, since its table is read off the document).
 */
interface PageData {
  assessment: AssessmentWithSupplements;
  communities: Community[];
  /** The form in the language asked for; null for a submitted assessment. */
  form: AssessmentForm | null;
  document: Promise<RubricDocument>;
}

/** Loads started ahead of the page (as the app starts, beside the sign-in check), each taken once by the page. */
const started = new Map<string, Tracked<PageData>>();

/**
 * Starts reading what the page for `assessmentId` shows first: the assessment, its form and the
 * communities side by side, then its rubric version. Called as the app starts, while the stored
 * sign-in is still checked, so the page finds the answers on their way rather than asking one
 * after another. Returns the load, which main.tsx lets settle before the first render.
 */
export function preloadAssessmentPage(assessmentId: string, lang: Language): Promise<unknown> {
  const preloaded = started.get(assessmentId) ?? tracked(readPageData(assessmentId, lang));
  started.set(assessmentId, preloaded);
  return preloaded.promise;
}

/** The preloaded page data when it has already come, for the page's first render. */
function arrivedPage(assessmentId: string): PageData | undefined {
  return started.get(assessmentId)?.value;
}

function loadAssessmentPage(assessmentId: string, lang: Language): Promise<PageData> {
  const preloaded = started.get(assessmentId);
  started.delete(assessmentId);
  // A load started before the sign-in was confirmed may have been refused: read again, signed in now.
  return preloaded ? preloaded.promise.catch(() => readPageData(assessmentId, lang)) : readPageData(assessmentId, lang);
}

/** The page's first state from its data: the assessment, its community's name and, for a draft, the form with the stored answers in it. */
function shownOf({ assessment, communities, form }: PageData) {
  const formData = form ? assessmentToFormData(form, { inputs: assessment.inputs ?? {}, notApplicable: assessment.notApplicable }) : {};
  return {
    assessment,
    community: communities.find((c) => c.id === assessment.communityId)?.name ?? assessment.communityId,
    form,
    formData,
    savedAnswers: form ? JSON.stringify(answersOf(formData)) : '',
  };
}

async function readPageData(assessmentId: string, lang: Language): Promise<PageData> {
  // All three at once: the form is asked by the assessment, so nothing waits for the assessment's
  // answer but the document (which needs its version). A submitted assessment's form goes unused.
  const form = api.getAssessmentForm(assessmentId, lang);
  const communities = api.listCommunities();
  form.catch(() => undefined);
  communities.catch(() => undefined);
  const assessment = await api.getAssessment(assessmentId);
  const { id, version } = assessment.rubric;
  const document = api.getVersion(id, version).then((record) => record.document);
  document.catch(() => undefined); // awaited below or by the page, which reports it
  const draft = assessment.status === 'draft';
  const [shown, known] = await Promise.all([draft ? form : null, communities, draft ? null : document]);
  return { assessment, communities: known, form: shown, document };
}

/** The form's idPrefix, which the section navigator needs to find each section's fieldset. */
const FORM_ID = 'root';

interface Problem {
  message: string;
  placed: { title: string; message: string }[];
  unplaced: Issue[];
}

export function AssessmentPage({ assessmentId, role }: { assessmentId: string; role: Role }) {
  // What already came (preloaded as the app started) is shown by the first render itself.
  const [arrived] = useState(() => {
    const data = arrivedPage(assessmentId);
    return data && shownOf(data);
  });
  const [assessment, setAssessment] = useState<AssessmentWithSupplements | null>(arrived?.assessment ?? null);
  const [doc, setDoc] = useState<RubricDocument | undefined>(undefined);
  const { lang, t, l } = useLanguage();
  const deployment = useDeployment(lang);
  const [form, setForm] = useState<AssessmentForm | null>(arrived?.form ?? null);
  const [formData, setFormData] = useState<FormData>(arrived?.formData ?? {});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [community, setCommunity] = useState(arrived?.community ?? '');
  /** The answers as last read or saved, to tell unsaved edits. */
  const [savedAnswers, setSavedAnswers] = useState(arrived?.savedAnswers ?? '');
  const [conflict, setConflict] = useState<Conflict<Assessment> | null>(null);
  const [comparing, setComparing] = useState(false);
  /** When the answers were last saved, and whether by the autosave. */
  const [lastSave, setLastSave] = useState<LastSave | null>(null);

  // The load is kept for the page's lifetime: React's development StrictMode runs the effect below
  // twice in a row (the same state and refs), and the second run must not ask the server again.
  const loading = useRef<Promise<PageData> | null>(null);
  // Read once per assessment (a language switch only fetches its form, below). A layout effect: when
  // the preloaded answers are in already, the page shows them before the first paint, not after it.
  // What the first render already showed (`arrived`) is not set again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per assessment, in the language of the moment
  useLayoutEffect(() => {
    let live = true;
    loading.current ??= loadAssessmentPage(assessmentId, lang);
    loading.current
      .then(async (data) => {
        if (!live) return;
        if (!arrived) {
          const shown = shownOf(data);
          setAssessment(shown.assessment);
          setCommunity(shown.community);
          if (shown.form) {
            setForm(shown.form);
            setFormData(shown.formData);
            setSavedAnswers(shown.savedAnswers);
          }
        }
        const d = await data.document;
        if (live) setDoc(d);
      })
      .catch((e: unknown) => live && setProblem({ message: errorMessage(e), placed: [], unplaced: [] }));
    return () => {
      live = false;
    };
  }, [assessmentId]);

  const rubricId = assessment?.rubric.id;
  const rubricVersion = assessment?.rubric.version;
  // The form in another language when the page's language changes (the first came with the page).
  const [formLang, setFormLang] = useState(lang);
  const draft = assessment?.status === 'draft';
  useEffect(() => {
    if (!rubricId || !rubricVersion || !draft || formLang === lang) return;
    let live = true;
    api
      .getForm(rubricId, rubricVersion, lang)
      .then((f) => {
        if (!live) return;
        setForm(f);
        setFormLang(lang);
      })
      .catch((e) => live && setProblem({ message: errorMessage(e), placed: [], unplaced: [] }));
    return () => {
      live = false;
    };
  }, [rubricId, rubricVersion, draft, lang, formLang]);

  const showError = (e: unknown): void => {
    if (e instanceof ApiError && form && e.details.length) {
      const { errorSchema, placed, unplaced } = detailsToErrorSchema(e.details, form.schema, lang);
      setExtraErrors(errorSchema);
      setProblem({ message: errorMessage(e, lang), placed, unplaced });
    } else {
      setExtraErrors(undefined);
      setProblem({ message: errorMessage(e), placed: [], unplaced: [] });
    }
  };

  const answers = useMemo(() => JSON.stringify(answersOf(formData)), [formData]);
  const editing = !!assessment && assessment.status === 'draft' && role !== 'viewer';
  const unsaved = editing && !!savedAnswers && answers !== savedAnswers;
  useLeaveWarning(unsaved);
  const scoring = useLiveScore(draft ? assessment?.rubric : undefined, answers);
  // The set is rebuilt only when its members change, so the form is not re-derived on every score.
  const notNeededKey = scoring.live?.notNeeded.join('\n') ?? '';
  const notNeeded = useMemo(() => new Set(notNeededKey ? notNeededKey.split('\n') : []), [notNeededKey]);
  const shownForm = useMemo(() => form && markNotNeeded(form, notNeeded, lang), [form, notNeeded, lang]);
  const sections = useMemo(() => (form ? sectionProgress(form, formData, notNeeded) : []), [form, formData, notNeeded]);

  /** The assessment as someone else saved it: the same answers need no choice (only its revision is taken). */
  const openConflict = async (sent: Required<AssessmentInputs>): Promise<void> => {
    if (!assessment) return;
    try {
      const theirs = await api.getAssessment(assessment.id);
      if (theirs.status !== 'draft') setConflict({ state: 'closed', theirs, revision: theirs.revision, status: theirs.status });
      else if (form && JSON.stringify(answersOf(assessmentToFormData(form, theirs))) === JSON.stringify(sent)) {
        setAssessment({ ...assessment, ...theirs });
        setSavedAnswers(JSON.stringify(sent));
        setConflict(null);
        setStatus(t('assessment.saved'));
      } else setConflict({ state: 'changed', theirs, revision: theirs.revision });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setConflict({ state: 'gone' });
      else showError(e);
    }
  };

  /**
   * Saves the answers over `base`, the revision they replace (the one read, or theirs after "keep
   * mine"). An autosave is the same save, If-Match included: a stale one is refused like any other.
   */
  const save = async (data: FormData, base: number | undefined = assessment?.revision, auto = false): Promise<Assessment | null> => {
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
      setLastSave({ at: new Date(), auto });
      if (!auto) setStatus(t('assessment.saved'));
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

  // Autosave: a pause after the last change, unless a save is under way or a conflict waits for
  // the assessor's choice (saving then would only be refused again). Each change restarts the wait.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `save` is a new closure each render; what it reads that can change is listed
  useEffect(() => {
    if (!unsaved || busy || conflict) return;
    const timer = setTimeout(() => void save(formData, assessment?.revision, true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [unsaved, busy, conflict, formData, assessment?.revision]);

  /** Reload: their saved answers (read again, in case they changed once more) replace the edits. */
  const reloadTheirs = async (): Promise<void> => {
    if (!assessment || !form) return;
    setBusy(true);
    setProblem(null);
    try {
      const latest = await api.getAssessment(assessment.id);
      const data = assessmentToFormData(form, { inputs: latest.inputs ?? {}, notApplicable: latest.notApplicable });
      setAssessment(latest);
      setFormData(data);
      setSavedAnswers(JSON.stringify(answersOf(data)));
      setExtraErrors(undefined);
      setConflict(null);
      setComparing(false);
      setStatus(t('assessment.reloaded'));
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
    if (await save(formData, conflict.revision)) setStatus(t('assessment.keptMine'));
  };

  if (!assessment) return problem ? <ErrorBanner message={problem.message} /> : <p>{t('assessment.loading')}</p>;
  // The rubric's title and version: from the document, or (a draft's document still on its way) its form's title, which says the same.
  const rubricTitle = doc || !form ? `${l(doc?.title, assessment.rubric.id)} ${assessment.rubric.version}` : String(form.schema.title);
  const heading = `${community || assessment.communityId} · ${rubricTitle} · ${deployment.period(assessment.period)}`;

  if (assessment.status !== 'draft' && assessment.result) {
    return (
      <div className="page assessment-result">
        <div className="page-top no-print">
          <a href="#/assessments">← {t('assessment.back')}</a>
        </div>
        {role === 'assessor' && (
          <div className="carry-forward-bar no-print">
            <CarryForwardAction assessment={assessment} lang={lang} />
          </div>
        )}
        <ResultView result={assessment.result} doc={doc} lang={lang} heading={heading} />
        <Suspense fallback={<p className="loading no-print">{t('assessment.loading')}</p>}>
          <SupplementsSection assessment={assessment} role={role} lang={lang} onChange={setAssessment} />
        </Suspense>
      </div>
    );
  }

  const editable = role !== 'viewer';
  return (
    <div className="page assessment">
      <div className="page-top">
        <a href="#/assessments">← {t('assessment.back')}</a>
      </div>
      <h1>{heading}</h1>
      {assessment.carriedFrom && <CarriedFromNotice carried={assessment.carriedFrom} community={community || assessment.communityId} lang={lang} />}
      <p className="hint">{t('assessment.draftHint')}</p>
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
      {shownForm ? (
        <div className="assessment-layout">
          <aside className="assessment-side">
            <LiveScorePanel live={scoring.live} problem={scoring.problem} pending={scoring.pending} doc={doc} />
            <DraftProgress sections={sections} idPrefix={FORM_ID} save={editable ? { unsaved, busy, lastSave } : null} />
          </aside>
          <div className="assessment-main">
            <AssessmentFormView lang={lang} form={shownForm} formData={formData} onChange={setFormData} onSubmit={submit} extraErrors={extraErrors} readOnly={!editable} idPrefix={FORM_ID}>
              {editable ? (
                <div className="form-buttons">
                  <button type="button" disabled={busy || !!conflict} onClick={() => save(formData)}>
                    {t('assessment.saveDraft')}
                  </button>
                  <button type="submit" className="primary" disabled={busy || !!conflict}>
                    {t('assessment.submit')}
                  </button>
                </div>
              ) : (
                <span />
              )}
            </AssessmentFormView>
          </div>
        </div>
      ) : (
        <p>{t('assessment.loadingForm')}</p>
      )}
    </div>
  );
}

