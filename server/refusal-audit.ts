/**
 * Refused (401) and forbidden (403) attempts in the audit log: who, from where, which route,
 * why. Rate-limited so that a flood of bad requests cannot grow the log or keep the disk busy:
 * per caller at most PER_CALLER entries a minute and at most OVERALL in all; what is held back is
 * counted and written as one summary entry when the minute ends.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ServerError } from './errors.ts';
import type { Caller } from './plugins/auth.ts';
import type { AuditDraft, Storage } from './storage/types.ts';

export const REFUSAL_LIMITS = {
  /** Entries per caller (token holder, or address when there is no valid token) and window. */
  perCaller: 10,
  /** Entries in all per window. */
  overall: 100,
  windowMs: 60_000,
} as const;

export interface Refusal {
  /** The token holder, or null when no valid token was sent. */
  caller: Caller | null;
  ip: string;
  /** "METHOD /route/:pattern" as matched. */
  route: string;
  error: ServerError;
}

export class RefusalAudit {
  readonly #storage: Storage;
  readonly #log: FastifyBaseLogger;
  readonly #perCaller = new Map<string, number>();
  #recorded = 0;
  #suppressed = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(storage: Storage, log: FastifyBaseLogger) {
    this.#storage = storage;
    this.#log = log;
    this.#timer = setInterval(() => this.#endWindow(), REFUSAL_LIMITS.windowMs);
    // The window timer must never keep the process alive.
    this.#timer.unref();
  }

  /** Records the attempt unless its caller or everyone is over the limit; never throws, never waits. */
  record(refusal: Refusal): void {
    const who = refusal.caller ? `token:${refusal.caller.actor}` : `ip:${refusal.ip}`;
    const count = (this.#perCaller.get(who) ?? 0) + 1;
    this.#perCaller.set(who, count);
    if (count > REFUSAL_LIMITS.perCaller || this.#recorded >= REFUSAL_LIMITS.overall) {
      this.#suppressed += 1;
      return;
    }
    this.#recorded += 1;
    this.#append({
      actor: refusal.caller?.actor ?? 'anonymous',
      role: refusal.caller?.role ?? 'anonymous',
      action: refusal.error.code === 'UNAUTHORIZED' ? 'access.refused' : 'access.forbidden',
      target: `route:${refusal.route}`,
      reason: refusal.error.message,
      ip: refusal.ip,
    });
  }

  /** Writes the summary of the window that is still open (on shutdown). */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#endWindow();
  }

  async #endWindow(): Promise<void> {
    const suppressed = this.#suppressed;
    this.#perCaller.clear();
    this.#recorded = 0;
    this.#suppressed = 0;
    if (suppressed === 0) return;
    this.#log.warn({ suppressed }, 'refused requests over the audit rate limit');
    await this.#append({
      actor: 'system',
      role: 'system',
      action: 'access.suppressed',
      target: 'route:*',
      reason: `${suppressed} more refused or forbidden attempts in the last minute were not recorded one by one (limits: ${REFUSAL_LIMITS.perCaller} per caller, ${REFUSAL_LIMITS.overall} in all per minute).`,
    });
  }

  async #append(entry: AuditDraft): Promise<void> {
    try {
      await this.#storage.appendAudit(entry);
    } catch (err) {
      // The refusal itself is already answered; a failed log write must not turn it into a 500.
      this.#log.error({ err, entry }, 'could not record a refused attempt in the audit log');
    }
  }
}
