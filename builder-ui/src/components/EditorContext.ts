/** The rubric being edited, shared by every editing control: the document, how to change it, and its issues. */
import { createContext, useContext } from 'react';
import type { RubricDocument } from '../../../engine/browser.ts';
import type { PlacedIssue } from '../model/issues.ts';

export interface EditorState {
  doc: RubricDocument;
  readOnly: boolean;
  /** Applies a pure edit (see model/document.ts) to the document. */
  edit: (change: (doc: RubricDocument) => RubricDocument) => void;
  /** Validation errors and lint warnings by JSON pointer. */
  issues: Map<string, PlacedIssue[]>;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor: used outside an EditorContext provider');
  return state;
}
