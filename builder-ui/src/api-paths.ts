/** Paths of the API routes a page asks at once on load: one home for api.ts and the early requests (early-requests.ts). */
import type { Language } from '../../engine/browser.ts';

const enc = encodeURIComponent;

export const API_PATHS = {
  me: '/api/me',
  deployment: '/api/deployment',
  communities: '/api/communities',
  assessment: (id: string) => `/api/assessments/${enc(id)}`,
  assessmentForm: (id: string, lang: Language) => `/api/assessments/${enc(id)}/form?lang=${lang}`,
};
