import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { QuestionnaireDefinitionError } from './core/questionnaire/questionnaire-definition.error';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Main').log(
    `MigraCidades engine on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (API docs: /api/docs; database ${config.database.path})`,
  );
}

main().catch((error: unknown) => {
  // Configuration and questionnaire problems are the operator's to fix: say what, without a stack trace.
  const known = error instanceof ConfigError || error instanceof QuestionnaireDefinitionError;
  console.error(known ? `Boot refused. ${(error as Error).message}` : error);
  process.exit(1);
});
