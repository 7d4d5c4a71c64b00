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

const FINDINGS: Finding[] = ['met', 'notMet', 'notAssessed'];

export function TestCaseEditor({ index }: { index: number }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t, l } = useLanguage();
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
    setMessage(skipped.length ? t('editor.test.changedSinceReview') : t('editor.test.applied'));
  };

  return (
    <fieldset className="card test-case" data-pointer={`/tests/${index}`} data-test={test.name}>
      <legend>{t('editor.test.legend', { name: test.name })}</legend>
      <div className="item-header">
        <span />
        <ItemControls listPath={['tests']} index={index} count={count} name={t('editor.name.test', { label: test.name })} onMoved={select} />
      </div>
      <FieldIssues pointer={`/tests/${index}`} />
      <div className="row">
        <TextField path={[...base, 'name']} label={t('editor.test.name')} />
        <TextField path={[...base, 'description']} label={t('editor.test.description')} optional />
      </div>
      <details>
        <summary>{t('editor.test.inputs', { given: Object.keys(test.inputs).length, count: doc.inputs.length })}</summary>
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
            <h5>{t('editor.test.notApplicable')}</h5>
            {naCriteria.map((c) => (
              <TextField key={c.id} path={[...base, 'notApplicable', c.id]} label={t('editor.test.reason', { criterion: l(c.title, c.id) })} optional />
            ))}
          </div>
        )}
      </details>
      <div className="row">
        <NumberField path={[...base, 'expect', 'total']} label={t('editor.test.total')} />
        <SelectField
          path={[...base, 'expect', 'tier']}
          label={t('editor.test.tier')}
          emptyLabel={t('editor.test.noTier')}
          options={doc.tiers.map((tier) => ({ value: tier.id, label: l(tier.label, tier.id) }))}
          onValue={(v) => edit((d) => setAt(d, [...base, 'expect', 'tier'], v === '' ? null : v))}
        />
        {!readOnly && (
          <button type="button" onClick={() => void proposeFromDraft()}>
            {t('editor.test.review')}
          </button>
        )}
      </div>
      {review && review.json === draftJson && (
        <div className="sublist">
          {review.change ? (
            <ExpectationReview doc={doc} changes={[review.change]} readOnly={readOnly} onApply={applyReviewed} idPrefix={`test-${index}-review`} />
          ) : (
            <p className="hint">{t('editor.test.nothingToChange')}</p>
          )}
        </div>
      )}
      {message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
      <details>
        <summary>{t('editor.test.details')}</summary>
        <div className="row">
          {indicators.map((indicator) => (
            <NumberField key={indicator.id} path={[...base, 'expect', 'indicators', indicator.id]} label={t('editor.test.indicator', { label: l(indicator.title, indicator.id) })} optional />
          ))}
        </div>
        <div className="row">
          {doc.requirements.map((r) => (
            <SelectField
              key={r.id}
              path={[...base, 'expect', 'requirements', r.id]}
              label={t('editor.test.requirement', { clause: r.clause || r.id })}
              emptyLabel={t('editor.test.notChecked')}
              options={FINDINGS.map((finding) => ({ value: finding, label: t(`findings.${finding}`) }))}
            />
          ))}
        </div>
      </details>
    </fieldset>
  );
}
