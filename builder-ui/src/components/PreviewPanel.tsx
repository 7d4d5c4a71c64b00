/** The assessor form the draft generates, live, doubling as the "try it" inputs; their score and explanations below. */
import type { ReactNode } from 'react';
import type { AssessmentForm, Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { AssessmentFormView, type FormData } from './AssessmentFormView.tsx';
import { CriteriaExplanations } from './CriteriaExplanations.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ScoreHeadline } from './ScoreHeadline.tsx';

interface Props {
  doc: RubricDocument;
  form: AssessmentForm | null;
  formError: string | null;
  lang: Language;
  onLang: (lang: Language) => void;
  formData: FormData;
  onFormData: (data: FormData) => void;
  result: ScoreResult | null;
  scoreError: string | null;
  onSaveAsTest?: () => void;
  /** Where the try-it inputs can be loaded from (TryItSource). */
  source?: ReactNode;
}

export function PreviewPanel({ doc, form, formError, lang, onLang, formData, onFormData, result, scoreError, onSaveAsTest, source }: Props) {
  const { t } = useLanguage();
  return (
    <>
      <section className="panel try-it" aria-labelledby="tryit-heading">
        <h2 id="tryit-heading">{t('editor.try.heading')}</h2>
        {source}
        {result ? <ScoreHeadline result={result} doc={doc} lang={lang} compact /> : <p className="hint">{t('editor.try.hint')}</p>}
        {scoreError && (
          <p className="error-banner" role="alert">
            {scoreError}
          </p>
        )}
        {result && (
          <details open>
            <summary>{t('editor.try.why')}</summary>
            <CriteriaExplanations criteria={result.criteria} lang={lang} />
          </details>
        )}
        {onSaveAsTest && (
          <button type="button" onClick={onSaveAsTest}>
            {t('editor.try.saveAsTest')}
          </button>
        )}
      </section>
      <section className="panel preview" aria-labelledby="preview-heading">
        <div className="item-header">
          <h2 id="preview-heading">{t('editor.preview.heading')}</h2>
          <LanguageSwitch lang={lang} onChange={onLang} label={t('editor.previewLanguage')} />
        </div>
        {formError && (
          <p className="hint" role="status">
            {formError}
          </p>
        )}
        {form && <AssessmentFormView lang={lang} form={form} formData={formData} onChange={onFormData} idPrefix="preview" />}
      </section>
    </>
  );
}
