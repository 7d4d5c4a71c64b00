/** Entry point: mounts the app inside the page language (see i18n/language.tsx). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, storedToken } from './api.ts';
import { App, currentRoute } from './components/App.tsx';
import { preloadAssessmentPage } from './components/AssessmentPage.tsx';
import { LanguageProvider, storedLanguage } from './i18n/language.tsx';

// A stored sign-in is checked (with the deployment profile read), and an assessment opened by its address (a bookmark, a link, a
// reload) starts loading, before the first render: both are on their way while React starts.
const token = storedToken();
const storedSignIn = token ? api.session(token) : null;
storedSignIn?.catch(() => undefined); // the app reports it
const [screen, assessmentId, ...more] = currentRoute();
if (token && screen === 'assessments' && assessmentId && more.length === 0) preloadAssessmentPage(assessmentId, storedLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('main: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <App storedSignIn={storedSignIn} />
    </LanguageProvider>
  </StrictMode>,
);
