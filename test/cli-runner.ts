/** Runs the CLI as `npx rubric` does (the package bin), returning its exit code and output. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const projectRoot = new URL('..', import.meta.url).pathname;

export async function runRubricCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['engine/bin/rubric.js', ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
