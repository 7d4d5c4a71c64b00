/** The copy of unsaved builder edits kept in the browser (builder-ui/src/model/draft-backup.ts). */
import { describe, expect, test } from 'vitest';
import { backupKey, clearBackup, offeredBackup, readBackup, writeBackup } from '../../builder-ui/src/model/draft-backup.ts';

/** localStorage's contract (the browser test uses the real one); `full` refuses writes as a full quota does. */
function memoryStorage(full = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(k, String(v));
    },
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

describe('draft backup', () => {
  test('a kept copy is read back per rubric version, and cleared', () => {
    const storage = memoryStorage();
    const kept = { json: '{"title":{"zh":"草稿"}}', revision: 3, at: 1_700_000_000_000 };
    expect(writeBackup(storage, 'r', '1.1.0', kept)).toBe(true);
    expect(readBackup(storage, 'r', '1.1.0')).toEqual(kept);
    expect(readBackup(storage, 'r', '1.2.0')).toBeNull();
    clearBackup(storage, 'r', '1.1.0');
    expect(readBackup(storage, 'r', '1.1.0')).toBeNull();
  });

  test('an unreadable copy (cut short, or of another shape) is no copy and is removed', () => {
    const storage = memoryStorage();
    storage.setItem(backupKey('r', '1.1.0'), JSON.stringify({ json: '{"title":', revision: 1, at: 1 }));
    expect(readBackup(storage, 'r', '1.1.0')).toBeNull();
    expect(storage.getItem(backupKey('r', '1.1.0'))).toBeNull();
    storage.setItem(backupKey('r', '1.1.0'), '{"json": 5}');
    expect(readBackup(storage, 'r', '1.1.0')).toBeNull();
  });

  test('a copy equal to the stored draft is not offered; a full storage says so', () => {
    const kept = { json: '{"a":1}', revision: 1, at: 1 };
    expect(offeredBackup(kept, '{"a":1}')).toBeNull();
    expect(offeredBackup(kept, '{"a":2}')).toEqual(kept);
    expect(writeBackup(memoryStorage(true), 'r', '1.1.0', kept)).toBe(false);
  });
});
