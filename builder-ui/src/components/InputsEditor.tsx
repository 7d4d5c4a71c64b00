/** The inputs' section: its issues, a button per type to add one (which then opens), and the input mapping. */
import type { ReactNode } from 'react';
import type { InputType } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, newInput } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { INPUT_TYPES } from './InputEditor.tsx';

export function InputsEditor({ children }: { children?: ReactNode }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t } = useLanguage();
  const add = (type: InputType): void => {
    edit((d) => addItem(d, ['inputs'], newInput(d, type)), { step: true });
    select(`/inputs/${doc.inputs.length}`);
  };
  return (
    <section className="inputs card" aria-labelledby="inputs-heading">
      <h2 id="inputs-heading">{t('editor.section.inputs')}</h2>
      <FieldIssues pointer="/inputs" />
      {!readOnly && (
        <div className="actions">
          <span>{t('editor.add.input')}</span>
          {INPUT_TYPES.map((type) => (
            <button key={type} type="button" onClick={() => add(type)}>
              + {t(`inputType.${type}`)}
            </button>
          ))}
        </div>
      )}
      {children}
    </section>
  );
}
