/** 中文 / English toggle for generated forms and results. */
import type { Language } from '../../../engine/browser.ts';

export function LanguageSwitch({ lang, onChange, label = 'Form language' }: { lang: Language; onChange: (lang: Language) => void; label?: string }) {
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{label}</legend>
      <button type="button" aria-pressed={lang === 'zh'} onClick={() => onChange('zh')} lang="zh">
        中文
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => onChange('en')} lang="en">
        English
      </button>
    </fieldset>
  );
}
