/**
 * The UI's one message catalogue, split by area so that each screen's words sit together:
 * `common` (shell, navigation, sign-in, shared words), `assessor` (assessments, forms, results,
 * supplements, compare), `editor` (the rubric builder). Keys are unique across the parts (a test
 * checks it); terms come from the engine's glossary so the UI and the exports agree.
 */
import { ASSESSOR_MESSAGES } from './assessor.ts';
import { COMMON_MESSAGES } from './common.ts';
import { EDITOR_MESSAGES } from './editor.ts';

export const MESSAGES = { ...COMMON_MESSAGES, ...ASSESSOR_MESSAGES, ...EDITOR_MESSAGES };

export type MessageKey = keyof typeof MESSAGES;

/** The parts, for the test that keeps keys unique and every message in both languages. */
export const MESSAGE_PARTS = { common: COMMON_MESSAGES, assessor: ASSESSOR_MESSAGES, editor: EDITOR_MESSAGES };
