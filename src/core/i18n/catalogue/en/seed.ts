import type { seed as pt } from '../pt-BR/seed';

/** Messages: loading the national data (command line). */
export const seed: Record<keyof typeof pt, string> = {
  'seed.already-seeded':
    'National data already exists ({count} seeded assessments); use --reset to wipe it and seed again, or --remove to wipe only.',
  'seed.seals-issued':
    '{seals} seal(s) and {items} batch item(s) were issued on seeded assessments: the national data was not removed.',
  'seed.referenced': 'Other records (good practices, for instance) refer to seeded assessments; nothing was removed.',
  'seed.cli.needs-value': '{option} needs a value.',
  'seed.cli.unknown-argument': 'Unknown argument: {arguments}.',
  'seed.cli.positive-count': '{option} must be a positive whole number.',
  'seed.cli.usage': 'Usage: {command}',
  'seed.cli.removed':
    'National data removed: {assessments} assessments, {answers} answers, {priorities} priorities; editions removed: {editions} ({seconds} s).',
  'seed.cli.none': 'none',
  'seed.cli.done':
    'Done in {seconds} s: {assessments} assessments, {answers} answers, {priorities} priorities; {governments} governments × {editions} editions; database of {size} MB.',
  'seed.cli.kept': '{count} existing enrolments (government and edition) were kept as they were.',
  'seed.log.start': 'Seed "{seed}": {governments} governments × {editions} editions ({years}).',
  'seed.log.editions-created': 'Editions created: {years}.',
  'seed.log.progress':
    '  {done}/{total} governments · {assessments} assessments · {answers} answers · {priorities} priorities · {seconds} s',
};
