/**
 * buildApp: the whole HTTP application, ready for `listen` (server/main.ts) or `inject` (tests).
 * It reads the deployment profile, opens the storage (the data directory's lowdb file, taking its
 * lock, or the PostgreSQL database of `databaseUrl`), registers the plugins and the route plugins,
 * and seeds the examples when the store was just created.
 */
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { issue, type MessageText } from '../engine/index.ts';
import { type ErrorCode, errorBody, ServerError } from './errors.ts';
import { REQUEST_MESSAGES } from './messages.ts';
import { registerPublic } from './access.ts';
import { canonicalUrl } from './canonical-path.ts';
import { apiDocsPlugin } from './plugins/api-docs.ts';
import { authPlugin } from './plugins/auth.ts';
import { builderUiPlugin, inlineScriptSources, uiPageFallback } from './plugins/builder-ui.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { buildRequestValidator } from './request-validation.ts';
import { deploymentSchemas, readDeployment, storeDefaultDeployment } from './deployment.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { deploymentRoutes } from './routes/deployment.ts';
import { supplementRoutes } from './routes/supplements.ts';
import { auditRoutes } from './routes/audit.ts';
import { communityRoutes } from './routes/communities.ts';
import { comparisonRoutes } from './routes/comparisons.ts';
import { previewRoutes } from './routes/preview.ts';
import { rubricRoutes } from './routes/rubrics.ts';
import { addSharedSchemas } from './schemas.ts';
import { seedExamples } from './seed.ts';
import { openLowdbStorage } from './storage/lowdb-storage.ts';
import { openPostgresStorage } from './storage/postgres-storage.ts';
import { RefusalAudit } from './refusal-audit.ts';
import { revisionsPlugin } from './revisions.ts';
import { sessionRoutes } from './routes/session.ts';
import { resolveTokens, type TokenGrant, toCredentials, usesDefaultTokens } from './tokens.ts';

export interface AppOptions {
  /** Directory of the data file, its lock and (by default) tokens.json; with a database, of tokens.json and deployment.json only. */
  dataDir: string;
  /** A PostgreSQL URL (DATABASE_URL): records are stored there instead of the data directory's lowdb file. */
  databaseUrl?: string;
  /** Accepted tokens; by default from RUBRIC_TOKENS, TOKENS_FILE or DATA_DIR/tokens.json. */
  tokens?: TokenGrant[];
  logger?: FastifyServerOptions['logger'];
  /** The built builder UI (builder-ui/dist). */
  uiDir?: string;
  /** Examples folder seeded on first start (main passes examples/); nothing is seeded without it. */
  seedFrom?: string;
  /** Other HTTP limits than HTTP_LIMITS (tests use a short request timeout). */
  httpLimits?: Partial<HttpLimits>;
  /** The impact worker module (main passes it, source or built): impact analyses then use every core; without it, the request's thread. */
  impactWorker?: URL;
  /** Assessments an impact analysis scores at a time (IMPACT_BATCH unless given). */
  impactBatch?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** True while the published local default tokens are accepted (main.ts warns, the UI shows a banner). */
    defaultTokens: boolean;
  }
}

/** Limits of every request; the README lists them. */
export const HTTP_LIMITS = {
  /** Largest request body (rubric documents have their own, smaller limits in the engine). */
  bodyLimit: 1024 * 1024,
  /** A connection must send its request within this time. */
  connectionTimeout: 10_000,
  /** A request must be received entirely within this time. */
  requestTimeout: 30_000,
  /** Idle keep-alive connections close after this time. */
  keepAliveTimeout: 5_000,
} as const;

export type HttpLimits = Record<keyof typeof HTTP_LIMITS, number>;

/**
 * How often Node checks the request timeout. Its default (30 s) let a 30 s timeout fire only
 * after 30–60 s.
 */
const TIMEOUT_CHECK_INTERVAL = 1_000;

/**
 * Errors Node's HTTP parser meets before any route runs (a slow request, oversized headers,
 * broken HTTP), answered in the catalogue's shape, which Fastify's default handler does not use.
 */
function answerClientError(limits: HttpLimits, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, text, fix]: [ErrorCode, MessageText, MessageText] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['REQUEST_TIMEOUT', REQUEST_MESSAGES.requestTimedOut(limits.requestTimeout / 1000), REQUEST_MESSAGES.sendInTime()]
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? ['MALFORMED_REQUEST', REQUEST_MESSAGES.headersTooLarge(), REQUEST_MESSAGES.sendWellFormed()]
        : ['MALFORMED_REQUEST', REQUEST_MESSAGES.notHttp(), REQUEST_MESSAGES.sendWellFormed()];
  const answer = errorBody(code, text.en, [issue('', fix)], text);
  const { statusCode, error } = answer;
  const body = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${statusCode} ${error}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/**
 * Node's request timeout covers the headers only once a route has started reading a body, so a
 * body that stalls would hold its connection until the idle timeout. This answers 408 when the
 * body has not arrived `timeout` after the headers, and closes the connection.
 */
