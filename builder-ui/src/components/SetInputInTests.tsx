/**
 * Tests follow the rubric: for an input some embedded tests do not set (a new input: all of them),
 * one value set in every such test in one edit.
 */
import { useState } from 'react';
import type { InputDefinition, InputValue } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { initialValue } from '../model/input-mapping.ts';
import { setInputInAllTests, testsLackingInput } from '../model/test-expectations.ts';
import { useEditor } from './EditorContext.ts';
import { InputValueField } from './InputValueField.tsx';

export function SetInputInTests({ input }: { input: InputDefinition }) {
  const { doc, readOnly, edit } = useEditor();
  const { t } = useLanguage();
  const [value, setValue] = useState<InputValue | undefined>(() => initialValue(input));
  const lacking = testsLackingInput(doc, input.id);
  if (readOnly || doc.tests.length === 0 || lacking.length === 0) return null;
  const none = lacking.length === doc.tests.length;
  return (
    <details className="set-in-tests" open={none} data-testid="set-input-in-tests">
      <summary>
        {t('editor.test.setInput.summary', { lacking: lacking.length, count: doc.tests.length })}
      </summary>
      <div className="row">
        <InputValueField id={`set-in-tests-${input.id}`} input={input} value={value} readOnly={false} onChange={setValue} />
        <button type="button" disabled={value === undefined} onClick={() => value !== undefined && edit((d) => setInputInAllTests(d, input.id, value))}>
          {t('editor.test.setInput.apply')}
        </button>
      </div>
      <p className="hint">{t('editor.test.setInput.hint')}</p>
    </details>
  );
}
