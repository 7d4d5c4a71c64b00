/** Words of the assessor's and reviewer's screens: assessments, forms, results, supplements, compare. */
import type { Catalogue } from './catalogue.ts';

export const ASSESSOR_MESSAGES = {} satisfies Catalogue;