function cutOffSlowBodies(app: FastifyInstance, timeout: number): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.complete) return done();
    const timer = setTimeout(() => {
      if (request.raw.complete || reply.sent) return;
      reply.header('connection', 'close');
      reply.send(new ServerError('REQUEST_TIMEOUT', REQUEST_MESSAGES.bodyTimedOut(timeout / 1000), [issue('', REQUEST_MESSAGES.sendWholeBody())]));
    }, timeout);
    timer.unref();
    const stop = (): void => clearTimeout(timer);
    request.raw.once('end', stop);
    request.raw.once('close', stop);
    done();
  });
}

/**
 * The connection timeout is for clients that go quiet; once a request has arrived whole, the
 * server's own work is no such silence: an impact analysis over 100,000 stored assessments takes
 * seconds, and its answer must not be cut off. (Node re-arms the keep-alive timeout after the answer.)
 */
function sparePendingAnswers(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    // Injected requests (app.inject) have a stand-in socket without timeouts.
    request.raw.socket?.setTimeout?.(0);
    done();
  });
}

/**
 * Builds the application on `dataDir`.
 * @throws ServerError DATA_DIR_LOCKED when another server holds the data directory, DEPLOYMENT_INVALID when its deployment.json is bad,
 *   INTERNAL when the database cannot be reached
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Read before the data file is opened: a bad profile stops the start with nothing written.
  const deployment = readDeployment(options.dataDir);
  const { profile } = deployment;
  // Several servers may share one database, so it takes no data-directory lock.
  const storage = options.databaseUrl ? await openPostgresStorage(options.databaseUrl) : await openLowdbStorage(options.dataDir);
  try {
    storeDefaultDeployment(deployment);
    const credentials = toCredentials(options.tokens ?? resolveTokens(options.dataDir).grants);
    const defaultTokens = usesDefaultTokens(credentials);
    const limits: HttpLimits = { ...HTTP_LIMITS, ...options.httpLimits };
    const app = Fastify({
      logger: options.logger ?? false,
      ...limits,
      http: { connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL, limits.requestTimeout) },
      clientErrorHandler: (err, socket) => answerClientError(limits, err, socket),
      // Every spelling of a path reaches the same route (and so the same access rule).
      rewriteUrl: (request) => canonicalUrl(request.url ?? '/'),
      routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
      schemaController: { compilersFactory: { buildValidator: buildRequestValidator } },
    });
    addSharedSchemas(app, deploymentSchemas(profile));
    cutOffSlowBodies(app, limits.requestTimeout);
    sparePendingAnswers(app);
    await app.register(errorsPlugin, { pageFallback: uiPageFallback(options.uiDir) });
    await app.register(jsonBodyPlugin);
    await app.register(securityHeadersPlugin, { scriptSources: inlineScriptSources(options.uiDir) });
    const refusals = new RefusalAudit(storage, app.log);
    await app.register(authPlugin, { credentials, refusals });
    await app.register(revisionsPlugin);
    await app.register(apiDocsPlugin);
    await registerPublic(app, async (child) => {
      await child.register(builderUiPlugin, { uiDir: options.uiDir });
    });
    await app.register(sessionRoutes, { defaultTokens });
    await app.register(deploymentRoutes, { profile });
    await app.register(rubricRoutes, { storage });
    await app.register(previewRoutes);
    await app.register(communityRoutes, { storage, profile });
    await app.register(assessmentRoutes, { storage, profile });
    await app.register(supplementRoutes, { storage, profile });
    await app.register(auditRoutes, { storage });
    await app.register(comparisonRoutes, { storage, profile, impactWorker: options.impactWorker, impactBatch: options.impactBatch });
    app.addHook('onClose', async () => {
      // The summary of held-back refusals is the last entry written.
      await refusals.close();
      await storage.close();
    });
    app.decorate('defaultTokens', defaultTokens);
    const where = options.databaseUrl ? { database: storage.location } : { dataFile: storage.location };
    app.log.info({ ...where, deployment: deployment.file, subject: profile.subject.label.en, periodKinds: profile.periodKinds.map((k) => k.id) }, 'storage opened');
    if (defaultTokens) {
      app.log.warn('THE PUBLISHED DEFAULT TOKENS ARE ACTIVE: anyone who has read the README can sign in. Replace DATA_DIR/tokens.json or set RUBRIC_TOKENS (see the README).');
    }
    if (storage.created && options.seedFrom) {
      const seeded = await seedExamples(storage, options.seedFrom, app.log, profile);
      app.log.info(seeded, 'first start: examples seeded');
    }
    return app;
  } catch (err) {
    await storage.close();
    throw err;
  }
}
