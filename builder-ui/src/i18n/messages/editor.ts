/** Words of the rubric builder. */
import type { Catalogue } from './catalogue.ts';

export const EDITOR_MESSAGES = {} satisfies Catalogue;
