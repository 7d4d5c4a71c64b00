/**
 * Input mapping: for each input of the draft that the version it reads from did not
 * have, where stored assessments find its value — an old input (several new inputs may read the
 * same one: a split), several old inputs combined (a merge), a default value, or nothing (the
 * assessments then lack it). Every change
 * goes through the editor's `edit`, so undo, save and conflict handling stay as they are. Below,
 * how many stored assessments lack each input under the saved draft.
 */
import { useEffect, useState } from 'react';
import type { InputDefinition, RubricDocument } from '../../../engine/browser.ts';
import { api, errorMessage, type MissingInputs } from '../api.ts';
import { INPUT_COMBINATIONS } from '../../../engine/browser.ts';
import { applyMappingRow, combinationsFor, initialMerge, initialValue, likelyOldInput, type MappingRow, mappingRows, removeMappingEntry, setMappingFrom, strayMappingEntries, toggleMerged } from '../model/input-mapping.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { InputValueField } from './InputValueField.tsx';

interface Props {
  rubricId: string;
  /** The draft's version (its saved copy is what /missing-inputs reads). */
  version: string;
  /** The version the draft was copied from, when known: the default of `from`. */
  suggestedFrom: string | null;
  /** The saved draft's revision: the missing-inputs preview is read again after each save. */
  revision: number;
  /** Unsaved edits: the preview does not include them. */
  dirty: boolean;
}

