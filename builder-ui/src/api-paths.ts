/** Paths of the API routes a page asks at once on load: one home for api.ts and the early requests (early-requests.ts). */
import type { Language } from '../../engine/browser.ts';

const enc = encodeURIComponent;

/** A page of the assessment list: filters, then how many (1–500, the server's default 100) from which position. */
export interface AssessmentListQuery {
  status?: 'draft' | 'submitted';
  rubric?: string;
  limit?: number;
  offset?: number;
}

export const API_PATHS = {
  me: '/api/me',
  deployment: '/api/deployment',
  communities: '/api/communities',
  /** The list, most recently changed first; only the query's given fields are sent. */
  assessments: (query: AssessmentListQuery = {}): string => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const text = search.toString();
    return text ? `/api/assessments?${text}` : '/api/assessments';
  },
  assessment: (id: string) => `/api/assessments/${enc(id)}`,
  assessmentForm: (id: string, lang: Language) => `/api/assessments/${enc(id)}/form?lang=${lang}`,
};
