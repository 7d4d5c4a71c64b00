/**
 * The UI's one message catalogue, split by area so that each screen's words sit together:
 * `common` (shell, navigation, sign-in, shared words), `assessor` (assessments, forms, results,
 * supplements, compare), `editor` (the rubric builder). Keys are unique across the parts (a test
 * checks it); terms come from the engine's glossary so the UI and the exports agree.
 *
 * The editor's words travel with the editor: `editor.ts` adds them when its chunk loads
 * (`addMessages`), so an assessor's first load does not carry them. Their keys are known to the
 * type checker all the same.
 */
import { ASSESSOR_MESSAGES } from './assessor.ts';
import type { Catalogue } from './catalogue.ts';
import { COMMON_MESSAGES } from './common.ts';
import type { EDITOR_MESSAGES } from './editor.ts';

const loaded: Catalogue = { ...COMMON_MESSAGES, ...ASSESSOR_MESSAGES };

export type MessageKey = keyof typeof COMMON_MESSAGES | keyof typeof ASSESSOR_MESSAGES | keyof typeof EDITOR_MESSAGES;

/** A part of the catalogue loaded with its screens (the editor's). */
export function addMessages(part: Catalogue): void {
  Object.assign(loaded, part);
}

/** Whether a key built at run time (a field's name, a status) has words in the loaded catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(loaded, key);
}

/** A message in both languages; a key whose part is not loaded yet reads as itself (and a test loads every part). */
export function messageText(key: MessageKey): { zh: string; en: string } {
  return Object.hasOwn(loaded, key) ? loaded[key] : { zh: key, en: key };
}
