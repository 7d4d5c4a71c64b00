/** Entry point: mounts the app inside the page language (see i18n/language.tsx). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.ts';
import { App } from './components/App.tsx';
import { preloadAssessmentPage } from './components/AssessmentPage.tsx';
import { LanguageProvider } from './i18n/language.tsx';
import { assessmentOfRoute, currentRoute } from './route.ts';
import { tracked } from './settled.ts';
import { storedLanguage, storedToken } from './stored.ts';

// A stored sign-in is checked (with the deployment profile read), and an assessment opened by its address (a bookmark, a link, a
// reload) starts loading, before the first render: both are on their way while React starts. The requests themselves
// usually left earlier, from the script inlined in index.html (early-requests.ts); these take their answers.
const token = storedToken();
const storedSignIn = token ? tracked(api.session(token)) : null;
const assessmentId = assessmentOfRoute(currentRoute());
const page = token && assessmentId ? preloadAssessmentPage(assessmentId, storedLanguage()) : null;

// The first render waits for those answers (index.html's loading line shows meanwhile), so the page
// comes in one commit with its data instead of through loading states, each rendered and laid out
// in a task of its own. Not for long: a slow answer is waited for by the app's loading states.
// (A promise, not a top-level await: that would make the bundler split the entry's shared modules
// into several more chunks for the first load.)
const FIRST_RENDER_WAIT_MS = 1000;
void Promise.race([Promise.allSettled([storedSignIn?.promise, page]), new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(render);

function render(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('main: #root element missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <App storedSignIn={storedSignIn} />
      </LanguageProvider>
    </StrictMode>,
  );
}
