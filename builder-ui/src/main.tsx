/** Entry point: mounts the app inside the page language (see i18n/language.tsx). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { LanguageProvider } from './i18n/language.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('main: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <App />
    </LanguageProvider>
  </StrictMode>,
);
