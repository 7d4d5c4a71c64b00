/** One embedded test case: inputs, not-applicable reasons and the expected total, tier, indicators and findings. */
import { useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { api, errorMessage } from '../api.ts';
import type { Finding } from '../../../engine/browser.ts';
import { setAt, walkHierarchy } from '../model/document.ts';
import { applyExpectationChanges, type ExpectationChange, expectationChange } from '../model/test-expectations.ts';
import { useEditor } from './EditorContext.ts';
import { ExpectationReview } from './ExpectationReview.tsx';
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

export function TestCaseEditor({ index }: { index: number }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t } = useLanguage();
  const count = doc.tests.length;
  const test = doc.tests[index];
  const base = ['tests', index];
  const [message, setMessage] = useState<string | null>(null);
  const { indicators, criteria } = walkHierarchy(doc);
  const naCriteria = criteria.filter((c) => c.notApplicable?.allowed);

  /** What the current draft scores for this case, as a proposed change to review (never applied unconfirmed). */
  const [review, setReview] = useState<{ change: ExpectationChange | null; json: string } | null>(null);
  const draftJson = JSON.stringify(doc);
  const proposeFromDraft = async (): Promise<void> => {
    setMessage(null);
    setReview(null);
    try {
      const result = await api.previewScore(doc, { inputs: test.inputs, ...(test.notApplicable && { notApplicable: test.notApplicable }) }, false);
      setReview({ change: expectationChange(doc, index, result), json: draftJson });
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const applyReviewed = (confirmed: ExpectationChange[]): void => {
    const { skipped } = applyExpectationChanges(doc, confirmed);
    edit((d) => applyExpectationChanges(d, confirmed).doc);
    setReview(null);
    setMessage(skipped.length ? 'The test changed since the review: nothing applied. / 核对后测试已改动，未应用。' : 'Confirmed expectation applied. / 已应用确认的预期。');
  };

  return (
    <fieldset className="card test-case" data-pointer={`/tests/${index}`} data-test={test.name}>
      <legend>Test “{test.name}”</legend>
      <div className="item-header">
        <span />
        <ItemControls listPath={['tests']} index={index} count={count} name={t('editor.name.test', { label: test.name })} onMoved={select} />
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
          <button type="button" onClick={() => void proposeFromDraft()}>
            Review expected values against the draft / 对照草稿核对预期值
          </button>
        )}
      </div>
      {review && review.json === draftJson && (
        <div className="sublist">
          {review.change ? (
            <ExpectationReview doc={doc} changes={[review.change]} readOnly={readOnly} onApply={applyReviewed} idPrefix={`test-${index}-review`} />
          ) : (
            <p className="hint">The draft gives the expected values: nothing to change. / 草稿得出的结果与预期一致，无需修改。</p>
          )}
        </div>
      )}
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
