/** One embedded test case: inputs, not-applicable reasons and the expected total, tier, indicators and findings. */
import { useState } from 'react';
import { api, errorMessage } from '../api.ts';
import type { Finding, RubricTestCase } from '../../../engine/browser.ts';
import { setAt, walkHierarchy } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { InputValueField } from './InputValueField.tsx';
import { ItemControls } from './ItemControls.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const FINDINGS: { value: Finding; label: string }[] = [
  { value: 'met', label: 'met' },
  { value: 'notMet', label: 'not met' },
  { value: 'notAssessed', label: 'not assessed' },
];

export function TestCaseEditor({ index, count }: { index: number; count: number }) {
  const { doc, readOnly, edit } = useEditor();
  const test = doc.tests[index];
  const base = ['tests', index];
  const [message, setMessage] = useState<string | null>(null);
  const { indicators, criteria } = walkHierarchy(doc);
  const naCriteria = criteria.filter((c) => c.notApplicable?.allowed);

  /** Scores the case's inputs with the current draft and takes total, tier and listed expectations from the result. */
  const takeActual = async (): Promise<void> => {
    setMessage(null);
    try {
      const result = await api.previewScore(doc, { inputs: test.inputs, ...(test.notApplicable && { notApplicable: test.notApplicable }) }, false);
      const expect: RubricTestCase['expect'] = { ...test.expect, total: result.total, tier: result.tier };
      if (test.expect.indicators) expect.indicators = Object.fromEntries(Object.keys(test.expect.indicators).map((id) => [id, result.indicators.find((i) => i.id === id)?.points ?? 0]));
      if (test.expect.requirements) expect.requirements = Object.fromEntries(Object.keys(test.expect.requirements).map((id) => [id, result.requirements.find((r) => r.id === id)?.finding ?? 'notAssessed']));
      edit((d) => setAt(d, [...base, 'expect'], expect));
      setMessage(`Expected values set from the current draft: total ${result.total}, tier ${result.tier ?? '—'}.`);
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  return (
    <fieldset className="card test-case" data-pointer={`/tests/${index}`} data-test={test.name}>
      <legend>Test “{test.name}”</legend>
      <div className="item-header">
        <span />
        <ItemControls listPath={['tests']} index={index} count={count} name={`test ${test.name}`} />
      </div>
      <FieldIssues pointer={`/tests/${index}`} />
      <div className="row">
        <TextField path={[...base, 'name']} label="Test name" />
        <TextField path={[...base, 'description']} label="Description (optional)" optional />
      </div>
      <details>
        <summary>Inputs ({Object.keys(test.inputs).length} of {doc.inputs.length} given)</summary>
        <div className="grid-inputs">
          {doc.inputs.map((input) => (
            <div key={input.id}>
              <InputValueField
                id={`test-${index}-input-${input.id}`}
                input={input}
                value={test.inputs[input.id]}
                readOnly={readOnly}
                onChange={(value) => edit((d) => setAt(d, [...base, 'inputs', input.id], value))}
              />
              <FieldIssues pointer={`/tests/${index}/inputs/${input.id}`} />
            </div>
          ))}
        </div>
        {naCriteria.length > 0 && (
          <div className="sublist">
            <h5>Not applicable (a reason marks the criterion not applicable)</h5>
            {naCriteria.map((c) => (
              <TextField key={c.id} path={[...base, 'notApplicable', c.id]} label={`Reason ${c.id} does not apply`} optional />
            ))}
          </div>
        )}
      </details>
      <div className="row">
        <NumberField path={[...base, 'expect', 'total']} label="Expected total" />
        <SelectField
          path={[...base, 'expect', 'tier']}
          label="Expected tier"
          emptyLabel="(no tier: incomplete)"
          options={doc.tiers.map((t) => ({ value: t.id, label: `${t.id} ${t.label.zh ?? ''}` }))}
          onValue={(v) => edit((d) => setAt(d, [...base, 'expect', 'tier'], v === '' ? null : v))}
        />
        {!readOnly && (
          <button type="button" onClick={takeActual}>
            Set expected values from the current draft
          </button>
        )}
      </div>
      {message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
      <details>
        <summary>Expected indicator points and requirement findings (optional)</summary>
        <div className="row">
          {indicators.map((indicator) => (
            <NumberField key={indicator.id} path={[...base, 'expect', 'indicators', indicator.id]} label={`Indicator ${indicator.id}`} optional />
          ))}
        </div>
        <div className="row">
          {doc.requirements.map((r) => (
            <SelectField key={r.id} path={[...base, 'expect', 'requirements', r.id]} label={`Requirement ${r.id}`} emptyLabel="(not checked)" options={FINDINGS} />
          ))}
        </div>
      </details>
    </fieldset>
  );
}
