import { mkdirSync, accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogLevel, Type } from '@nestjs/common';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyServerOptions } from 'fastify';
import { AppModule } from './app.module';
import { type AppConfig, ConfigError } from './config/app-config';
import { projectRoot } from './config/project-root';
import { DomainExceptionFilter } from './core/errors/domain-exception.filter';
import { keepDataPrivate } from './core/files/private-permissions';
import { compressAssets, compressPages } from './core/http/compressed-assets';
import { SiteExceptionFilter } from './web/site-exception.filter';
import { WebExceptionFilter } from './web/web-exception.filter';
import { BODY_LIMITS } from './core/http/body-limits';
import { registerBodyParsers } from './core/http/body-parsers';
import { FrameworkErrors } from './core/http/framework-errors';
import { applyRequestContent } from './core/http/openapi';
import { registerSecurityHeaders } from './core/http/security-headers';
import { createValidationPipe } from './core/http/validation';

/** Creates the folders the engine writes to, or says which one it cannot use. */
export function prepareFilesystem(config: AppConfig): void {
  const sqliteFile = config.database.type === 'sqlite' ? config.database.path : undefined;
  for (const [name, dir] of [
    ['DATA_DIR', config.dataDir],
    ...(sqliteFile ? [['DATABASE_URL', dirname(sqliteFile)] as const] : []),
  ] as const) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (e) {
      throw new ConfigError([
        `${name}: cannot create or write to ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      ]);
    }
  }
  keepDataPrivate(config.dataDir, sqliteFile);
  try {
    accessSync(config.assessmentsDir, constants.R_OK);
  } catch {
    throw new ConfigError([`ASSESSMENTS_DIR: cannot read ${config.assessmentsDir}`]);
  }
}

/**
 * Fastify takes a list of proxies as a comma-separated string. A number of hops becomes proxy-addr's own
 * hop rule (believe the nearest N addresses), which Fastify 5.12 no longer applies to a plain number.
 */
const toFastifyTrustProxy = ({ trustProxy }: AppConfig): FastifyServerOptions['trustProxy'] => {
  if (typeof trustProxy === 'boolean') return trustProxy;
  if (typeof trustProxy === 'number') return (_address: string, hop: number) => hop < trustProxy;
  return trustProxy.join(',');
};

/** LOG_LEVEL: silent, error, warn or log (the default). */
function loggerLevels(level = 'log'): false | LogLevel[] {
  const order: LogLevel[] = ['error', 'warn', 'log'];
  return level === 'silent' ? false : order.slice(0, Math.max(1, order.indexOf(level as LogLevel) + 1));
}

/**
 * The pages' static files, from this server only (a municipal network may block CDNs): our own under
 * /assets/, the design system, its icons and its fallback font under /assets/vendor/ from node_modules.
 */
async function serveAssets(app: NestFastifyApplication): Promise<void> {
  const root = projectRoot();
  const modules = join(root, 'node_modules');
  const folders: [string, string][] = [
    ['/assets/vendor/govbr-ds/', join(modules, '@govbr-ds/core/dist')],
    ['/assets/vendor/fontawesome/', join(modules, '@fortawesome/fontawesome-free')],
    ['/assets/vendor/raleway/', join(modules, '@fontsource/raleway')],
    ['/assets/web/', join(root, 'assets')],
  ];
  compressAssets(app.getHttpAdapter().getInstance(), '/assets/');
  compressPages(app.getHttpAdapter().getInstance());
  for (const [i, [prefix, dir]] of folders.entries()) {
    await app.register(fastifyStatic, { root: dir, prefix, decorateReply: i === 0, index: false, maxAge: '1d' });
  }
}

/** The whole HTTP application, as `main.ts` runs it and as the e2e tests boot it. */
export async function createApp(config: AppConfig, groups?: readonly Type[]): Promise<NestFastifyApplication> {
  prepareFilesystem(config);
  const frameworkErrors = new FrameworkErrors(config);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMITS.bytes,
    // Behind a proxy (TRUST_PROXY), `request.ip` and `request.protocol` are the client's, not the proxy's.
    trustProxy: toFastifyTrustProxy(config),
    frameworkErrors: frameworkErrors.handle,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, groups), adapter, {
    logger: loggerLevels(process.env.LOG_LEVEL),
    abortOnError: false,
  });
  registerSecurityHeaders(app.getHttpAdapter().getInstance(), config);
  app.getHttpAdapter().getInstance().addHook('onRequest', frameworkErrors.refuseNul);
  registerBodyParsers(app);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 3, fields: 20, fieldSize: 256 * 1024 },
  });
  await serveAssets(app);
  app.useGlobalPipes(createValidationPipe());
  const site = new SiteExceptionFilter(new DomainExceptionFilter(), app.get(WebExceptionFilter));
  app.useGlobalFilters(site);
  frameworkErrors.answerWith((exception, host) => site.beforeRoute(exception, host));
  const document = applyRequestContent(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('MigraCidades engine')
        .setDescription(
          'Diagnóstico, revisão e certificação da governança migratória local / Local migration governance diagnosis, review and certification',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  try {
    await app.init();
  } catch (e) {
    // A refused boot lets go of the database (a PostgreSQL pool would keep the process alive).
    await app.close().catch(() => undefined);
    throw e;
  }
  return app;
}
