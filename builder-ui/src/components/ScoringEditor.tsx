/** The scoring of one rule: its kind, and the parameter fields of that kind. */
import type { Scoring } from '../../../engine/browser.ts';
import { addItem, getAt, type Path, pointerOf, positions, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { changeScoringKind, choicePoints, inputsForKind, newDeduction, SCORING_KINDS, type ScoringKind } from '../model/scoring.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

export function ScoringEditor({ path }: { path: Path }) {
  const { doc, readOnly, edit } = useEditor();
  const scoring = getAt(doc, path) as Scoring;
  const pointer = pointerOf(path);
  const kindId = `${controlId(pointer)}-kind`;
  const inputOptions = (kind: ScoringKind) => inputsForKind(doc, kind).map((i) => ({ value: i.id, label: `${i.id} — ${i.label.zh ?? i.label.en ?? ''}` }));
  return (
    <fieldset className="scoring" data-pointer={pointer}>
      <legend>Scoring</legend>
      <div className="field">
        <label htmlFor={kindId}>Scoring kind</label>
        <select id={kindId} value={scoring.kind} disabled={readOnly} data-pointer={`${pointer}/kind`} onChange={(e) => edit((d) => setAt(d, path, changeScoringKind(scoring, e.target.value as ScoringKind, d)))}>
          {SCORING_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        {scoring.kind === 'fixed' && <NumberField path={[...path, 'points']} label="Points awarded" />}
        {scoring.kind === 'perBlock' && (
          <>
            <SelectField path={[...path, 'input']} label="Input counted" options={inputOptions('perBlock')} />
            <NumberField path={[...path, 'blockSize']} label="Block size (units)" />
            <NumberField path={[...path, 'points']} label="Points per block" />
            <NumberField path={[...path, 'cap']} label="Cap (optional)" optional />
          </>
        )}
        {scoring.kind === 'proportional' && (
          <>
            <SelectField path={[...path, 'input']} label="Rate input" options={inputOptions('proportional')} />
            <NumberField path={[...path, 'fullAt']} label="Full points at" />
            <NumberField path={[...path, 'points']} label="Points" />
          </>
        )}
        {scoring.kind === 'perUnit' && <NumberField path={[...path, 'cap']} label="Cap (optional)" optional />}
        {scoring.kind === 'deduction' && (
          <>
            <NumberField path={[...path, 'start']} label="Start from" />
            <NumberField path={[...path, 'floor']} label="Not below (floor)" />
          </>
        )}
        {scoring.kind === 'choice' && (
          <SelectField
            path={[...path, 'input']}
            label="Choice input"
            options={inputOptions('choice')}
            onValue={(id) => edit((d) => setAt(d, path, { ...scoring, input: id, points: choicePoints(d.inputs.find((i) => i.id === id), scoring.points) }))}
          />
        )}
      </div>
      {scoring.kind === 'perUnit' && (
        <div className="sublist">
          <h5>Terms (points per unit)</h5>
          {positions(scoring.terms).map((t) => (
            <div className="row" key={t}>
              <SelectField path={[...path, 'terms', t, 'input']} label={`Term ${t + 1} input`} options={inputOptions('perUnit')} />
              <NumberField path={[...path, 'terms', t, 'points']} label={`Term ${t + 1} points per unit`} />
              <ItemControls listPath={[...path, 'terms']} index={t} count={scoring.terms.length} name={`term ${t + 1}`} />
            </div>
          ))}
          {!readOnly && (
            <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'terms'], { input: inputsForKind(d, 'perUnit')[0]?.id ?? '', points: 1 }))}>
              + Term
            </button>
          )}
        </div>
      )}
      {scoring.kind === 'deduction' && (
        <div className="sublist">
          <h5>Deductions</h5>
          {positions(scoring.deductions).map((t) => {
            const deduction = scoring.deductions[t];
            const dp = [...path, 'deductions', t];
            const input = doc.inputs.find((i) => i.id === deduction.input);
            return (
              <div className="row boxed" key={t}>
                <SelectField path={[...dp, 'input']} label={`Deduction ${t + 1} input`} options={inputOptions('deduction')} />
                <NumberField path={[...dp, 'points']} label="Points deducted per unit" />
                {input?.type === 'boolean' ? (
                  <SelectField
                    path={[...dp, 'when']}
                    label="Deduct when the answer is"
                    emptyLabel="(choose)"
                    options={[
                      { value: 'true', label: 'yes / 是' },
                      { value: 'false', label: 'no / 否' },
                    ]}
                    onValue={(v) => edit((d) => setAt(d, [...dp, 'when'], v === '' ? undefined : v === 'true'))}
                  />
                ) : (
                  <>
                    <NumberField path={[...dp, 'below']} label="Shortfall below (optional)" optional />
                    <NumberField path={[...dp, 'blockSize']} label="Per block of (optional)" optional />
                    <SelectField
                      path={[...dp, 'blocks']}
                      label="Blocks counted"
                      emptyLabel="(default: full)"
                      options={[
                        { value: 'full', label: 'full blocks' },
                        { value: 'started', label: 'started blocks' },
                      ]}
                    />
                  </>
                )}
                <ItemControls listPath={[...path, 'deductions']} index={t} count={scoring.deductions.length} name={`deduction ${t + 1}`} />
              </div>
            );
          })}
          {!readOnly && (
            <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'deductions'], newDeduction(inputsForKind(d, 'deduction')[0]?.id ?? '')))}>
              + Deduction
            </button>
          )}
        </div>
      )}
      {scoring.kind === 'choice' && (
        <div className="row">
          {Object.keys(scoring.points).map((option) => (
            <NumberField key={option} path={[...path, 'points', option]} label={`Points for “${option}”`} />
          ))}
        </div>
      )}
      {scoring.kind === 'fixed' && <FixedHint />}
    </fieldset>
  );
}

/** Fixed scoring has no further parameters; say so instead of leaving a blank. */
function FixedHint() {
  return <p className="hint">Awards the points whenever the rule's conditions hold.</p>;
}
