/**
 * The form builder for one rubric version: an outline of the whole rubric on the left (search,
 * issue badges, reorder), the selected item's properties in the centre (only that item is
 * rendered, so typing stays fast on a large rubric), checks, tests, publishing and try-it on the
 * right. Every edit goes through model/document.ts and the undo history; while the author types,
 * the draft is validated, its assessor form previewed and the try-it inputs scored by the server
 * (debounced), and a valid draft is saved a few seconds after the last edit. Every save and
 * publish names the revision the draft was read at: when someone else saved it since, nothing is
 * overwritten and the editor chooses (reload theirs, compare, keep mine). Published versions open read-only.
 */
// The editor's words come with the editor (i18n/messages/index.ts): loading this chunk adds them.
import '../i18n/messages/editor.ts';
import { type ReactElement, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { type AssessmentForm, assessmentToFormData, canonicalJson, deriveForm, diffRubrics, indexRubric, type Issue, type Language, type RubricDocument, type ScoreResult, type TestReport } from '../../../engine/browser.ts';
import { api, ApiError, errorMessage, isStale, type Role, type VersionRecord } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { inputsToSend } from '../model/assessment.ts';
import { clearBackup, type DraftBackup, offeredBackup, readBackup, writeBackup } from '../model/draft-backup.ts';
import { addItem, getAt, moveItem, type Path, pointerOf } from '../model/document.ts';
import { emptyHistory, type History, recordEdit, redo as redoStep, undo as undoStep } from '../model/history.ts';
import { buildOutline, countIssues, JSON_VIEW, ownerOf } from '../model/outline.ts';
import { applyExpectationChanges, type ExpectationChange } from '../model/test-expectations.ts';
import { controlId, describePointer, indexIssues, type PlacedIssue, parentPointer } from '../model/issues.ts';
import { said } from '../i18n/message.ts';
import { changelogPrefill, publishBase } from '../model/revision.ts';
import type { FormData } from './AssessmentFormView.tsx';
import { type Conflict, ConflictNotice } from './ConflictNotice.tsx';
import { DraftComparison } from './DraftComparison.tsx';
import { EditorContext, type EditOptions, type EditorState } from './EditorContext.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { IndicatorEditor } from './IndicatorEditor.tsx';
import { InputEditor } from './InputEditor.tsx';
import { InputsEditor } from './InputsEditor.tsx';
import { GroupEditor } from './GroupEditor.tsx';
import { InputMappingEditor } from './InputMappingEditor.tsx';
import { IssueSummary } from './IssueSummary.tsx';
import { JsonView } from './JsonView.tsx';
import { useLeaveWarning } from './leave-guard.ts';
import { MetadataEditor } from './MetadataEditor.tsx';
import { Outline } from './Outline.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { ReadingEditor, ReadingsEditor } from './ReadingsEditor.tsx';
import { RequirementEditor, RequirementsEditor } from './RequirementsEditor.tsx';
import { StructureEditor } from './StructureEditor.tsx';
import { TestRunPanel } from './TestRunPanel.tsx';
import { TestCaseEditor } from './TestCaseEditor.tsx';
import { TestsEditor } from './TestsEditor.tsx';
import { TiersEditor } from './TiersEditor.tsx';
import { TryItSource } from './TryItSource.tsx';

const DEBOUNCE_MS = 400;
/** A valid draft is saved this long after the last edit: long enough not to save every word. */
export const AUTOSAVE_MS = 2500;
/** Unsaved edits are copied to the browser this long after the last change (model/draft-backup.ts). */
const BACKUP_MS = 800;

const steps = (pointer: string): Path =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

/** The selection, or the nearest item still in the document (after an undo or a delete took it away). */
function existingOwner(doc: RubricDocument, owner: string): string {
  let pointer = owner;
  while (pointer !== '' && pointer !== JSON_VIEW && getAt(doc, steps(pointer)) === undefined) pointer = ownerOf(parentPointer(pointer));
  return pointer;
}

/** Runs `task` once the value has been stable for a moment; results of superseded runs are dropped. */
function useDebounced(key: string, task: (isCurrent: () => boolean) => void, delay = DEBOUNCE_MS): void {
  const taskRef = useRef(task);
  taskRef.current = task;
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => taskRef.current(() => current), key ? delay : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, delay]);
}

