/**
 * Undo and redo of document edits, without React. Documents are immutable (model/document.ts),
 * so a history is a list of earlier documents sharing structure: keeping 100 costs little.
 * Keystrokes typed in a burst merge into one step, so one undo takes back a word, not a letter.
 */

/** Undo steps kept (the issue asks for at least 50). */
export const HISTORY_LIMIT = 100;
/** Edits closer together than this merge into one undo step, unless one asks for its own step. */
export const MERGE_MS = 1000;

export interface History<T> {
  /** Earlier documents, oldest first; the last one is what undo returns to. */
  past: T[];
  /** Documents undone, most recent last; redo returns to the last one. */
  future: T[];
  /** When the last edit was recorded (ms), for merging bursts. */
  lastAt: number;
  /** True when the last edit asked for its own step: the next edit never merges into it. */
  closed: boolean;
}

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [], lastAt: 0, closed: true });

/** The history after an edit from `before`; `step` keeps it apart from its neighbours (add, delete, move). */
export function recordEdit<T>(history: History<T>, before: T, at: number, step = false): History<T> {
  const merge = !step && !history.closed && history.past.length > 0 && at - history.lastAt < MERGE_MS;
  return { past: merge ? history.past : [...history.past, before].slice(-HISTORY_LIMIT), future: [], lastAt: at, closed: step };
}

/** The document undo returns to and the history after it, or null when there is nothing to undo. */
export function undo<T>(history: History<T>, current: T): { doc: T; history: History<T> } | null {
  const doc = history.past.at(-1);
  if (doc === undefined) return null;
  return { doc, history: { past: history.past.slice(0, -1), future: [...history.future, current], lastAt: 0, closed: true } };
}

/** The document redo returns to and the history after it, or null when there is nothing to redo. */
export function redo<T>(history: History<T>, current: T): { doc: T; history: History<T> } | null {
  const doc = history.future.at(-1);
  if (doc === undefined) return null;
  return { doc, history: { past: [...history.past, current].slice(-HISTORY_LIMIT), future: history.future.slice(0, -1), lastAt: 0, closed: true } };
}
