/** Reading the files the CLI is given: a missing or unreadable file is an input error, not a crash. */
import { readFileSync } from 'node:fs';
import { CliError } from './errors.ts';

/** @throws CliError FILE_NOT_READABLE naming the path and the system's reason */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError('FILE_NOT_READABLE', `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, [{ path: '', message: 'check the path' }]);
  }
}
