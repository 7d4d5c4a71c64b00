/**
 * buildApp: the whole HTTP application, ready for `listen` (server/main.ts) or `inject` (tests).
 * It opens the data directory (taking its lock), registers the plugins and the route plugins,
 * and seeds the examples when the store was just created.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiDocsPlugin } from './plugins/api-docs.ts';
import { authPlugin } from './plugins/auth.ts';
import { builderUiPlugin, uiPageFallback } from './plugins/builder-ui.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { buildRequestValidator } from './request-validation.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { auditRoutes } from './routes/audit.ts';
import { communityRoutes } from './routes/communities.ts';
import { comparisonRoutes } from './routes/comparisons.ts';
import { previewRoutes } from './routes/preview.ts';
import { rubricRoutes } from './routes/rubrics.ts';
import { addSharedSchemas } from './schemas.ts';
import { seedExamples } from './seed.ts';
import { openLowdbStorage } from './storage/lowdb-storage.ts';
import { resolveTokens, type TokenGrant } from './tokens.ts';

export interface AppOptions {
  /** Directory of the data file, its lock and (by default) tokens.json. */
  dataDir: string;
  /** Accepted tokens; by default from RUBRIC_TOKENS, TOKENS_FILE or DATA_DIR/tokens.json. */
  tokens?: TokenGrant[];
  logger?: FastifyServerOptions['logger'];
  /** The built builder UI (builder-ui/dist). */
  uiDir?: string;
  /** Examples folder seeded on first start (main passes examples/); nothing is seeded without it. */
  seedFrom?: string;
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

/**
 * Builds the application on `dataDir`.
 * @throws RubricStudioError DATA_DIR_LOCKED when another server holds the data directory
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const storage = await openLowdbStorage(options.dataDir);
  try {
    const grants = options.tokens ?? resolveTokens(options.dataDir).grants;
    const app = Fastify({
      logger: options.logger ?? false,
      ...HTTP_LIMITS,
      schemaController: { compilersFactory: { buildValidator: buildRequestValidator } },
    });
    addSharedSchemas(app);
    await app.register(errorsPlugin, { pageFallback: uiPageFallback(options.uiDir) });
    await app.register(jsonBodyPlugin);
    await app.register(securityHeadersPlugin);
    await app.register(authPlugin, { grants });
    await app.register(apiDocsPlugin);
    await app.register(builderUiPlugin, { uiDir: options.uiDir });
    await app.register(rubricRoutes, { storage });
    await app.register(previewRoutes);
    await app.register(communityRoutes, { storage });
    await app.register(assessmentRoutes, { storage });
    await app.register(auditRoutes, { storage });
    await app.register(comparisonRoutes, { storage });
    app.addHook('onClose', () => storage.close());
    app.log.info({ dataFile: storage.location }, 'storage opened');
    if (storage.created && options.seedFrom) {
      const seeded = await seedExamples(storage, options.seedFrom, app.log);
      app.log.info(seeded, 'first start: examples seeded');
    }
    return app;
  } catch (err) {
    await storage.close();
    throw err;
  }
}