export function InputMappingEditor({ rubricId, version, suggestedFrom, revision, dirty }: Props) {
  const { doc, readOnly, edit } = useEditor();
  const { t, l } = useLanguage();
  const mapping = doc.inputMapping;
  const from = mapping?.from || suggestedFrom || '';
  const [versions, setVersions] = useState<string[]>([]);
  const [earlier, setEarlier] = useState<{ version: string; doc: RubricDocument } | { version: string; error: string } | null>(null);
  const [missing, setMissing] = useState<MissingInputs | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listRubrics()
      .then((list) => live && setVersions((list.find((r) => r.id === rubricId)?.versions ?? []).map((v) => v.version).filter((v) => v !== version)))
      .catch(() => live && setVersions([]));
    return () => {
      live = false;
    };
  }, [rubricId, version]);

  useEffect(() => {
    if (!from || from === version) return setEarlier(null);
    let live = true;
    api
      .getVersion(rubricId, from)
      .then((r) => live && setEarlier({ version: from, doc: r.document }))
      .catch((e) => live && setEarlier({ version: from, error: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [rubricId, from, version]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision is the trigger: each save changes what the stored draft lacks
  useEffect(() => {
    let live = true;
    api
      .missingInputs(rubricId, version)
      .then((report) => live && setMissing(report))
      .catch((e) => live && setMissing({ error: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [rubricId, version, revision]);

  const old = earlier && 'doc' in earlier && earlier.version === from ? earlier.doc : null;
  const rows = old ? mappingRows(doc, old) : [];
  const stray = old ? strayMappingEntries(doc, old) : [];
  const definition = (id: string): InputDefinition | undefined => doc.inputs.find((i) => i.id === id);
  const write = (row: MappingRow): void => edit((d) => applyMappingRow(d, from, row));
  const versionOptions = [...new Set([...versions, ...(from ? [from] : [])])];

  return (
    <fieldset className="input-mapping" data-testid="input-mapping">
      <legend>{t('editor.mapping.legend')}</legend>
      <p className="hint">{t('editor.mapping.hint')}</p>
      <FieldIssues pointer="/inputMapping" />
      <div className="row">
        <div className="field">
          <label htmlFor="mapping-from">{t('editor.mapping.from')}</label>
          <select id="mapping-from" value={from} disabled={readOnly} onChange={(e) => edit((d) => (e.target.value ? setMappingFrom(d, e.target.value) : { ...d, inputMapping: undefined }))}>
            <option value="">{t('editor.mapping.none')}</option>
            {versionOptions.map((v) => (
              <option key={v} value={v}>
                {v === suggestedFrom ? t('editor.mapping.copiedFrom', { version: v }) : v}
              </option>
            ))}
          </select>
        </div>
        {!mapping && from && (
          <p className="hint">{t('editor.mapping.undeclared')}</p>
        )}
      </div>
      {earlier && 'error' in earlier && <p className="error-text">{earlier.error}</p>}
      {old && rows.length === 0 && <p className="hint">{t('editor.mapping.nothing', { version: from })}</p>}
      {old && rows.length > 0 && (
        <ul className="mapping-rows">
          {rows.map((row) => {
            const input = definition(row.input);
            if (!input) return null;
            const name = l(input.label, input.id);
            const base = `mapping-${input.id}`;
            const merge = row.source.kind === 'combined' ? row.source : initialMerge(input, doc, old);
            return (
              <li key={row.input} className="mapping-row card" data-mapping-input={row.input}>
                <div className="mapping-name">
                  <strong>{name}</strong> <code>{input.id}</code> <span className="hint">{t('editor.mapping.new')}</span>
                </div>
                <div className="mapping-choice" role="radiogroup" aria-label={t('editor.mapping.source', { name })}>
                  <span className="field-check">
                    <input
                      type="radio"
                      id={`${base}-renamed`}
                      name={base}
                      checked={row.source.kind === 'renamed'}
                      disabled={readOnly || old.inputs.length === 0}
                      onChange={() => write({ input: row.input, source: { kind: 'renamed', from: likelyOldInput(input, doc, old) ?? '' } })}
                    />
                    <label htmlFor={`${base}-renamed`}>{t('editor.mapping.renamed')}</label>
                    {row.source.kind === 'renamed' && (
                      <select
                        aria-label={t('editor.mapping.oldInput', { name })}
                        value={row.source.from}
                        disabled={readOnly}
                        onChange={(e) => write({ input: row.input, source: { kind: 'renamed', from: e.target.value } })}
                      >
                        {!old.inputs.some((o) => o.id === (row.source as { from: string }).from) && <option value={row.source.from}>{t('editor.mapping.notIn', { input: row.source.from, version: from })}</option>}
                        {old.inputs.map((o) => (
                          <option key={o.id} value={o.id}>
                            {l(o.label, o.id)}
                            {o.type !== input.type ? `${t('editor.mapping.typeOpen')}${t(`inputType.${o.type}`)}${t('editor.mapping.typeClose')}` : ''}
                          </option>
                        ))}
                      </select>
                    )}
                  </span>
                  {merge && (
                    <span className="field-check">
                      <input
                        type="radio"
                        id={`${base}-combined`}
                        name={base}
                        checked={row.source.kind === 'combined'}
                        disabled={readOnly}
                        onChange={() => write({ input: row.input, source: merge })}
                      />
                      <label htmlFor={`${base}-combined`}>{t('editor.mapping.combined')}</label>
                    </span>
                  )}
                  {row.source.kind === 'combined' && <MergeFields base={base} name={name} input={input} source={row.source} old={old} readOnly={readOnly} onChange={(source) => write({ input: row.input, source })} />}
                  <span className="field-check">
                    <input
                      type="radio"
                      id={`${base}-default`}
                      name={base}
                      checked={row.source.kind === 'default'}
                      disabled={readOnly}
                      onChange={() => write({ input: row.input, source: { kind: 'default', value: initialValue(input) } })}
                    />
                    <label htmlFor={`${base}-default`}>{t('editor.mapping.default')}</label>
                  </span>
                  {row.source.kind === 'default' && (
                    <div className="mapping-default">
                      <InputValueField
                        id={`${base}-value`}
                        input={input}
                        value={row.source.value}
                        readOnly={readOnly}
                        // An emptied field keeps the last value: "neither" is its own choice, not a side effect of retyping.
                        onChange={(value) => value !== undefined && write({ input: row.input, source: { kind: 'default', value } })}
                      />
                    </div>
                  )}
                  <span className="field-check">
                    <input type="radio" id={`${base}-none`} name={base} checked={row.source.kind === 'none'} disabled={readOnly} onChange={() => write({ input: row.input, source: { kind: 'none' } })} />
                    <label htmlFor={`${base}-none`}>{t('editor.mapping.neither')}</label>
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {stray.length > 0 && (
        <div className="sublist">
          <h5>{t('editor.mapping.stray', { version: from })}</h5>
          <ul>
            {stray.map((id) => (
              <li key={id}>
                {l(definition(id)?.label, id)} <code>{id}</code>{' '}
                {!readOnly && (
                  <button type="button" onClick={() => edit((d) => removeMappingEntry(d, id))}>
                    {t('editor.mapping.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <MissingPreview report={missing} doc={doc} dirty={dirty} />
    </fieldset>
  );
}

type Merge = Extract<MappingRow['source'], { kind: 'combined' }>;

/** Which old inputs a merge reads (at least two) and how it combines them; only combinations that give the input's type are offered. */
function MergeFields({ base, name, input, source, old, readOnly, onChange }: { base: string; name: string; input: InputDefinition; source: Merge; old: RubricDocument; readOnly: boolean; onChange: (source: Merge) => void }) {
  const { t, l } = useLanguage();
  const fitting = new Set(combinationsFor(input).flatMap((by) => INPUT_COMBINATIONS[by].makes));
  const candidates = old.inputs.filter((o) => fitting.has(o.type) || source.from.includes(o.id));
  return (
    <div className="mapping-merge">
      <label htmlFor={`${base}-by`}>{t('editor.mapping.by')}</label>{' '}
      <select id={`${base}-by`} value={source.by} disabled={readOnly} onChange={(e) => onChange({ ...source, by: e.target.value as Merge['by'] })}>
        {combinationsFor(input).map((by) => (
          <option key={by} value={by}>
            {l(INPUT_COMBINATIONS[by].label, by)}
          </option>
        ))}
      </select>
      <fieldset className="mapping-merge-inputs" aria-label={t('editor.mapping.merged', { name })}>
        <legend>{t('editor.mapping.mergedLegend')}</legend>
        {candidates.map((o) => (
          <span key={o.id} className="field-check">
            <input
              type="checkbox"
              id={`${base}-from-${o.id}`}
              checked={source.from.includes(o.id)}
              disabled={readOnly || (source.from.includes(o.id) && source.from.length <= 2)}
              onChange={(e) => onChange(toggleMerged(source, o.id, e.target.checked))}
            />
            <label htmlFor={`${base}-from-${o.id}`}>{l(o.label, o.id)}</label>
          </span>
        ))}
      </fieldset>
      <p className="hint">{t('editor.mapping.mergeHint')}</p>
    </div>
  );
}

/** How many stored assessments lack each input under the saved draft (its mapping applied). */
function MissingPreview({ report, doc, dirty }: { report: MissingInputs | { error: string } | null; doc: RubricDocument; dirty: boolean }) {
  const { t, l } = useLanguage();
  return (
    <section className="missing-preview" aria-labelledby="missing-preview-heading" data-testid="missing-preview">
      <h5 id="missing-preview-heading">{t('editor.mapping.effect')}</h5>
      <p className="hint">{dirty ? t('editor.mapping.asOfDirty') : t('editor.mapping.asOf')}</p>
      {!report && <p className="hint">{t('shell.loading')}</p>}
      {report && 'error' in report && <p className="error-text">{report.error}</p>}
      {report && 'inputs' in report && (
        <>
          <p>{t('editor.mapping.complete', { complete: report.complete, assessments: report.assessments })}</p>
          {report.inputs.length > 0 && (
            <ul className="missing-list">
              {report.inputs.map((entry) => (
                <li key={entry.input} data-missing-input={entry.input}>
                  {t('editor.mapping.lacking', { name: l(doc.inputs.find((i) => i.id === entry.input)?.label ?? entry.label, entry.input), count: entry.count, assessments: report.assessments })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
