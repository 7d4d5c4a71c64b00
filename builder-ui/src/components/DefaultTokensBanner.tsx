/** Shown on every screen while the server accepts the published local tokens: anyone who read the README can sign in. */
import { Fragment } from 'react';
import { useLanguage } from '../i18n/language.tsx';

export function DefaultTokensBanner() {
  const { lang, t } = useLanguage();
  // The file and the variable are names to type, so they stay in <code> inside the sentence.
  const code: Record<string, string> = { file: 'DATA_DIR/tokens.json', variable: 'RUBRIC_TOKENS' };
  const body = t('security.body').split(/(\{\w+\})/);
  return (
    <aside className="security-banner no-print" aria-label={t('security.label')} data-testid="default-tokens-banner">
      <p>
        <strong>{t('security.headline')}</strong>
        {lang === 'en' && ' '}
        {body.map((part, i) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          // biome-ignore lint/suspicious/noArrayIndexKey: the sentence's parts are fixed; position identifies them
          return name && Object.hasOwn(code, name) ? <code key={i}>{code[name]}</code> : <Fragment key={i}>{part}</Fragment>;
        })}
      </p>
    </aside>
  );
}
