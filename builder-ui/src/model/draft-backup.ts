/**
 * A copy of a draft's unsaved edits kept in this browser. The server stores only a valid draft,
 * so edits that do not validate yet (a half-written condition, a required text cleared), or that
 * wait on a conflict or a server out of reach, would be lost with a reload or a closed tab. The
 * editor keeps them here while they are unsaved, offers them back when the draft is opened again,
 * and forgets them once saved or discarded. One copy per rubric version; without React.
 */

/** What is kept: the draft's JSON, the revision it was read at, and when it was kept (ms). */
export interface DraftBackup {
  json: string;
  revision: number;
  at: number;
}

/** Where a rubric version's copy is kept in localStorage. */
export const backupKey = (rubricId: string, version: string): string => `rubric-studio.draft-backup.${rubricId}@${version}`;

/** The copy kept for a version; null when there is none or it is unreadable (then it is removed). */
export function readBackup(storage: Storage, rubricId: string, version: string): DraftBackup | null {
  const key = backupKey(rubricId, version);
  const text = storage.getItem(key);
  if (text === null) return null;
  try {
    const kept = JSON.parse(text) as Partial<DraftBackup>;
    if (typeof kept.json === 'string' && typeof kept.revision === 'number' && typeof kept.at === 'number') {
      JSON.parse(kept.json); // a copy cut short (storage full mid-write) is no copy
      return { json: kept.json, revision: kept.revision, at: kept.at };
    }
  } catch {
    // unreadable: removed below
  }
  storage.removeItem(key);
  return null;
}

/**
 * Keeps `backup`; false when the browser refuses (storage full or disabled), so the editor can
 * say the edits live only in this tab.
 */
export function writeBackup(storage: Storage, rubricId: string, version: string, backup: DraftBackup): boolean {
  try {
    storage.setItem(backupKey(rubricId, version), JSON.stringify(backup));
    return true;
  } catch {
    return false;
  }
}

export function clearBackup(storage: Storage, rubricId: string, version: string): void {
  storage.removeItem(backupKey(rubricId, version));
}

/** The copy worth offering when a draft is opened: one whose document differs from the stored one. */
export function offeredBackup(backup: DraftBackup | null, storedJson: string): DraftBackup | null {
  return backup && backup.json !== storedJson ? backup : null;
}
