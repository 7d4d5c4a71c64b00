/**
 * Bearer tokens and their roles. Sources, first found wins: RUBRIC_TOKENS in the environment
 * ("token:role[:name],..."), the file named by TOKENS_FILE, or DATA_DIR/tokens.json, which the
 * first start creates with the documented local tokens.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from './storage/types.ts';

/** One token and what it may do. */
export interface TokenGrant {
  token: string;
  role: Role;
  /** Who holds it; written to the audit log as the actor. */
  name: string;
}

export const ROLES: readonly Role[] = ['editor', 'assessor', 'viewer'];

/** The documented local defaults; the README says how to replace them. */
export const LOCAL_TOKENS: readonly TokenGrant[] = [
  { token: 'editor-local-token', role: 'editor', name: 'local editor' },
  { token: 'assessor-local-token', role: 'assessor', name: 'local assessor' },
  { token: 'viewer-local-token', role: 'viewer', name: 'local viewer' },
];

const MIN_TOKEN_LENGTH = 12;

/**
 * Reads the tokens the server accepts and says where they came from.
 * @throws Error naming the source and the entry when a token or role is malformed
 */
export function resolveTokens(dataDir: string, env: NodeJS.ProcessEnv = process.env): { grants: TokenGrant[]; source: string } {
  if (env.RUBRIC_TOKENS?.trim()) {
    const grants = env.RUBRIC_TOKENS.split(',').map((entry, i) => {
      const [token = '', role = '', ...name] = entry.trim().split(':');
      return checkGrant({ token, role, name: name.join(':') || `${role} ${i + 1}` }, `RUBRIC_TOKENS entry ${i + 1}`);
    });
    return { grants, source: 'RUBRIC_TOKENS' };
  }
  const file = env.TOKENS_FILE || join(dataDir, 'tokens.json');
  if (!existsSync(file)) {
    if (env.TOKENS_FILE) throw new Error(`TOKENS_FILE ${file} does not exist.`);
    // Owner-only: the file holds secrets.
    writeFileSync(file, `${JSON.stringify({ tokens: LOCAL_TOKENS }, null, 2)}\n`, { mode: 0o600 });
  }
  let parsed: { tokens?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The tokens file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed.tokens) || parsed.tokens.length === 0) throw new Error(`The tokens file ${file} needs {"tokens": [{"token", "role", "name"}, ...]}.`);
  const grants = parsed.tokens.map((entry, i) => checkGrant(entry as Record<string, unknown>, `${file} tokens[${i}]`));
  return { grants, source: file };
}

function checkGrant(entry: Record<string, unknown>, where: string): TokenGrant {
  const { token, role, name } = entry;
  if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new Error(`${where}: "token" must be a string of at least ${MIN_TOKEN_LENGTH} characters without spaces.`);
  }
  if (!ROLES.includes(role as Role)) throw new Error(`${where}: "role" must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}.`);
  return { token, role: role as Role, name: typeof name === 'string' && name ? name : String(role) };
}
