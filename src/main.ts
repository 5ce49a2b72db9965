import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { ConfigError, describeDatabase, loadConfig } from './config/app-config';
import { CertificateBatchService } from './core/certification/certificate-batch.service';
import { dialectOf } from './database/dialect';
import { QuestionnaireDefinitionError } from './core/questionnaire/questionnaire-definition.error';
import { PdfRendererService } from './core/rendering/pdf-renderer.service';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

async function main(): Promise<void> {
  const config = loadConfig();
  const shutdownTimeoutMs = shutdownTimeout(process.env.SHUTDOWN_TIMEOUT_MS);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  stopOnSignals(app, shutdownTimeoutMs);
  new Logger('Main').log(
    `MigraCidades engine on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (API docs: /api/docs; database ${describeDatabase(config.database)})`,
  );
}

/** SHUTDOWN_TIMEOUT_MS: how long a graceful stop may take before the process gives up and exits 1 (20 s). */
function shutdownTimeout(raw = '20000'): number {
  const ms = Number(raw);
  if (!/^\d+$/.test(raw) || ms < 1000 || ms > 600_000)
    throw new ConfigError([`SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000, got "${raw}"`]);
  return ms;
}

/**
 * SIGTERM or SIGINT stops the engine in order, so that nothing acknowledged is lost and nothing is left
 * half done: the HTTP server first (in-flight requests finish, idle keep-alive connections close), then
 * the certificate batches (the chunk being recorded finishes; the batch resumes at the next start), then
 * Chromium, then the database (WAL checkpointed, closed). Past the timeout, or on a second signal, it exits
 * at once with 1, saying what was still running.
 */
function stopOnSignals(app: NestFastifyApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let step: string | undefined;
  const stepTo = (name: string) => {
    step = name;
    logger.log(name);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (step !== undefined) {
      logger.warn(`${signal} while stopping: exiting now; still running: ${step}`);
      process.exit(1);
    }
    stepTo(`${signal} received: stopping (at most ${timeoutMs} ms)`);
    setTimeout(() => {
      void describeRunning(app, step).then((running) => {
        logger.error(`Shutdown took longer than ${timeoutMs} ms; still running: ${running}. Exiting.`);
        process.exit(1);
      });
    }, timeoutMs).unref();
    shutDown(app, stepTo).then(
      () => {
        logger.log('Stopped');
        process.exit(0);
      },
      (e: Error) => {
        logger.error(`Shutdown failed while ${step}: ${e.message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
}

async function shutDown(app: NestFastifyApplication, stepTo: (name: string) => void): Promise<void> {
  stepTo('closing the HTTP server: no new connections, finishing the requests in flight');
  await closeHttp(app);
  stepTo('stopping certificate batches after the chunk being recorded');
  const batches = await app.get(CertificateBatchService).stop();
  if (batches.length > 0) stepTo(`certificate batch(es) ${batches.join(', ')} paused; they resume at the next start`);
  stepTo('closing Chromium');
  await app.get(PdfRendererService).close();
  await checkpointSqlite(app.get(DataSource), stepTo);
  stepTo('closing the database and the remaining services');
  await app.close();
}

/** SQLite folds its write-ahead log into the database file; PostgreSQL needs nothing of the kind. */
async function checkpointSqlite(dataSource: DataSource, stepTo: (name: string) => void): Promise<void> {
  if (dialectOf(dataSource) !== 'sqlite') return;
  stepTo('checkpointing the database (WAL)');
  const [result] = (await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy: number; log: number }[];
  if (result?.busy) stepTo('the checkpoint was partial (a reader was busy); closing the database completes it');
}

/** Fastify stops listening and waits for open requests; keep-alive connections idle meanwhile are closed. */
async function closeHttp(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await app.getHttpAdapter().close();
  } finally {
    clearInterval(closeIdle);
  }
}

/** The step under way, with the connections still open when it is the HTTP server's. */
async function describeRunning(app: NestFastifyApplication, step = 'nothing'): Promise<string> {
  if (!step.startsWith('closing the HTTP server')) return step;
  const server = app.getHttpServer() as Server;
  const open = await new Promise<number>((resolve) => server.getConnections((e, n) => resolve(e ? -1 : n)));
  return `${step} (${open} connection(s) still open)`;
}

main().catch((error: unknown) => {
  // Configuration and questionnaire problems are the operator's to fix: say what, without a stack trace.
  const known = error instanceof ConfigError || error instanceof QuestionnaireDefinitionError;
  console.error(known ? `Boot refused. ${(error as Error).message}` : error);
  process.exit(1);
});
