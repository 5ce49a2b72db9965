import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { prepareFilesystem } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { GovernmentsService, MunicipalityImportError } from './core/governments/governments.service';
import { QuestionnaireDefinitionError } from './core/questionnaire/questionnaire-definition.error';
import { dataSourceOptions } from './database/data-source-options';

const USAGE = `Usage:
  node dist/cli.js migrate                         run pending database migrations
  node dist/cli.js import-municipalities FILE.csv  add or rename municipalities from a newer IBGE list`;

async function main(args: string[]): Promise<void> {
  const config = loadConfig();
  prepareFilesystem(config);
  switch (args[0]) {
    case 'migrate': {
      const ds = await new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false }).initialize();
      const ran = await ds.runMigrations({ transaction: 'each' });
      console.log(ran.length > 0 ? `Migrations run: ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date.');
      await ds.destroy();
      return;
    }
    case 'import-municipalities': {
      if (!args[1]) throw new Error(USAGE);
      const text = readFileSync(args[1], 'utf8');
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
      try {
        const summary = await app.get(GovernmentsService).importMunicipalityCsv(text, basename(args[1]));
        console.log(`Imported ${basename(args[1])}: ${summary.added.length} added, ${summary.renamed.length} renamed, ${summary.unchanged} unchanged.`);
        for (const g of summary.added) console.log(`  + ${g.ibgeCode} ${g.name} (${g.uf})`);
        for (const r of summary.renamed) console.log(`  ~ ${r.ibgeCode} ${r.from} -> ${r.to}`);
      } finally {
        await app.close();
      }
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof QuestionnaireDefinitionError || error instanceof MunicipalityImportError;
  console.error(known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.message);
  process.exit(1);
});
