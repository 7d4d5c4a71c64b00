/** Every part of the catalogue at once, for the test that keeps keys unique and every message in both languages. */
import { ASSESSOR_MESSAGES } from './assessor.ts';
import { COMMON_MESSAGES } from './common.ts';
import { EDITOR_MESSAGES } from './editor.ts';

export const MESSAGE_PARTS = { common: COMMON_MESSAGES, assessor: ASSESSOR_MESSAGES, editor: EDITOR_MESSAGES };

export const MESSAGES = { ...COMMON_MESSAGES, ...ASSESSOR_MESSAGES, ...EDITOR_MESSAGES };
