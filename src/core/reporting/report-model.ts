/**
 * The Relatório de Diagnóstico as data: everything the model prints, already worded and formatted in the
 * report's language (pt-BR by default, or English), built from plain inputs (no database, no files), so that
 * what the report says can be tested without rendering it. Texts come from the catalogue; questionnaire
 * labels, recommendations and level names in the report's language. The templates' own fixed texts come
 * from the catalogue too, through the `t` helper and the model's `lang`. One chapter per group comes from
 * `report-chapter.ts`.
 */
import type { MessageKey } from '../i18n/message';
import { levelFor, MATURITY_LEVELS, type MaturityLevelKey } from '../scoring/scoring-policy';
import {
  type ItemCountLabels,
  type ItemCounts,
  type ReportChapter,
  chapterOf,
  countLabels,
  DIMENSION_KEYS,
  LEVEL_COLORS,
  NO_LEVEL_COLOR,
  strengthsInWords,
} from './report-chapter';
import { cssContent, cssString, type Language, NO_SCORE, reportWriter } from './report-format';
import type { ReportGroupInput, ReportInput } from './report-input';
import { progressAcrossEditions } from './report-progress';

export type { ReportGroupInput, ReportInput } from './report-input';
export { answerText, LEVEL_COLORS, strengthsInWords } from './report-chapter';

export interface ReportTocEntry {
  /** The section's anchor; null for a heading that only groups the entries below it. */
  readonly id: string | null;
  readonly title: string;
  readonly sub: boolean;
  page: string;
}

export interface ReportModel {
  /** The report's language: the templates' `t` helper reads it. */
  readonly lang: Language;
  readonly documentTitle: string;
  /** CSS `content` values of the running header, footer and page number. */
  readonly headerCss: string;
  readonly footerCss: string;
  readonly pageCss: string;
  readonly editionYear: number;
  readonly generatedOn: string;
  readonly government: {
    readonly name: string;
    readonly place: string;
    readonly kind: string;
    readonly uf: string;
    readonly stateName: string;
    readonly region: string;
    /** "São Paulo · São Paulo (SP) · Região Sudeste": the cover's line under the name. */
    readonly description: string;
    readonly ibgeCode: string;
    readonly population: string;
    readonly registeredMigrants: string;
  };
  readonly submittedOn: string;
  readonly approvedOn: string;
  readonly people: readonly {
    readonly role: string;
    readonly name: string;
    readonly department: string;
    readonly email: string;
    readonly phone: string;
  }[];
  readonly migrantService: {
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    readonly address: string;
  };
  readonly index: {
    readonly value: string;
    readonly number: number | null;
    readonly level: string;
    readonly levelColor: string;
    readonly meaning: string;
  };
  readonly overview: {
    readonly summary: string;
    readonly strongest: string;
    readonly weakest: string;
    readonly counts: ItemCounts;
    readonly countLabels: ItemCountLabels;
  };
  readonly levels: readonly { readonly label: string; readonly range: string; readonly color: string }[];
  readonly groupList: readonly { readonly number: number; readonly title: string; readonly dimension: string }[];
  readonly chapters: readonly ReportChapter[];
  readonly goodPractices: readonly {
    readonly title: string;
    readonly description: string;
    readonly link: string | null;
    readonly startYear: string | null;
    readonly group: string;
  }[];
  readonly priorities: readonly { readonly group: string; readonly item: string; readonly commitment: string }[];
  readonly previousPriorities: {
    readonly year: number;
    readonly items: readonly {
      readonly group: string;
      readonly item: string;
      readonly commitment: string;
      readonly status: string;
      readonly statusKey: string;
      readonly note: string | null;
    }[];
  } | null;
  readonly progress: {
    readonly hasHistory: boolean;
    readonly years: readonly number[];
    readonly firstYear: number;
    readonly index: { readonly cells: readonly string[]; readonly change: string };
    readonly rows: readonly {
      readonly title: string;
      readonly cells: readonly string[];
      readonly change: string;
      readonly versionNote: string | null;
    }[];
    readonly summary: string;
  };
  readonly toc: ReportTocEntry[];
}

/** What the charts draw; the service turns it into SVG. */
export interface ReportChartData {
  readonly lang: Language;
  readonly scores: readonly { readonly label: string; readonly score: number | null; readonly color: string }[];
  readonly index: number | null;
  readonly progress: {
    readonly categories: readonly string[];
    readonly editions: readonly { readonly year: number; readonly values: readonly (number | null)[] }[];
  } | null;
  readonly trend: readonly { readonly year: number; readonly index: number | null }[] | null;
}

const LEVEL_MEANING: Record<MaturityLevelKey, MessageKey> = {
  initial: 'reporting.level-meaning.initial',
  developing: 'reporting.level-meaning.developing',
  consolidated: 'reporting.level-meaning.consolidated',
  reference: 'reporting.level-meaning.reference',
};

const PROGRESS_STATUS: Readonly<Record<string, MessageKey>> = {
  achieved: 'reporting.progress-status.achieved',
  'in-progress': 'reporting.progress-status.in-progress',
  'not-started': 'reporting.progress-status.not-started',
};

