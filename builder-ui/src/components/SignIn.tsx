/** Sign-in: choose one of the documented local tokens, or paste another; stored in localStorage. */
import { useState } from 'react';
import { LOCAL_TOKENS } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function SignIn({ onSignIn, error }: { onSignIn: (token: string) => void; error: string | null }) {
  const { t } = useLanguage();
  const [token, setToken] = useState(LOCAL_TOKENS[0].token);
  return (
    <main className="sign-in">
      <div className="result-top">
        <h1>Rubric Studio</h1>
        <LanguageSwitch />
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onSignIn(token.trim());
        }}
      >
        <fieldset>
          <legend>{t('signIn.legend')}</legend>
          {LOCAL_TOKENS.map((local) => (
            <div className="field-check" key={local.token}>
              <input type="radio" id={`token-${local.role}`} name="token-choice" checked={token === local.token} onChange={() => setToken(local.token)} />
              <label htmlFor={`token-${local.role}`}>
                {t(`role.${local.role}`)} <code>{local.token}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="token">{t('signIn.token')}</label>
          <input id="token" value={token} autoComplete="off" onChange={(e) => setToken(e.target.value)} />
        </div>
        {error && (
          <p className="error-banner" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('signIn.submit')}
        </button>
        <p className="hint">{t('signIn.hint')}</p>
      </form>
    </main>
  );
}
