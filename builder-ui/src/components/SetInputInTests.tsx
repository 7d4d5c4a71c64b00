/**
 * Tests follow the rubric: for an input some embedded tests do not set (a new input: all of them),
 * one value set in every such test in one edit / 在所有内置测试中设定此输入.
 */
import { useState } from 'react';
import type { InputDefinition, InputValue } from '../../../engine/browser.ts';
import { initialValue } from '../model/input-mapping.ts';
import { setInputInAllTests, testsLackingInput } from '../model/test-expectations.ts';
import { useEditor } from './EditorContext.ts';
import { InputValueField } from './InputValueField.tsx';

export function SetInputInTests({ input }: { input: InputDefinition }) {
  const { doc, readOnly, edit } = useEditor();
  const [value, setValue] = useState<InputValue | undefined>(() => initialValue(input));
  const lacking = testsLackingInput(doc, input.id);
  if (readOnly || doc.tests.length === 0 || lacking.length === 0) return null;
  const none = lacking.length === doc.tests.length;
  return (
    <details className="set-in-tests" open={none} data-testid="set-input-in-tests">
      <summary>
        {lacking.length} of {doc.tests.length} embedded tests do not set this input / {doc.tests.length} 个内置测试中有 {lacking.length} 个未设定此输入
      </summary>
      <div className="row">
        <InputValueField id={`set-in-tests-${input.id}`} input={input} value={value} readOnly={false} onChange={setValue} />
        <button type="button" disabled={value === undefined} onClick={() => value !== undefined && edit((d) => setInputInAllTests(d, input.id, value))}>
          Set this input in every embedded test / 在所有内置测试中设定此输入
        </button>
      </div>
      <p className="hint">Tests that already give a value keep it. / 已有此值的测试保持不变。</p>
    </details>
  );
}
