/** Sign-in: choose one of the documented local tokens, or paste another; stored in localStorage. */
import { useState } from 'react';
import { LOCAL_TOKENS } from '../api.ts';

export function SignIn({ onSignIn, error }: { onSignIn: (token: string) => void; error: string | null }) {
  const [token, setToken] = useState(LOCAL_TOKENS[0].token);
  return (
    <main className="sign-in">
      <h1>Rubric Studio</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onSignIn(token.trim());
        }}
      >
        <fieldset>
          <legend>Sign in with a role token</legend>
          {LOCAL_TOKENS.map((t) => (
            <div className="field-check" key={t.token}>
              <input type="radio" id={`token-${t.role}`} name="token-choice" checked={token === t.token} onChange={() => setToken(t.token)} />
              <label htmlFor={`token-${t.role}`}>
                {t.role} <code>{t.token}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="token">Token (paste another one here)</label>
          <input id="token" value={token} autoComplete="off" onChange={(e) => setToken(e.target.value)} />
        </div>
        {error && (
          <p className="error-banner" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Sign in
        </button>
        <p className="hint">The local tokens are the defaults documented in the README; a deployment sets its own in its tokens file.</p>
      </form>
    </main>
  );
}