/** IBGE's five regions, as the government records name them. */
const REGIONS: Readonly<Record<string, MessageKey>> = {
  Norte: 'reporting.region.north',
  Nordeste: 'reporting.region.northeast',
  'Centro-Oeste': 'reporting.region.central-west',
  Sudeste: 'reporting.region.southeast',
  Sul: 'reporting.region.south',
};

export function buildReportModel(
  input: ReportInput,
  lang: Language = 'pt-BR',
): { model: ReportModel; charts: ReportChartData } {
  const w = reportWriter(lang);
  const gov = input.government;
  const year = String(input.editionYear);
  const place = gov.kind === 'state' ? `${gov.name}` : `${gov.name} (${gov.uf})`;
  const chapters = input.groups.map((g) => chapterOf(input, g, w));
  const index = input.snapshot.index.index;
  const indexLevel = index === null ? null : levelFor(index, MATURITY_LEVELS);
  const counts = chapters.reduce(
    (sum, c) => ({
      met: sum.met + c.counts.met,
      partial: sum.partial + c.counts.partial,
      missing: sum.missing + c.counts.missing,
      notApplicable: sum.notApplicable + c.counts.notApplicable,
    }),
    { met: 0, partial: 0, missing: 0, notApplicable: 0 },
  );
  const total = counts.met + counts.partial + counts.missing;
  const { strongest, weakest } = strengthsInWords(chapters, w);
  const meaning = indexLevel ? w.t(LEVEL_MEANING[indexLevel.key]) : '';
  const items = w.t('reporting.summary.items', {
    scored: w.counted('reporting.summary.scored', total),
    met: w.counted('reporting.summary.met', counts.met),
    partial: w.counted('reporting.count.partial', counts.partial),
    missing: w.counted('reporting.count.missing', counts.missing),
  });
  const summary =
    index === null
      ? w.t('reporting.summary.no-index', { place, explanation: input.snapshot.index.explanation })
      : `${w.t('reporting.summary.index', { place, index: w.score(index), year, level: indexLevel!.label, meaning })} ` +
        (counts.notApplicable > 0
          ? `${items}; ${w.counted('reporting.summary.not-applicable', counts.notApplicable)}.`
          : `${items}.`);

  const titleOf = (groups: readonly ReportGroupInput[], slug: string) => {
    const g = groups.find((x) => x.slug === slug);
    return g ? `${g.number}. ${g.questionnaire.title[lang]}` : slug;
  };
  const itemOf = (groups: readonly ReportGroupInput[], slug: string, key: string) =>
    groups.find((x) => x.slug === slug)?.questionnaire.items.find((i) => i.key === key)?.label[lang] ?? key;

  const editions = [
    ...input.history.filter((h) => h.year < input.editionYear),
    { year: input.editionYear, snapshot: input.snapshot },
  ];
  const progress = progressAcrossEditions(
    editions,
    input.groups.map((g) => g.slug),
  );
  const hasHistory = progress.years.length > 1;
  const versionsNote = (versions: readonly (number | null)[]) =>
    progress.years
      .map((y, i) =>
        versions[i] === null ? null : w.t('reporting.progress.version-in', { version: versions[i], year: y }),
      )
      .filter((v): v is string => v !== null)
      .join(', ');
  const progressRows = progress.groups.map((row) => ({
    title: titleOf(input.groups, row.slug),
    cells: row.scores.map(w.score),
    change: w.change(row.change),
    versionNote: row.versionChanged
      ? w.t('reporting.progress.version-note', { versions: versionsNote(row.versions) })
      : null,
  }));
  const firstYear = progress.years[0];
  const progressSummary = (): string => {
    if (!hasHistory) return w.t('reporting.progress.first', { place });
    const since = { place, year: String(firstYear) };
    const change = progress.indexChange;
    if (change === null) return w.t('reporting.progress.since', since);
    const last = progress.index.length - 1;
    const compared = {
      ...since,
      previous: String(progress.years[progress.years.length - 2]),
      change: w.score(Math.abs(change)),
      before: w.score(progress.index[last - 1]),
      after: w.score(progress.index[last]),
    };
    if (change === 0) return w.t('reporting.progress.same', compared);
    return w.t(change > 0 ? 'reporting.progress.rose' : 'reporting.progress.fell', compared);
  };

  const people = [
    { role: w.t('reporting.role.focal'), person: input.enrolment.focalPerson },
    ...input.enrolment.substitutes.map((person) => ({ role: w.t('reporting.role.substitute'), person })),
  ].map(({ role, person }) => ({
    role,
    name: person.name,
    department: person.department,
    email: person.email,
    phone: person.phone || NO_SCORE,
  }));

  const population =
    gov.population === null
      ? w.notInformed
      : gov.populationYear
        ? w.t('reporting.info.population-value', {
            count: w.integer(gov.population),
            year: String(gov.populationYear),
          })
        : w.t('reporting.info.population-value-no-year', { count: w.integer(gov.population) });

  const section = (id: string | null, key: MessageKey): ReportTocEntry => ({
    id,
    title: w.t(key),
    sub: false,
    page: '',
  });
  const toc: ReportTocEntry[] = [
    section('informacoes-gerais', 'reporting.section.general'),
    section('sobre-a-plataforma', 'reporting.section.platform'),
    section('como-ler', 'reporting.section.how-to-read'),
    section('diagnostico-geral', 'reporting.section.overview'),
    section('boas-praticas', 'reporting.section.good-practices'),
    section(null, 'reporting.section.groups'),
    ...chapters.map((c) => ({ id: c.id, title: `${c.number}. ${c.title}`, sub: true, page: '' })),
    section('prioridades', 'reporting.section.priorities'),
    section('evolucao', 'reporting.section.progress'),
  ];

  const kind = w.t(
    gov.kind === 'state' && gov.uf === 'DF'
      ? 'reporting.kind.federal-district'
      : gov.kind === 'state'
        ? 'reporting.kind.state'
        : 'reporting.kind.municipality',
  );
  const region = REGIONS[gov.region] ? w.t(REGIONS[gov.region]) : gov.region;
  const model: ReportModel = {
    lang,
    documentTitle: w.t('reporting.document.title', { year, place }),
    headerCss: cssContent(w.t('reporting.document.header'), {}),
    footerCss: cssString(w.t('reporting.document.footer', { year, place })),
    pageCss: cssContent(w.t('reporting.document.page'), { page: 'page', pages: 'pages' }),
    editionYear: input.editionYear,
    generatedOn: w.longDate(input.generatedAt),
    government: {
      name: gov.name,
      place,
      kind,
      uf: gov.uf,
      stateName: gov.stateName,
      region,
      description: w.t('reporting.cover.place', { kind, state: gov.stateName, uf: gov.uf, region }),
      ibgeCode: gov.ibgeCode,
      population,
      registeredMigrants: input.registeredMigrants === null ? w.notInformed : w.integer(input.registeredMigrants),
    },
    submittedOn: w.date(input.submittedAt),
    approvedOn: w.date(input.approvedAt),
    people,
    migrantService: { ...input.enrolment.migrantService },
    index: {
      value: w.score(index),
      number: index,
      level: indexLevel?.label[lang] ?? w.t('reporting.level.no-index'),
      levelColor: indexLevel ? LEVEL_COLORS[indexLevel.key] : NO_LEVEL_COLOR,
      meaning,
    },
    overview: { summary, strongest, weakest, counts, countLabels: countLabels(counts, w) },
    levels: MATURITY_LEVELS.map((l, i) => {
      const next = MATURITY_LEVELS[i + 1]?.from;
      return {
        label: l.label[lang],
        range:
          next === undefined
            ? w.t('reporting.level.range-last', { from: l.from })
            : w.t('reporting.level.range', { from: l.from, to: next }),
        color: LEVEL_COLORS[l.key],
      };
    }),
    groupList: input.groups.map((g) => ({
      number: g.number,
      title: g.questionnaire.title[lang],
      dimension: w.t(DIMENSION_KEYS[g.dimension]),
    })),
    chapters,
    goodPractices: input.goodPractices.map((p) => ({
      title: p.title,
      description: p.description,
      link: p.link,
      startYear: p.startYear === null ? null : String(p.startYear),
      group: titleOf(input.groups, p.groupSlug),
    })),
    priorities: input.priorities.map((p) => ({
      group: titleOf(input.groups, p.groupSlug),
      item: itemOf(input.groups, p.groupSlug, p.itemKey),
      commitment: p.commitment,
    })),
    previousPriorities:
      input.previousPriorities && input.previousPriorities.items.length > 0
        ? {
            year: input.previousPriorities.editionYear,
            items: input.previousPriorities.items.map((p) => {
              const status = p.progressStatus
                ? PROGRESS_STATUS[p.progressStatus]
                : 'reporting.progress-status.not-reported';
              return {
                group: titleOf(input.previousPriorities!.groups, p.groupSlug),
                item: itemOf(input.previousPriorities!.groups, p.groupSlug, p.itemKey),
                commitment: p.commitment,
                status: status ? w.t(status) : (p.progressStatus ?? ''),
                statusKey: p.progressStatus ?? 'not-reported',
                note: p.progressNote,
              };
            }),
          }
        : null,
    progress: {
      hasHistory,
      years: progress.years,
      firstYear,
      index: { cells: progress.index.map(w.score), change: w.change(progress.indexChange) },
      rows: progressRows,
      summary: progressSummary(),
    },
    toc,
  };
  const charts: ReportChartData = {
    lang,
    scores: chapters.map((c) => ({ label: `${c.number}. ${c.title}`, score: c.scoreValue, color: c.levelColor })),
    index,
    progress: hasHistory
      ? {
          categories: progressRows.map((r) => r.title),
          editions: progress.years.map((year, i) => ({ year, values: progress.groups.map((g) => g.scores[i]) })),
        }
      : null,
    trend: hasHistory ? progress.years.map((year, i) => ({ year, index: progress.index[i] })) : null,
  };
  return { model, charts };
}
