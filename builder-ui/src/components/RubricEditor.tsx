/**
 * The form builder for one rubric version. Every edit goes through model/document.ts; while the
 * author types, the draft is validated, its assessor form previewed and the try-it inputs scored
 * by the server (debounced). Save, run the embedded tests, publish. Published versions open read-only.
 * Every save and publish names the revision the draft was read at: when someone else saved it
 * since, nothing is overwritten and the editor chooses (reload theirs, compare, keep mine).
 */
import { type ReactElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type AssessmentForm, canonicalJson, diffRubrics, type Issue, type Language, type RubricDocument, type ScoreResult, type TestReport } from '../../../engine/browser.ts';
import { api, ApiError, errorMessage, isStale, type Role, type VersionRecord } from '../api.ts';
import { inputsToSend } from '../model/assessment.ts';
import { addItem } from '../model/document.ts';
import { applyExpectationChanges, type ExpectationChange } from '../model/test-expectations.ts';
import { controlId, type EditorTab, indexIssues, type PlacedIssue, parentPointer, tabOf } from '../model/issues.ts';
import { changelogPrefill, publishBase } from '../model/revision.ts';
import type { FormData } from './AssessmentFormView.tsx';
import { type Conflict, ConflictNotice } from './ConflictNotice.tsx';
import { DraftComparison } from './DraftComparison.tsx';
import { EditorContext, type EditorState } from './EditorContext.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { InputsEditor } from './InputsEditor.tsx';
import { InputMappingEditor } from './InputMappingEditor.tsx';
import { IssueSummary } from './IssueSummary.tsx';
import { JsonView } from './JsonView.tsx';
import { useLeaveWarning } from './leave-guard.ts';
import { MetadataEditor } from './MetadataEditor.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { ReadingsEditor } from './ReadingsEditor.tsx';
import { RequirementsEditor } from './RequirementsEditor.tsx';
import { StructureEditor } from './StructureEditor.tsx';
import { TestRunPanel } from './TestRunPanel.tsx';
import { TestsEditor } from './TestsEditor.tsx';
import { TiersEditor } from './TiersEditor.tsx';

const TABS: { id: EditorTab; label: string }[] = [
  { id: 'metadata', label: 'Metadata' },
  { id: 'inputs', label: 'Inputs' },
  { id: 'structure', label: 'Groups & criteria' },
  { id: 'tiers', label: 'Tiers' },
  { id: 'requirements', label: 'Requirements' },
  { id: 'tests', label: 'Tests' },
  { id: 'readings', label: 'Readings' },
  { id: 'json', label: 'JSON' },
];

const DEBOUNCE_MS = 400;

