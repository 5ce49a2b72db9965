import { existsSync, statSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NationalSeedError, seedNational } from './national-seed';
import { removeNationalSeed } from './national-seed-removal';

const CLI_USAGE = 'Uso / usage: node dist/cli.js seed-national [--governments N] [--seed TEXTO] [--reset | --remove]';

/** `seed-national` for the CLI: parses the arguments, runs, prints the summary and the database size. */
export async function runNationalSeedCli(
  app: INestApplicationContext,
  args: readonly string[],
  databasePath: string,
): Promise<void> {
  const value = (name: string) => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const v = args[at + 1];
    if (v === undefined || v.startsWith('--'))
      throw new NationalSeedError(`${name} precisa de um valor / needs a value. ${CLI_USAGE}`);
    return v;
  };
  const known = new Set(['--governments', '--seed', '--reset', '--remove']);
  const unknown = args.filter((a, i) =>
    a.startsWith('--') ? !known.has(a) : !['--governments', '--seed'].includes(args[i - 1]),
  );
  if (unknown.length > 0)
    throw new NationalSeedError(`Argumento desconhecido / unknown argument: ${unknown.join(' ')}. ${CLI_USAGE}`);
  const rawCount = value('--governments');
  const governments = rawCount === undefined ? undefined : Number(rawCount);
  if (governments !== undefined && !(Number.isInteger(governments) && governments > 0))
    throw new NationalSeedError(
      `--governments deve ser um inteiro positivo / must be a positive whole number. ${CLI_USAGE}`,
    );
  if (args.includes('--reset') || args.includes('--remove')) {
    const t0 = performance.now();
    const removed = await removeNationalSeed(app);
    console.log(
      `Dados nacionais apagados: ${removed.assessments} avaliações, ${removed.answers} respostas, ${removed.priorities} prioridades; edições removidas: ${removed.editions.join(', ') || 'nenhuma'} (${((performance.now() - t0) / 1000).toFixed(1)} s).`,
    );
    if (args.includes('--remove')) return;
  }
  const s = await seedNational(app, { seed: value('--seed'), governments, log: (line) => console.log(line) });
  const size = [databasePath, `${databasePath}-wal`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `Pronto em ${s.seconds.toFixed(1)} s: ${s.rows.assessments} avaliações, ${s.rows.answers} respostas, ${s.rows.priorities} prioridades; ${s.governments} governos × ${s.editions.length} edições${s.skipped > 0 ? ` (${s.skipped} já inscritos, mantidos)` : ''}; banco ${(size / 1024 / 1024).toFixed(0)} MB.`,
  );
  console.table({
    assessments: { rows: s.rows.assessments },
    answers: { rows: s.rows.answers },
    priorities: { rows: s.rows.priorities },
    editions: { rows: s.editionsCreated.length },
  });
}