/** Focuses the control for a pointer, or the nearest enclosing one, opening collapsed sections on the way. */
function focusPointer(pointer: string): void {
  if (pointer === JSON_VIEW) return;
  for (let p = pointer; ; p = parentPointer(p)) {
    const element = document.getElementById(controlId(p)) ?? document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(p)}"]`);
    if (element) {
      for (let d = element.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      element.scrollIntoView({ block: 'center' });
      if (element.matches('input, select, textarea, button')) element.focus();
      else {
        const first = element.querySelector<HTMLElement>('input, select, textarea');
        first?.focus();
      }
      return;
    }
    if (p === '') return;
  }
}

export function RubricEditor({ rubricId, version, role }: { rubricId: string; version: string; role: Role }) {
  const { t, l, lang: pageLang } = useLanguage();
  const [record, setRecord] = useState<VersionRecord | null>(null);
  const [doc, setDoc] = useState<RubricDocument | null>(null);
  /** The document as of the last edit, before React renders it: edits in one tick build on each other. */
  const docRef = useRef<RubricDocument | null>(null);
  docRef.current = doc;
  const history = useRef<History<RubricDocument>>(emptyHistory());
  /** Bumped when the history changes, so the undo / redo buttons follow. */
  const [, setHistoryTick] = useState(0);
  /** What the last edit deleted (offered for undo), until the next step. */
  const [deleted, setDeleted] = useState<string | null>(null);
  /** The pointer the property panel shows (see model/outline.ts ownerOf). */
  const [selected, setSelected] = useState('/groups');
  const [savedJson, setSavedJson] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The last validation report and the draft (as JSON) it is about: autosave waits for the current one. */
  const [validation, setValidation] = useState<{ valid: boolean; errors: Issue[]; warnings: Issue[]; json?: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [lang, setLang] = useState<Language>('zh');
  const [form, setForm] = useState<AssessmentForm | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [tryData, setTryData] = useState<FormData>({});
  const [tryResult, setTryResult] = useState<ScoreResult | null>(null);
  const [tryError, setTryError] = useState<string | null>(null);
  const [tests, setTests] = useState<{ report: TestReport; json: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [saving, setSaving] = useState(false);
  const [actionError, setActionError] = useState<ApiError | string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The publish note as the editor typed it; null until they do (the note then follows the prefill). */
  const [changelogEdit, setChangelogEdit] = useState<string | null>(null);
  /** The published version the draft is compared with before publishing, and its document. */
  const [base, setBase] = useState<{ state: 'loading' } | { state: 'none' } | { state: 'ready'; version: string; doc: RubricDocument }>({ state: 'loading' });
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict<VersionRecord> | null>(null);
  const [comparing, setComparing] = useState(false);
  /** Unsaved edits this browser kept from an earlier visit, offered back until restored or discarded. */
  const [rescue, setRescue] = useState<DraftBackup | null>(null);
  /** True when the browser refused to keep a copy of the unsaved edits. */
  const [backupRefused, setBackupRefused] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .getVersion(rubricId, version)
      .then((r) => {
        if (!live) return;
        setRecord(r);
        setDoc(r.document);
        history.current = emptyHistory();
        setSavedJson(JSON.stringify(r.document));
        setChangelogEdit(null);
        setValidation({ valid: true, errors: [], warnings: r.warnings ?? [], json: JSON.stringify(r.document) });
        if (r.status !== 'draft' || role !== 'editor') return;
        const kept = offeredBackup(readBackup(localStorage, rubricId, version), JSON.stringify(r.document));
        if (kept) setRescue(kept);
        else clearBackup(localStorage, rubricId, version);
        api
          .listRubrics()
          .then((list) => {
            const baseVersion = publishBase(r.document, list.find((x) => x.id === rubricId)?.versions ?? []);
            if (!baseVersion) return live && setBase({ state: 'none' });
            return api.getVersion(rubricId, baseVersion).then((b) => live && setBase({ state: 'ready', version: baseVersion, doc: b.document }));
          })
          .catch(() => live && setBase({ state: 'none' }));
      })
      .catch((e) => live && setLoadError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [rubricId, version, role]);

  const readOnly = record?.status !== 'draft' || role !== 'editor';
  const json = useMemo(() => (doc ? JSON.stringify(doc) : ''), [doc]);
  const dirty = !!doc && json !== savedJson;
  // The outline and the side panel (diff, tests, try-it form) follow the draft in a deferred render
  // React can interrupt: a keystroke renders only the selected item (see `typing` below).
  const deferredDoc = useDeferredValue(doc);
  const typing = deferredDoc !== doc;
  const outlinePanel = useRef<ReactElement | null>(null);
  const sidePanel = useRef<ReactElement | null>(null);
  useLeaveWarning(dirty && !readOnly);
  const tryInputs = useMemo(() => JSON.stringify(inputsToSend(tryData)), [tryData]);

  // Validation and the form preview follow the draft as it is edited (editors only: these routes are theirs).
  useDebounced(`${json}|${lang}`, (isCurrent) => {
    if (!doc) return;
    const checked = json;
    if (readOnly) {
      api
        .getForm(rubricId, version, lang)
        .then((f) => isCurrent() && setForm(f))
        .catch((e) => isCurrent() && setFormError(errorMessage(e)));
      return;
    }
    setChecking(true);
    api
      .previewValidate(doc)
      .then((report) => isCurrent() && setValidation({ ...report, json: checked }))
      .catch((e) => isCurrent() && setValidation({ valid: false, errors: e instanceof ApiError && e.details.length ? e.details : [{ path: '', message: errorMessage(e) }], warnings: [] }))
      .finally(() => isCurrent() && setChecking(false));
    api
      .previewForm(doc, lang)
      .then((f) => {
        if (!isCurrent()) return;
        setForm(f);
        setFormError(null);
      })
      .catch((e) => isCurrent() && setFormError(t('editor.previewStale', { error: errorMessage(e) })));
  });

  // The try-it score follows both the draft and the preview's inputs.
  useDebounced(`${json}|${tryInputs}`, (isCurrent) => {
    if (!doc) return;
    const assessment = JSON.parse(tryInputs);
    if (Object.keys(assessment.inputs).length === 0) {
      setTryResult(null);
      return;
    }
    const request = readOnly ? api.scoreVersion(rubricId, version, assessment, true) : api.previewScore(doc, assessment, true);
    request
      .then((r) => {
        if (!isCurrent()) return;
        setTryResult(r);
        setTryError(null);
      })
      .catch((e) => isCurrent() && setTryError(errorMessage(e)));
  });

  useEffect(() => {
    if (!pendingFocus) return;
    const pointer = pendingFocus;
    setPendingFocus(null);
    // After the tab's controls are rendered.
    requestAnimationFrame(() => focusPointer(pointer));
  }, [pendingFocus]);

  /** Shows the item holding a pointer and focuses its control (an issue, a new item). */
  const jump = useCallback((pointer: string) => {
    setSelected(ownerOf(pointer));
    setPendingFocus(pointer);
  }, []);

  const edit = useCallback((change: (d: RubricDocument) => RubricDocument, options: EditOptions = {}) => {
    const before = docRef.current;
    if (!before) return;
    const next = change(before);
    if (next === before) return;
    docRef.current = next;
    history.current = recordEdit(history.current, before, Date.now(), options.step);
    setDoc(next);
    setHistoryTick((n) => n + 1);
    if (options.step) setDeleted(options.deleted ?? null);
  }, []);

  const travel = useCallback((direction: 'undo' | 'redo') => {
    const current = docRef.current;
    if (!current) return;
    const step = direction === 'undo' ? undoStep(history.current, current) : redoStep(history.current, current);
    if (!step) return;
    history.current = step.history;
    docRef.current = step.doc;
    setDoc(step.doc);
    setDeleted(null);
    setHistoryTick((n) => n + 1);
  }, []);

  /** An outline item: its editor opens; a criterion is scrolled to within its indicator's. */
  const selectFromOutline = useCallback((pointer: string) => {
    setSelected(pointer);
    if (ownerOf(pointer) !== pointer) setPendingFocus(pointer);
    else document.getElementById('editor-panel')?.scrollIntoView({ block: 'nearest' });
  }, []);

  const moveInOutline = useCallback(
    (list: Path, from: number, to: number): string => {
      edit((d) => moveItem(d, list, from, to), { step: true });
      const moved = pointerOf([...list, to]);
      setSelected(moved);
      return moved;
    },
    [edit],
  );

  const issues: PlacedIssue[] = useMemo(
    () => [...(validation?.errors ?? []).map((i) => ({ ...i, severity: 'error' as const })), ...(validation?.warnings ?? []).map((i) => ({ ...i, severity: 'warning' as const }))],
    [validation],
  );
  const issueMap = useMemo(() => indexIssues(validation?.errors ?? [], validation?.warnings ?? []), [validation]);
  const context: EditorState | null = useMemo(() => (doc ? { doc, readOnly, edit, select: jump, issues: issueMap } : null), [doc, readOnly, edit, jump, issueMap]);
  const outline = useMemo(() => (deferredDoc ? buildOutline(deferredDoc, l, (section) => t(`editor.section.${section}`)) : []), [deferredDoc, l, t]);
  const issueCounts = useMemo(() => countIssues(issues), [issues]);

  // Undo / redo from the keyboard anywhere in the editor, except in the JSON text (its own undo).
  useEffect(() => {
    if (readOnly) return;
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if ((event.target as HTMLElement | null)?.id === 'json-view') return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
      if (!direction) return;
      event.preventDefault();
      travel(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, travel]);

  const showActionError = (e: unknown): void => {
    setActionError(e instanceof ApiError ? e : errorMessage(e));
    if (e instanceof ApiError && e.details.length && e.code === 'RUBRIC_INVALID') setValidation({ valid: false, errors: e.details, warnings: validation?.warnings ?? [] });
  };

  /** The draft as someone else saved it: same content as `sent` needs no choice (only its revision is taken). */
  const openConflict = async (sent: RubricDocument): Promise<void> => {
    try {
      const theirs = await api.getVersion(rubricId, version);
      if (theirs.status !== 'draft') setConflict({ state: 'closed', theirs, revision: theirs.revision, status: theirs.status });
      else if (canonicalJson(theirs.document) === canonicalJson(sent)) {
        setRecord(theirs);
        setSavedJson(JSON.stringify(sent));
        setConflict(null);
        setNotice(t('editor.savedAt', { time: new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en') }));
      } else setConflict({ state: 'changed', theirs, revision: theirs.revision });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setConflict({ state: 'gone' });
      else showActionError(e);
    }
  };

  /** Saves the draft over `base`, the revision it is meant to replace (the one read, or theirs after "keep mine"). */
  const save = async (base: number | undefined = record?.revision): Promise<boolean> => {
    const sent = docRef.current;
    if (!sent) return false;
    setSaving(true);
    setActionError(null);
    setNotice(null);
    try {
      const saved = await api.saveVersion(rubricId, version, sent, base);
      setRecord(saved);
      // Keep what the author typed since; only mark the sent document as saved.
      setSavedJson(JSON.stringify(saved.document ?? sent));
      // The server's form of the document replaces the draft only when nothing was typed during the save.
      if (saved.document && docRef.current === sent && JSON.stringify(saved.document) !== JSON.stringify(sent)) setDoc(saved.document);
      setNotice(t('editor.savedAt', { time: new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en') }));
      setConflict(null);
      setComparing(false);
      // What was kept in the browser is on the server now (edits typed during the save are kept again).
      if (docRef.current === sent) clearBackup(localStorage, rubricId, version);
      return true;
    } catch (e) {
      if (isStale(e)) await openConflict(sent);
      else showActionError(e);
      return false;
    } finally {
      setSaving(false);
    }
  };

  /** Reload: their saved draft (read again, in case it changed once more) replaces the edits. */
  const reloadTheirs = async (): Promise<void> => {
    setSaving(true);
    setActionError(null);
    try {
      const latest = await api.getVersion(rubricId, version);
      clearBackup(localStorage, rubricId, version);
      setRescue(null);
      setRecord(latest);
      setDoc(latest.document);
      history.current = emptyHistory();
      setSavedJson(JSON.stringify(latest.document));
      setChangelogEdit(null);
      setConflict(null);
      setComparing(false);
      setNotice(t('editor.reloaded'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setConflict({ state: 'gone' });
      else showActionError(e);
    } finally {
      setSaving(false);
    }
  };

  /** Keep mine: save over their revision, on purpose (a newer save still refuses, and asks again). */
  const keepMine = async (): Promise<void> => {
    if (conflict?.state !== 'changed') return;
    if (await save(conflict.revision)) setNotice(t('editor.keptMine'));
  };

  const runTests = async (): Promise<void> => {
    setRunning(true);
    try {
      if (dirty && !(await save())) return;
      const report = await api.testVersion(rubricId, version);
      setTests({ report, json: JSON.stringify(doc) });
    } catch (e) {
      showActionError(e);
    } finally {
      setRunning(false);
    }
  };

  const publish = async (): Promise<void> => {
    setSaving(true);
    setActionError(null);
    try {
      const published = await api.publishVersion(rubricId, version, changelog.trim(), record?.revision);
      setRecord(published);
      setDoc(published.document);
      setSavedJson(JSON.stringify(published.document));
      setNotice(t('editor.published', { version }));
    } catch (e) {
      if (isStale(e) && doc) await openConflict(doc);
      else showActionError(e);
    } finally {
      setSaving(false);
    }
  };

  const saveTryAsTest = (): void => {
    const assessment = inputsToSend(tryData);
    edit((d) =>
      addItem(d, ['tests'], {
        name: `try-it ${d.tests.length + 1}`,
        inputs: assessment.inputs,
        ...(assessment.notApplicable && { notApplicable: assessment.notApplicable }),
        expect: { total: tryResult?.total ?? 0, tier: tryResult?.tier ?? null },
      }),
      { step: true },
    );
    jump(`/tests/${doc?.tests.length ?? 0}`);
  };

  const baseDiff = useMemo(() => {
    if (base.state !== 'ready' || !deferredDoc) return null;
    try {
      return diffRubrics(base.doc, deferredDoc);
    } catch {
      return null; // a draft mid-edit the diff cannot read yet: no suggestion until it can
    }
  }, [base, deferredDoc]);
  const prefill = base.state === 'loading' ? { text: '', source: 'none' as const } : changelogPrefill(doc?.changelog, base.state === 'ready' ? base.doc : null, baseDiff, lang);
  const changelog = changelogEdit ?? prefill.text;

  // Autosave: a valid draft, a few seconds after the last edit, over the revision it was read at
  // (a save someone else made meanwhile opens the conflict notice, never a silent overwrite).
  const saveRef = useRef(save);
  saveRef.current = save;
  const autosaveReady = !readOnly && dirty && !conflict && !saving && validation?.json === json && validation.valid;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each edit (a new json) restarts the wait, so the save follows the last edit
  useEffect(() => {
    if (!autosaveReady) return;
    const timer = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [autosaveReady, json]);

  // Unsaved edits are kept in the browser a moment after each change, valid or not, so a reload or
  // a closed tab loses nothing the server could not take yet. Not while an earlier copy is offered:
  // writing would replace it before the editor chose.
  const revision = record?.revision;
  useEffect(() => {
    if (readOnly || !dirty || rescue || revision === undefined) return;
    const timer = setTimeout(() => setBackupRefused(!writeBackup(localStorage, rubricId, version, { json, revision, at: Date.now() })), BACKUP_MS);
    return () => clearTimeout(timer);
  }, [readOnly, dirty, rescue, json, revision, rubricId, version]);

  /** The kept edits replace the draft in the editor, as one step undo takes back. */
  const restoreRescue = (): void => {
    if (!rescue) return;
    edit(() => JSON.parse(rescue.json) as RubricDocument, { step: true });
    setRescue(null);
    setNotice(t('editor.backup.restored'));
  };
  const discardRescue = (): void => {
    clearBackup(localStorage, rubricId, version);
    setRescue(null);
  };

  if (loadError) return <ErrorBanner message={loadError} />;
  if (!doc || !record || !context) return <p>{t('editor.loading')}</p>;

  const testsGreen = !!tests && tests.report.failed === 0 && tests.json === json;
  const blockers = [
    ...(conflict ? [t('editor.blocker.conflict')] : []),
    ...(dirty ? [t('editor.blocker.save')] : []),
    ...(validation?.valid ? [] : [t('editor.blocker.invalid')]),
    ...(testsGreen ? [] : [t('editor.blocker.tests')]),
    ...(changelog.trim() ? [] : [t('editor.blocker.changelog')]),
  ];

  /** Confirmed expectation changes from the test run's review; tests changed since the run are left alone and named. */
  const applyExpectations = (confirmed: ExpectationChange[]): void => {
    const { skipped } = applyExpectationChanges(doc, confirmed);
    edit((d) => applyExpectationChanges(d, confirmed).doc);
    setNotice(skipped.length ? t('editor.expectationsSkipped', { names: skipped.join(', ') }) : null);
  };

  const mappingEditor = (
    <InputMappingEditor rubricId={rubricId} version={version} suggestedFrom={base.state === 'ready' ? base.version : null} revision={record.revision} dirty={dirty} />
  );
  const shown = existingOwner(doc, ownerOf(selected));
  /** The editor of the selected item: one item (or one section's adders), never the whole rubric. */
  const property = (): ReactElement => {
    if (shown === JSON_VIEW) return <JsonView />;
    const path = steps(shown);
    const index = Number(path[1]);
    switch (path[0]) {
      case 'groups':
        if (path.length === 1) return <StructureEditor />;
        return path.at(-2) === 'indicators' ? <IndicatorEditor key={shown} path={path} /> : <GroupEditor key={shown} path={path} />;
      case 'inputs':
        return path.length === 1 ? <InputsEditor>{mappingEditor}</InputsEditor> : <InputEditor key={shown} index={index} />;
      case 'tiers':
        return <TiersEditor />;
      case 'requirements':
        return path.length === 1 ? <RequirementsEditor /> : <RequirementEditor key={shown} index={index} />;
      case 'tests':
        return path.length === 1 ? <TestsEditor /> : <TestCaseEditor key={shown} index={index} />;
      case 'readings':
        return path.length === 1 ? <ReadingsEditor /> : <ReadingEditor key={shown} index={index} />;
      default:
        return <MetadataEditor mappingEditor={mappingEditor} />;
    }
  };
  const canUndo = history.current.past.length > 0;
  const canRedo = history.current.future.length > 0;
  const validNow = validation?.json === json && validation.valid;
  const saveStatus = saving
    ? t('editor.saving')
    : dirty
      ? conflict
        ? t('editor.unsavedConflict')
        : validation?.json === json && !validNow
          ? t('editor.unsavedInvalid')
          : t('editor.unsaved')
      : (notice ?? t('editor.allSaved'));

  // While a keystroke's render is urgent, the same elements as last time: React skips them.
  if (!typing || !outlinePanel.current)
    outlinePanel.current = (
      <Outline nodes={outline} selected={selected === shown || selected.startsWith(`${shown}/`) ? selected : shown} counts={issueCounts} readOnly={readOnly} onSelect={selectFromOutline} onMove={moveInOutline} />
    );
  if (!typing || !sidePanel.current)
    sidePanel.current = (
      <aside className="editor-side" aria-label={t('editor.side')}>
        <IssueSummary doc={doc} issues={readOnly ? issues.filter((i) => i.severity === 'warning') : issues} checking={checking} valid={validation?.valid ?? null} onJump={jump} />
        {!readOnly && (
          <TestRunPanel doc={doc} report={tests?.report ?? null} stale={!!tests && tests.json !== json} running={running} canRun={!saving} onRun={() => void runTests()} onJump={jump} onApplyExpectations={applyExpectations} />
        )}
        {!readOnly && (
          <PublishPanel
            changelog={changelog}
            onChangelog={setChangelogEdit}
            blockers={blockers}
            busy={saving}
            onPublish={() => void publish()}
            lang={lang}
            version={version}
            comparison={base.state === 'ready' && baseDiff ? { state: 'ready', base: base.version, diff: baseDiff } : base.state === 'ready' ? { state: 'loading' } : base}
            source={changelogEdit === null ? prefill.source : 'edited'}
          />
        )}
        <PreviewPanel
          doc={doc}
          form={form}
          formError={formError}
          lang={lang}
          onLang={setLang}
          formData={tryData}
          onFormData={setTryData}
          result={tryResult}
          scoreError={tryError}
          onSaveAsTest={readOnly ? undefined : saveTryAsTest}
          source={<TryItSource doc={doc} rubricId={rubricId} onLoad={(assessment) => setTryData(assessmentToFormData(deriveForm(indexRubric(doc), lang), assessment))} />}
        />
      </aside>
    );

  return (
    <EditorContext.Provider value={context}>
      <div className="page rubric-editor">
        <div className="page-top">
          <a href="#/rubrics">{t('editor.back')}</a>
          <h1>
            {l(doc.title, rubricId)} <code>{rubricId}</code> {version}{' '}
            <span className={`status status-${record.status}`} data-testid="version-status" data-status={record.status}>
              {t(`status.${record.status}`)}
            </span>
          </h1>
          {!readOnly && (
            <span className="save-bar">
              <button type="button" disabled={!canUndo} title={t('editor.undoHint')} aria-keyshortcuts="Control+Z" onClick={() => travel('undo')}>
                ↶ {t('editor.undo')}
              </button>
              <button type="button" disabled={!canRedo} title={t('editor.redoHint')} aria-keyshortcuts="Control+Shift+Z Control+Y" onClick={() => travel('redo')}>
                ↷ {t('editor.redo')}
              </button>
              <span role="status" className="hint" data-testid="save-status">
                {saveStatus}
              </span>
              <button type="button" className="primary" disabled={saving || !dirty || !!conflict} onClick={() => void save()}>
                {t('editor.save')}
              </button>
            </span>
          )}
        </div>
        {deleted && (
          <p className="undo-notice" role="status">
            {t('editor.deleted', { name: deleted })}{' '}
            <button type="button" onClick={() => travel('undo')}>
              {t('editor.undo')}
            </button>
          </p>
        )}
        {rescue && !readOnly && (
          <div className="rescue-notice" role="alert" data-testid="draft-backup">
            <p>
              {t('editor.backup.found', { time: new Date(rescue.at).toLocaleString(pageLang === 'zh' ? 'zh-CN' : 'en') })}
              {rescue.revision !== record.revision && ` ${t('editor.backup.revisionMoved', { kept: rescue.revision, now: record.revision })}`}
            </p>
            <button type="button" className="primary" onClick={restoreRescue}>
              {t('editor.backup.restore')}
            </button>{' '}
            <button type="button" onClick={discardRescue}>
              {t('editor.backup.discard')}
            </button>
          </div>
        )}
        {backupRefused && dirty && !readOnly && (
          <p className="hint" role="status">
            {t('editor.backup.refused')}
          </p>
        )}
        {readOnly && (
          <p className="readonly-note" role="note">
            {record.status === 'draft' ? t('editor.readOnly.role') : t('editor.readOnly.status', { status: t(`status.${record.status}`) })}
            {notice && ` ${notice}`}
          </p>
        )}
        {conflict && (
          <ConflictNotice
            conflict={conflict}
            what="rubric"
            mine={record.revision}
            lang={lang}
            onLang={setLang}
            busy={saving}
            comparing={comparing}
            onReload={() => void reloadTheirs()}
            onCompare={() => setComparing((c) => !c)}
            onKeepMine={() => void keepMine()}
          >
            {conflict.state !== 'gone' && <DraftComparison theirs={conflict.theirs.document} mine={doc} lang={lang} />}
          </ConflictNotice>
        )}
        <ErrorBanner
          message={typeof actionError === 'string' ? actionError : actionError ? said(actionError, lang) : null}
          items={actionError instanceof ApiError ? actionError.details.map((d) => ({ field: describePointer(doc, d.path, lang), message: said(d, lang) })) : []}
        />
        <div className="editor-layout">
          {outlinePanel.current}
          <section className="editor-property" id="editor-panel" aria-label={t('editor.properties')}>
            {property()}
          </section>
          {sidePanel.current}
        </div>
      </div>
    </EditorContext.Provider>
  );
}