const DONE = {
  reloaded: { zh: '已加载对方保存的版本，你的修改已放弃。', en: 'Loaded the saved version; your edits were discarded.' },
  keptMine: { zh: '已保存你的版本（覆盖了对方的修改）。', en: 'Saved your version over the other change.' },
} as const;

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
  const [record, setRecord] = useState<VersionRecord | null>(null);
  const [doc, setDoc] = useState<RubricDocument | null>(null);
  const [savedJson, setSavedJson] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<EditorTab>('structure');
  const [validation, setValidation] = useState<{ valid: boolean; errors: Issue[]; warnings: Issue[] } | null>(null);
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

  useEffect(() => {
    let live = true;
    api
      .getVersion(rubricId, version)
      .then((r) => {
        if (!live) return;
        setRecord(r);
        setDoc(r.document);
        setSavedJson(JSON.stringify(r.document));
        setChangelogEdit(null);
        setValidation({ valid: true, errors: [], warnings: r.warnings ?? [] });
        if (r.status !== 'draft' || role !== 'editor') return;
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
  useLeaveWarning(dirty && !readOnly);
  const tryInputs = useMemo(() => JSON.stringify(inputsToSend(tryData)), [tryData]);

  // Validation and the form preview follow the draft as it is edited (editors only: these routes are theirs).
  useDebounced(`${json}|${lang}`, (isCurrent) => {
    if (!doc) return;
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
      .then((report) => isCurrent() && setValidation(report))
      .catch((e) => isCurrent() && setValidation({ valid: false, errors: e instanceof ApiError && e.details.length ? e.details : [{ path: '', message: errorMessage(e) }], warnings: [] }))
      .finally(() => isCurrent() && setChecking(false));
    api
      .previewForm(doc, lang)
      .then((f) => {
        if (!isCurrent()) return;
        setForm(f);
        setFormError(null);
      })
      .catch((e) => isCurrent() && setFormError(`The preview shows the last valid draft: ${errorMessage(e)}`));
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

  const jump = useCallback((pointer: string) => {
    setTab(tabOf(pointer));
    setPendingFocus(pointer);
  }, []);

  const edit = useCallback((change: (d: RubricDocument) => RubricDocument) => setDoc((d) => (d ? change(d) : d)), []);

  const issues: PlacedIssue[] = useMemo(
    () => [...(validation?.errors ?? []).map((i) => ({ ...i, severity: 'error' as const })), ...(validation?.warnings ?? []).map((i) => ({ ...i, severity: 'warning' as const }))],
    [validation],
  );
  const issueMap = useMemo(() => indexIssues(validation?.errors ?? [], validation?.warnings ?? []), [validation]);
  const context: EditorState | null = useMemo(() => (doc ? { doc, readOnly, edit, issues: issueMap } : null), [doc, readOnly, edit, issueMap]);

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
        setNotice('Saved.');
      } else setConflict({ state: 'changed', theirs, revision: theirs.revision });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setConflict({ state: 'gone' });
      else showActionError(e);
    }
  };

  /** Saves the draft over `base`, the revision it is meant to replace (the one read, or theirs after "keep mine"). */
  const save = async (base: number | undefined = record?.revision): Promise<boolean> => {
    if (!doc) return false;
    const sent = doc;
    setSaving(true);
    setActionError(null);
    setNotice(null);
    try {
      const saved = await api.saveVersion(rubricId, version, sent, base);
      setRecord(saved);
      // Keep what the author typed since; only mark the sent document as saved.
      setSavedJson(JSON.stringify(saved.document ?? sent));
      if (saved.document && JSON.stringify(saved.document) !== json) setDoc(saved.document);
      setNotice('Saved.');
      setConflict(null);
      setComparing(false);
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
      setRecord(latest);
      setDoc(latest.document);
      setSavedJson(JSON.stringify(latest.document));
      setChangelogEdit(null);
      setConflict(null);
      setComparing(false);
      setNotice(DONE.reloaded[lang]);
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
    if (await save(conflict.revision)) setNotice(DONE.keptMine[lang]);
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
      setNotice(`Published ${version}. It is read-only now.`);
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
    );
    setTab('tests');
  };

  const baseDiff = useMemo(() => {
    if (base.state !== 'ready' || !doc) return null;
    try {
      return diffRubrics(base.doc, doc);
    } catch {
      return null; // a draft mid-edit the diff cannot read yet: no suggestion until it can
    }
  }, [base, doc]);
  const prefill = base.state === 'loading' ? { text: '', source: 'none' as const } : changelogPrefill(doc?.changelog, base.state === 'ready' ? base.doc : null, baseDiff, lang);
  const changelog = changelogEdit ?? prefill.text;

  if (loadError) return <ErrorBanner message={loadError} />;
  if (!doc || !record || !context) return <p>Loading…</p>;

  const testsGreen = !!tests && tests.report.failed === 0 && tests.json === json;
  const blockers = [
    ...(conflict ? ['Resolve the conflict with the other save first.'] : []),
    ...(dirty ? ['Save your changes.'] : []),
    ...(validation?.valid ? [] : ['Fix the validation errors.']),
    ...(testsGreen ? [] : ['Run the embedded tests and make them pass.']),
    ...(changelog.trim() ? [] : ['Write a changelog note.']),
  ];

  /** Confirmed expectation changes from the test run's review; tests changed since the run are left alone and named. */
  const applyExpectations = (confirmed: ExpectationChange[]): void => {
    const { skipped } = applyExpectationChanges(doc, confirmed);
    edit((d) => applyExpectationChanges(d, confirmed).doc);
    setNotice(skipped.length ? `Changed since the run, not applied / 运行后已改动，未应用: ${skipped.join(', ')}` : null);
  };

  const mappingEditor = (
    <InputMappingEditor rubricId={rubricId} version={version} suggestedFrom={base.state === 'ready' ? base.version : null} revision={record.revision} dirty={dirty} />
  );
  const panels: Record<EditorTab, () => ReactElement> = {
    metadata: () => <MetadataEditor mappingEditor={mappingEditor} />,
    inputs: () => (
      <>
        <InputsEditor />
        {mappingEditor}
      </>
    ),
    structure: () => <StructureEditor />,
    tiers: () => <TiersEditor />,
    requirements: () => <RequirementsEditor />,
    tests: () => <TestsEditor />,
    readings: () => <ReadingsEditor />,
    json: () => <JsonView doc={doc} />,
  };

  return (
    <EditorContext.Provider value={context}>
      <div className="page rubric-editor">
        <div className="page-top">
          <a href="#/rubrics">← Rubrics</a>
          <h1>
            {doc.title.zh ?? doc.title.en} <code>{rubricId}</code> {version}{' '}
            <span className={`status status-${record.status}`} data-testid="version-status">
              {record.status}
            </span>
          </h1>
          {!readOnly && (
            <span className="save-bar">
              <span role="status" className="hint">
                {saving ? 'Saving…' : dirty ? 'Unsaved changes' : (notice ?? 'All changes saved')}
              </span>
              <button type="button" className="primary" disabled={saving || !dirty || !!conflict} onClick={() => void save()}>
                Save
              </button>
            </span>
          )}
        </div>
        {readOnly && (
          <p className="readonly-note" role="note">
            {record.status === 'draft' ? 'Only editors change drafts: this opens read-only.' : `This version is ${record.status} and read-only. Start a new draft from it in the rubric list to change it.`}
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
          message={typeof actionError === 'string' ? actionError : (actionError?.message ?? null)}
          items={actionError instanceof ApiError ? actionError.details.map((d) => ({ field: d.path || 'document', message: d.message })) : []}
        />
        <div className="editor-layout">
          <div className="editor-main">
            <div role="tablist" aria-label="Parts of the rubric" className="tabs">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls="editor-panel"
                  tabIndex={tab === t.id ? 0 : -1}
                  onClick={() => setTab(t.id)}
                  onKeyDown={(e) => {
                    const i = TABS.findIndex((x) => x.id === tab);
                    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                    if (!step) return;
                    const next = TABS[(i + step + TABS.length) % TABS.length];
                    setTab(next.id);
                    document.getElementById(`tab-${next.id}`)?.focus();
                  }}
                >
                  {t.label}
                  {countFor(issues, t.id) > 0 && <span className="count">{countFor(issues, t.id)}</span>}
                </button>
              ))}
            </div>
            <div role="tabpanel" id="editor-panel" aria-labelledby={`tab-${tab}`} className="tab-panel">
              {panels[tab]()}
            </div>
          </div>
          <aside className="editor-side" aria-label="Checks, preview and publishing">
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
            />
          </aside>
        </div>
      </div>
    </EditorContext.Provider>
  );
}

function countFor(issues: PlacedIssue[], tab: EditorTab): number {
  return issues.filter((i) => i.severity === 'error' && tabOf(i.path) === tab).length;
}
