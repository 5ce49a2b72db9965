import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { backup, BackupError } from './core/backup/backup';
import { restore } from './core/backup/restore';
import { prepareFilesystem } from './app.factory';
import { type AppConfig, ConfigError, loadConfig, sqliteFileFor } from './config/app-config';
import { CopyError, copyToPostgres } from './core/backup/copy-to-postgres';
import { GovernmentsService, MunicipalityImportError } from './core/governments/governments.service';
import { PopulationService } from './core/progress/population.service';
import { QuestionnaireDefinitionError } from './core/questionnaire/questionnaire-definition.error';
import { dataSourceOptions, openDataSource } from './database/data-source-options';
import { asNumber, rawQuery } from './database/portable-sql';
import { runNationalSeedCli } from './seed/national-seed-cli';

const USAGE = `Usage:
  node dist/cli.js migrate                         run pending database migrations
  node dist/cli.js import-municipalities FILE.csv  add or rename municipalities from a newer IBGE list
  node dist/cli.js import-population FILE.csv      set IBGE population estimates (add --year YYYY if the file does not say)
  node dist/cli.js batch-progress BATCH_ID          follow a certificate batch with a progress bar
  node dist/cli.js seed-national [--governments N] [--seed TEXT] [--reset | --remove]
                                                   deterministic national data: every government, editions 2020-2024
  node dist/cli.js backup DIR                      consistent copy of the database and DATA_DIR's files (the engine may run)
  node dist/cli.js restore DIR [--force]           put a backup back, checked against its manifest (stop the engine first;
                                                   --force replaces a database and files already there)
  node dist/cli.js copy-to-postgres URL [--force]  move this deployment's SQLite data to PostgreSQL (postgres://…), then
                                                   count every table on both sides (stop the engine first)`;

async function main(args: string[]): Promise<void> {
  const config = loadConfig();
  prepareFilesystem(config);
  switch (args[0]) {
    case 'migrate': {
      const ds = await new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false }).initialize();
      const ran = await ds.runMigrations({ transaction: 'each' });
      console.log(
        ran.length > 0 ? `Migrations run: ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date.',
      );
      await ds.destroy();
      return;
    }
    case 'import-municipalities': {
      if (!args[1]) throw new Error(USAGE);
      const text = readFileSync(args[1], 'utf8');
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
      try {
        const summary = await app.get(GovernmentsService).importMunicipalityCsv(text, basename(args[1]));
        console.log(
          `Imported ${basename(args[1])}: ${summary.added.length} added, ${summary.renamed.length} renamed, ${summary.unchanged} unchanged.`,
        );
        for (const g of summary.added) console.log(`  + ${g.ibgeCode} ${g.name} (${g.uf})`);
        for (const r of summary.renamed) console.log(`  ~ ${r.ibgeCode} ${r.from} -> ${r.to}`);
      } finally {
        await app.close();
      }
      return;
    }
    case 'import-population': {
      const file = args[1];
      const yearAt = args.indexOf('--year');
      const year = yearAt > 0 ? Number(args[yearAt + 1]) : undefined;
      if (!file || file === '--year' || (year !== undefined && !Number.isInteger(year))) throw new Error(USAGE);
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
      try {
        const s = await app
          .get(PopulationService)
          .importPopulationCsv(readFileSync(file, 'utf8'), basename(file), { year });
        console.log(
          `Imported ${basename(file)} (${s.layout}, estimates of ${s.year}): ${s.updated} updated, ${s.unchanged} unchanged, ${s.notes.length} note line(s) skipped; ${s.withoutPopulation} government(s) still without population.`,
        );
      } finally {
        await app.close();
      }
      return;
    }
    case 'seed-national': {
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
      try {
        await runNationalSeedCli(
          app,
          args.slice(1),
          config.database.type === 'sqlite' ? config.database.path : undefined,
        );
      } finally {
        await app.close();
      }
      return;
    }
    case 'batch-progress': {
      if (!args[1]) throw new Error(USAGE);
      const ds = await new DataSource({
        ...dataSourceOptions(config.database),
        migrationsRun: false,
        logging: false,
      }).initialize();
      try {
        await followBatch(ds, args[1]);
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'backup': {
      if (!args[1]) throw new Error(USAGE);
      const b = await backup(config, args[1]);
      console.log(
        `Backup in ${b.dir}: database (${b.rows} rows in ${b.tables} tables, schema at ${b.lastMigration}) and ${b.files} files (${b.bytes} bytes), each with its SHA-256 in manifest.json.`,
      );
      return;
    }
    case 'restore': {
      const dir = args.slice(1).find((a) => a !== '--force');
      if (!dir) throw new Error(USAGE);
      const r = await restore(config, dir, args.includes('--force'));
      console.log(
        `Restored the backup of ${r.createdAt}: database (${r.rows} rows, schema at ${r.lastMigration}) at ${sqliteFileFor(config.database, 'restore')} and ${r.files} files under ${config.dataDir}, all matching the manifest.`,
      );
      return;
    }
    case 'copy-to-postgres': {
      const url = args.slice(1).find((a) => a !== '--force');
      if (!url) throw new Error(USAGE);
      await copyCli(config, url, args.includes('--force'));
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

/** Copies the configured SQLite database into the PostgreSQL one at `url` and prints the counts of both. */
async function copyCli(config: AppConfig, url: string, force: boolean): Promise<void> {
  const source = sqliteFileFor(config.database, 'copy-to-postgres');
  const target = loadConfig({ ...process.env, DATABASE_URL: url }).database;
  if (target.type !== 'postgres') throw new CopyError(`copy-to-postgres needs a postgres:// address, got "${url}"`);
  const ds = await openDataSource(dataSourceOptions(target));
  try {
    const report = await copyToPostgres(source, ds, { force });
    for (const t of report.tables) console.log(`  ${t.table.padEnd(32)} ${String(t.source).padStart(9)} ${t.target}`);
    console.log(
      `Copied ${report.rows} rows in ${report.tables.length} tables from ${source}; every table counts the same on both sides (schema at ${report.lastMigration}).`,
    );
  } finally {
    await ds.destroy();
  }
}

/** Prints a progress bar (done / total / failed) until the batch finishes. */
async function followBatch(ds: DataSource, id: string): Promise<void> {
  const width = 40;
  for (;;) {
    const [batch] = await rawQuery<{ status: string; edition_year: number }>(
      ds,
      'SELECT status, edition_year FROM certificate_batches WHERE id = ?',
      [id],
    );
    if (!batch) throw new Error(`No batch ${id}`);
    const counts = await rawQuery<{ status: string; n: number | string }>(
      ds,
      'SELECT status, COUNT(*) AS n FROM certificate_batch_items WHERE batch_id = ? GROUP BY status',
      [id],
    );
    const n = (s: string) => asNumber(counts.find((c) => c.status === s)?.n);
    const total = counts.reduce((sum, c) => sum + asNumber(c.n), 0);
    const settled = n('issued') + n('failed');
    const filled = total === 0 ? width : Math.round((settled / total) * width);
    const line = `Selo ${batch.edition_year} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n('issued')}/${total} emitidos, ${n('failed')} com falha`;
    process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
    if (batch.status === 'done') {
      if (process.stdout.isTTY) process.stdout.write('\n');
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof QuestionnaireDefinitionError ||
    error instanceof MunicipalityImportError ||
    error instanceof BackupError ||
    error instanceof CopyError;
  console.error(known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.message);
  process.exit(1);
});
