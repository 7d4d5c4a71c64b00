/**
 * Unsaved edits are never lost without a question: while a screen has edits not saved, leaving
 * the page (reload, close, another address) asks the browser's "leave site?" question, and
 * following an in-app link asks to confirm.
 */
import { useEffect } from 'react';

/** Screens with unsaved edits right now. */
let unsaved = 0;

const QUESTION = '有尚未保存的修改，离开后将丢失。确定离开吗？\nYou have unsaved edits; they are lost if you leave. Leave anyway?';

/** Registers a screen's unsaved edits while `active`. */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    unsaved++;
    window.addEventListener('beforeunload', warn);
    return () => {
      unsaved--;
      window.removeEventListener('beforeunload', warn);
    };
  }, [active]);
}

/** True when nothing is unsaved, or the person confirms leaving it. */
export function confirmLeave(): boolean {
  return unsaved === 0 || window.confirm(QUESTION);
}
