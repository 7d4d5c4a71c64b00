/**
 * The app shell: sign-in, the navigation by role, and hash routes to each screen; above every
 * screen, the warning while the server accepts the published default tokens.
 */
import { lazy, type ReactElement, Suspense, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { DeploymentProfile } from '../../../engine/browser.ts';
import { api, errorMessage, type Role, type Session } from '../api.ts';
import { DeploymentProvider } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { AssessmentPage } from './AssessmentPage.tsx';
import { AssessorHome } from './AssessorHome.tsx';
import { DefaultTokensBanner } from './DefaultTokensBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { currentRoute } from '../route.ts';
import type { Tracked } from '../settled.ts';
import { storedToken, storeToken } from '../stored.ts';
import { confirmLeave } from './leave-guard.ts';
import { RubricList } from './RubricList.tsx';
import { SignIn } from './SignIn.tsx';

// Only editors edit rubrics: the editor is a chunk of its own, so an assessor's first load leaves it out.
const RubricEditor = lazy(() => import('./RubricEditor.tsx').then((module) => ({ default: module.RubricEditor })));
// Version comparison is an occasional screen: loaded when opened, it keeps the first load within budget.
const ComparePage = lazy(() => import('./ComparePage.tsx').then((module) => ({ default: module.ComparePage })));


/** The current route; a change away from unsaved edits happens only once confirmed (else the address goes back). */
function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    let shown = window.location.hash;
    const onChange = (): void => {
      if (window.location.hash === shown) return;
      if (!confirmLeave()) {
        window.history.replaceState(null, '', shown || '#/');
        return;
      }
      shown = window.location.hash;
      setRoute(currentRoute());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(...steps: string[]): void {
  window.location.hash = `#/${steps.map(encodeURIComponent).join('/')}`;
}

/** `storedSignIn`: the check of the stored token (and the deployment profile), when main.tsx started it before the first render. */
export function App({ storedSignIn }: { storedSignIn?: Tracked<Session> | null }) {
  const { t } = useLanguage();
  const route = useRoute();
  // A check answered before the first render signs in at once: the first render is then the page itself.
  const [role, setRole] = useState<Role | null>(storedSignIn?.value?.me.role ?? null);
  const [deployment, setDeployment] = useState<DeploymentProfile | null>(storedSignIn?.value?.deployment ?? null);
  const [checking, setChecking] = useState(() => storedSignIn?.value === undefined && storedToken() !== null);
  const [error, setError] = useState<string | null>(null);
  const [defaultTokens, setDefaultTokens] = useState(false);

  // Public: the sign-in screen warns too. A server without /api/health just shows no banner.
  useEffect(() => {
    api
      .health()
      .then((h) => setDefaultTokens(h.defaultTokens === true))
      .catch(() => undefined);
  }, []);

  /** Signs in with `token`; `asked` is its check when already under way (the stored token's, asked as the app starts). */
  const signIn = useCallback(async (token: string, asked?: Promise<Session>): Promise<void> => {
    setError(null);
    try {
      // The profile is read once here: every screen names the subject and the period kinds by it.
      const { me, deployment } = await (asked ?? api.session(token));
      storeToken(token);
      setDeployment(deployment);
      setRole(me.role);
      if (typeof me.defaultTokens === 'boolean') setDefaultTokens(me.defaultTokens);
    } catch (e) {
      storeToken(null);
      setRole(null);
      setError(errorMessage(e));
    } finally {
      setChecking(false);
    }
  }, []);

  // Before the first paint: a check already answered then shows the page at once, not after a
  // paint of the loading line (a passive effect would wait for that paint).
  useLayoutEffect(() => {
    const token = storedToken();
    if (token) void signIn(token, storedSignIn?.promise);
  }, [signIn, storedSignIn]);

  const signOut = (): void => {
    if (!confirmLeave()) return;
    storeToken(null);
    setRole(null);
    navigate();
  };

  const banner = defaultTokens && <DefaultTokensBanner />;
  if (checking) return <p className="loading">{t('shell.loading')}</p>;
  if (!role || !deployment)
    return (
      <>
        {banner}
        <SignIn onSignIn={signIn} error={error} />
      </>
    );

  const [screen, ...rest] = route;
  const home = role === 'editor' ? 'rubrics' : 'assessments';
  let page: ReactElement;
  if (screen === 'rubrics' && rest.length === 2) page = <RubricEditor key={rest.join('/')} rubricId={rest[0]} version={rest[1]} role={role} />;
  else if (screen === 'rubrics') page = <RubricList role={role} />;
  else if (screen === 'assessments' && rest.length === 1) page = <AssessmentPage key={rest[0]} assessmentId={rest[0]} role={role} />;
  else if (screen === 'compare') page = <ComparePage />;
  else if (screen === 'assessments') page = <AssessorHome role={role} />;
  else page = home === 'rubrics' ? <RubricList role={role} /> : <AssessorHome role={role} />;
  const current = screen ?? home;

  return (
    <DeploymentProvider value={deployment}>
      <div className="app">
        {banner}
        <header className="app-header no-print">
          <a className="brand" href={`#/${home}`}>
            Rubric Studio
          </a>
          <nav aria-label={t('nav.main')}>
            <a href="#/rubrics" aria-current={current === 'rubrics' ? 'page' : undefined}>
              {t('nav.rubrics')}
            </a>
            <a href="#/assessments" aria-current={current === 'assessments' ? 'page' : undefined}>
              {t('nav.assessments')}
            </a>
            <a href="#/compare" aria-current={current === 'compare' ? 'page' : undefined}>
              {t('nav.compare')}
            </a>
          </nav>
          <LanguageSwitch />
          <span className="whoami">
            {t('shell.signedInAs')}{' '}
            <strong data-testid="role" data-role={role}>
              {t(`role.${role}`)}
            </strong>
            <button type="button" onClick={signOut}>
              {t('shell.signOut')}
            </button>
          </span>
        </header>
        <main>
          <Suspense fallback={<p className="loading">{t('shell.loading')}</p>}>{page}</Suspense>
        </main>
      </div>
    </DeploymentProvider>
  );
}
