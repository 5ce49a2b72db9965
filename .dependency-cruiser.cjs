/**
 * The project's layering, checked with the tests (test/architecture.spec.ts):
 * - the core knows no particular indicator group, nor the web layer above it;
 * - scoring, versioning and (later) certification rules are pure: no Nest, TypeORM, Puppeteer or I/O;
 * - the platform floor (config, database, auth, http, files, audit, ...) imports nothing above it.
 */
const PURE_RULES =
  '^src/core/(scoring/(score-group|score-index|scoring-policy|score-statistics)|questionnaire/(questionnaire[.]parser|answer-validation|visibility|version-chain|questionnaire[.]types|questionnaire-definition[.]error)|governments/ibge-reference|progress/(compare-editions|history|peers|population-csv)|assessment/(assessment-state|assessment[.]types)|auth/role|editions/edition-rules|files/(content-sniffing|content-structure)|http/unstorable-text|certification/(certification-rules|seal-credential|status-list)|reporting/(report-model|report-chapter|report-input|report-progress|report-format)|exports/export-layout)[.]ts$';

const PLATFORM = '^src/(config|database|core/(auth|http|errors|files|audit|i18n|clock|governments))/';
/** The database floor's composition: the schema's history and the list of entities know every table. */
const SCHEMA = '^src/database/(migrations/|data-source-options[.]ts$)';

module.exports = {
  forbidden: [
    {
      name: 'core-knows-no-group',
      comment: 'The core (src/core) must not import an indicator group: groups register themselves.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/indicators/' },
    },
    {
      name: 'pure-rules-stay-pure',
      comment:
        'Scoring, versioning and reference-data rules take plain data: no framework, database, browser or file system.',
      severity: 'error',
      from: { path: PURE_RULES },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|puppeteer|sqlite3)/|^(fs|node:fs|path|node:path|child_process|node:child_process)$',
      },
    },
    {
      name: 'pure-rules-use-pure-rules',
      comment: 'A pure rule may only import other pure rules from the project.',
      severity: 'error',
      from: { path: PURE_RULES },
      to: { path: '^src/', pathNot: [PURE_RULES, '^src/core/i18n/', '[.]json$'] },
    },
    {
      name: 'groups-use-core-only',
      comment: 'An indicator group depends on the core and on itself, never on another group.',
      severity: 'error',
      from: { path: '^src/indicators/([^/]+)/' },
      to: { path: '^src/indicators/', pathNot: ['^src/indicators/$1/'] },
    },
    {
      name: 'platform-knows-no-domain',
      comment:
        'The platform floor (config, auth, http, errors, files, audit, i18n, clock, governments) imports nothing above it: a type it needs (auth needing Role) belongs on its floor.',
      severity: 'error',
      from: { path: PLATFORM, pathNot: SCHEMA },
      to: { path: '^src/', pathNot: [PLATFORM, '[.]json$'] },
    },
    {
      name: 'core-knows-no-web',
      comment: 'The pages (src/web) sit above the core and call its services; the core never imports them.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-uses-services',
      comment: 'Page controllers call the core services, as the API controllers do: no entity, repository or TypeORM.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '[.]entity[.]ts$|(^|/)node_modules/typeorm/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '[.]spec[.]ts$' },
  },
};
