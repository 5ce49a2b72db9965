import { existsSync, statSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { message, translate } from '../core/i18n/message';
import { NationalSeedError, refusal, seedNational } from './national-seed';
import { removeNationalSeed } from './national-seed-removal';

const USAGE = message('seed.cli.usage', {
  command: 'node dist/cli.js seed-national [--governments N] [--seed TEXT] [--reset | --remove]',
});

/** `seed-national` for the CLI: parses the arguments, runs, prints the summary and the database size. */
export async function runNationalSeedCli(
  app: INestApplicationContext,
  args: readonly string[],
  databasePath: string | undefined,
): Promise<void> {
  const value = (name: string) => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const v = args[at + 1];
    if (v === undefined || v.startsWith('--'))
      throw new NationalSeedError(refusal(message('seed.cli.needs-value', { option: name }), USAGE));
    return v;
  };
  const known = new Set(['--governments', '--seed', '--reset', '--remove']);
  const unknown = args.filter((a, i) =>
    a.startsWith('--') ? !known.has(a) : !['--governments', '--seed'].includes(args[i - 1]),
  );
  if (unknown.length > 0)
    throw new NationalSeedError(refusal(message('seed.cli.unknown-argument', { arguments: unknown.join(' ') }), USAGE));
  const rawCount = value('--governments');
  const governments = rawCount === undefined ? undefined : Number(rawCount);
  if (governments !== undefined && !(Number.isInteger(governments) && governments > 0))
    throw new NationalSeedError(refusal(message('seed.cli.positive-count', { option: '--governments' }), USAGE));
  if (args.includes('--reset') || args.includes('--remove')) {
    const t0 = performance.now();
    const removed = await removeNationalSeed(app);
    console.log(
      translate('seed.cli.removed', 'pt-BR', {
        assessments: removed.assessments,
        answers: removed.answers,
        priorities: removed.priorities,
        editions: removed.editions.length > 0 ? { list: removed.editions.map(String) } : message('seed.cli.none'),
        seconds: Math.round((performance.now() - t0) / 100) / 10,
      }),
    );
    if (args.includes('--remove')) return;
  }
  const s = await seedNational(app, { seed: value('--seed'), governments, log: (line) => console.log(line) });
  const size = (databasePath ? [databasePath, `${databasePath}-wal`] : [])
    .filter(existsSync)
    .reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    translate('seed.cli.done', 'pt-BR', {
      seconds: Math.round(s.seconds * 10) / 10,
      assessments: s.rows.assessments,
      answers: s.rows.answers,
      priorities: s.rows.priorities,
      governments: s.governments,
      editions: s.editions.length,
      size: Math.round(size / 1024 / 1024),
    }),
  );
  if (s.skipped > 0) console.log(translate('seed.cli.kept', 'pt-BR', { count: s.skipped }));
  console.table({
    assessments: { rows: s.rows.assessments },
    answers: { rows: s.rows.answers },
    priorities: { rows: s.rows.priorities },
    editions: { rows: s.editionsCreated.length },
  });
}
