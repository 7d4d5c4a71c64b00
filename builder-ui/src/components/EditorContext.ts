/** The rubric being edited, shared by every editing control: the document, how to change it, and its issues. */
import { createContext, useContext } from 'react';
import type { RubricDocument } from '../../../engine/browser.ts';
import type { PlacedIssue } from '../model/issues.ts';

/** How an edit is kept in the undo history. */
export interface EditOptions {
  /** Its own undo step (add, move, delete), never merged with the typing around it. */
  step?: boolean;
  /** Names what the edit deleted: the editor then offers to undo it. */
  deleted?: string;
}

export interface EditorState {
  doc: RubricDocument;
  readOnly: boolean;
  /** Applies a pure edit (see model/document.ts) to the document, recorded for undo. */
  edit: (change: (doc: RubricDocument) => RubricDocument, options?: EditOptions) => void;
  /** Shows the item at a pointer in the property panel (after adding one, say). */
  select: (pointer: string) => void;
  /** Validation errors and lint warnings by JSON pointer. */
  issues: Map<string, PlacedIssue[]>;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor: used outside an EditorContext provider');
  return state;
}
