/** Reading the files the CLI is given: a missing or unreadable file is an input error, not a crash. */
import { readFileSync } from 'node:fs';
import { RubricStudioError } from '../errors.ts';

/** @throws RubricStudioError FILE_NOT_READABLE naming the path and the system's reason */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new RubricStudioError('FILE_NOT_READABLE', `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, [{ path: '', message: 'check the path' }]);
  }
}
