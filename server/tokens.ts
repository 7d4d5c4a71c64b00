/**
 * Bearer tokens and their roles. Sources, first found wins: RUBRIC_TOKENS in the environment
 * ("token:role[:name],..."), the file named by TOKENS_FILE, or DATA_DIR/tokens.json, which the
 * first start creates with the documented local tokens. A file entry gives either the token or
 * only its SHA-256 (`tokenSha256`), so that the file need not hold the secret.
 *
 * The server keeps digests only: a token is hashed on arrival and compared with every known
 * digest in constant time, and no token is ever logged or printed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from './access.ts';
import type { Role } from './storage/types.ts';

/** One token (or its digest) and what it may do, as a tokens file or RUBRIC_TOKENS gives it. */
export interface TokenGrant {
  /** The secret itself; or leave it out and give `tokenSha256`. */
  token?: string;
  /** Hex SHA-256 of the token. */
  tokenSha256?: string;
  role: Role;
  /** Who holds it; written to the audit log as the actor. */
  name: string;
}

/** Who a token belongs to, as the server keeps it: no secret, only its digest. */
export interface Credential {
  role: Role;
  name: string;
  digest: Buffer;
}

/** The documented local defaults; the README says how to replace them. */
export const LOCAL_TOKENS: readonly (TokenGrant & { token: string })[] = [
  { token: 'editor-local-token', role: 'editor', name: 'local editor' },
  { token: 'assessor-local-token', role: 'assessor', name: 'local assessor' },
  { token: 'viewer-local-token', role: 'viewer', name: 'local viewer' },
];

const MIN_TOKEN_LENGTH = 12;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export const tokenDigest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

const LOCAL_DIGESTS = LOCAL_TOKENS.map((t) => tokenDigest(t.token));

/** The credentials of grants; the secrets are not kept. */
export function toCredentials(grants: readonly TokenGrant[]): Credential[] {
  return grants.map((g) => ({ role: g.role, name: g.name, digest: g.token !== undefined ? tokenDigest(g.token) : Buffer.from(g.tokenSha256 ?? '', 'hex') }));
}

/**
 * The credential a presented token matches, or undefined. Every credential is compared, with
 * timingSafeEqual, so the time taken says nothing about which or how much of a guess matched.
 */
export function findCredential(credentials: readonly Credential[], token: string): Credential | undefined {
  const digest = tokenDigest(token);
  let found: Credential | undefined;
  for (const credential of credentials) {
    if (timingSafeEqual(credential.digest, digest) && !found) found = credential;
  }
  return found;
}

/** True while any published local default token is accepted: anyone who read the README can sign in. */
export function usesDefaultTokens(credentials: readonly Credential[]): boolean {
  return credentials.some((c) => LOCAL_DIGESTS.some((d) => timingSafeEqual(c.digest, d)));
}

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
  if (!Array.isArray(parsed.tokens) || parsed.tokens.length === 0) throw new Error(`The tokens file ${file} needs {"tokens": [{"token" (or "tokenSha256"), "role", "name"}, ...]}.`);
  const grants = parsed.tokens.map((entry, i) => checkGrant(entry as Record<string, unknown>, `${file} tokens[${i}]`));
  return { grants, source: file };
}

function checkGrant(entry: Record<string, unknown>, where: string): TokenGrant {
  const { token, tokenSha256, role, name } = entry;
  if (!ROLES.includes(role as Role)) throw new Error(`${where}: "role" must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}.`);
  const holder = typeof name === 'string' && name ? name : String(role);
  if (token === undefined && typeof tokenSha256 === 'string') {
    if (!SHA256_HEX.test(tokenSha256)) throw new Error(`${where}: "tokenSha256" must be 64 lower-case hex digits (e.g. from \`printf %s "$TOKEN" | sha256sum\`).`);
    return { tokenSha256, role: role as Role, name: holder };
  }
  if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new Error(`${where}: "token" must be a string of at least ${MIN_TOKEN_LENGTH} characters without spaces (or give "tokenSha256" instead).`);
  }
  return { token, role: role as Role, name: holder };
}
