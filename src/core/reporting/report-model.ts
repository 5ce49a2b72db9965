/**
 * The Relatório de Diagnóstico as data: everything the template prints, already worded and formatted in
 * pt-BR, built from plain inputs (no database, no files), so that what the report says can be tested
 * without rendering it. One chapter per group comes from `report-chapter.ts`.
 */
import type { GovernmentKind } from '../governments/ibge-reference';
import { levelFor, MATURITY_LEVELS, type MaturityLevelKey } from '../scoring/scoring-policy';
import {
  type ItemCountLabels,
  type ItemCounts,
  type ReportChapter,
  chapterOf,
  countLabels,
  DIMENSION_LABELS,
  LEVEL_COLORS,
  NO_LEVEL_COLOR,
  strengthsInWords,
} from './report-chapter';
import {
  counted,
  cssString,
  formatChange,
  formatDate,
  formatInteger,
  formatLongDate,
  formatScore,
  NO_SCORE,
  NOT_INFORMED,
} from './report-format';
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
  readonly documentTitle: string;
  readonly footerCss: string;
  readonly editionYear: number;
  readonly generatedOn: string;
  readonly government: {
    readonly name: string;
    readonly place: string;
    readonly kind: string;
    readonly uf: string;
    readonly stateName: string;
    readonly region: string;
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
  readonly scores: readonly { readonly label: string; readonly score: number | null; readonly color: string }[];
  readonly index: number | null;
  readonly progress: {
    readonly categories: readonly string[];
    readonly editions: readonly { readonly year: number; readonly values: readonly (number | null)[] }[];
  } | null;
  readonly trend: readonly { readonly year: number; readonly index: number | null }[] | null;
}

const LEVEL_MEANING: Record<MaturityLevelKey, string> = {
  initial: 'as ações de governança migratória ainda estão começando e há muitos pontos a construir',
  developing: 'já existem ações, mas em boa parte ainda pontuais ou pouco institucionalizadas',
  consolidated: 'há estruturas, normas e serviços estabelecidos na maior parte dos temas avaliados',
  reference: 'o governo reúne práticas sólidas e pode servir de referência para outros governos',
};

const KIND_LABELS: Record<GovernmentKind, string> = { municipality: 'Município', state: 'Estado' };
const PROGRESS_STATUS: Record<string, string> = {
  achieved: 'Alcançada',
  'in-progress': 'Em andamento',
  'not-started': 'Não iniciada',
};
const levelRange = (from: number, next: number | undefined) =>
  next === undefined ? `${from} a 100` : `${from} a menos de ${next}`;

export function buildReportModel(input: ReportInput): { model: ReportModel; charts: ReportChartData } {
  const gov = input.government;
  const place = gov.kind === 'state' ? `${gov.name}` : `${gov.name} (${gov.uf})`;
  const chapters = input.groups.map((g) => chapterOf(input, g));
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
  const { strongest, weakest } = strengthsInWords(chapters);
  const summary =
    index === null
      ? `${place} não tem Índice MigraCidades nesta edição: ${input.snapshot.index.explanation['pt-BR']}`
      : `${place} obteve o Índice MigraCidades de ${formatScore(index)} na edição ${input.editionYear}, no nível de maturidade ${indexLevel!.label['pt-BR']}: ${LEVEL_MEANING[indexLevel!.key]}. ` +
        `Dos ${counted(total, 'item pontuado', 'itens pontuados')}, ${counted(counts.met, 'está plenamente atendido', 'estão plenamente atendidos')}, ` +
        `${counted(counts.partial, 'parcialmente atendido', 'parcialmente atendidos')} e ${counted(counts.missing, 'não atendido', 'não atendidos')}` +
        (counts.notApplicable > 0
          ? `; ${counted(counts.notApplicable, 'não se aplica', 'não se aplicam')} a este governo.`
          : '.');

  const titleOf = (groups: readonly ReportGroupInput[], slug: string) => {
    const g = groups.find((x) => x.slug === slug);
    return g ? `${g.number}. ${g.questionnaire.title['pt-BR']}` : slug;
  };
  const itemOf = (groups: readonly ReportGroupInput[], slug: string, key: string) =>
    groups.find((x) => x.slug === slug)?.questionnaire.items.find((i) => i.key === key)?.label['pt-BR'] ?? key;

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
      .map((y, i) => (versions[i] === null ? null : `v${versions[i]} em ${y}`))
      .filter((v): v is string => v !== null)
      .join(', ');
  const progressRows = progress.groups.map((row) => ({
    title: titleOf(input.groups, row.slug),
    cells: row.scores.map(formatScore),
    change: formatChange(row.change),
    versionNote: row.versionChanged
      ? `O questionário deste grupo mudou de versão (${versionsNote(row.versions)}); as pontuações seguem na escala de 0 a 100 e podem ser comparadas.`
      : null,
  }));
  const firstYear = progress.years[0];
  const progressSummary = !hasHistory
    ? `Esta é a primeira edição com diagnóstico aprovado de ${place} no MigraCidades. A evolução aparecerá nos relatórios das próximas edições.`
    : progress.indexChange === null
      ? `${place} participa do MigraCidades desde ${firstYear}. A tabela mostra o índice e as pontuações de cada grupo em cada edição com diagnóstico aprovado.`
      : `${place} participa do MigraCidades desde ${firstYear}. Em relação à edição ${progress.years[progress.years.length - 2]}, o índice ${progress.indexChange > 0 ? 'subiu' : progress.indexChange < 0 ? 'caiu' : 'manteve-se'}${progress.indexChange !== 0 ? ` ${formatScore(Math.abs(progress.indexChange))} pontos` : ''}, de ${formatScore(progress.index[progress.index.length - 2])} para ${formatScore(progress.index[progress.index.length - 1])}.`;

  const people = [
    { role: 'Ponto focal', person: input.enrolment.focalPerson },
    ...input.enrolment.substitutes.map((person) => ({ role: 'Suplente', person })),
  ].map(({ role, person }) => ({
    role,
    name: person.name,
    department: person.department,
    email: person.email,
    phone: person.phone || NO_SCORE,
  }));

  const population =
    gov.population === null
      ? NOT_INFORMED
      : `${formatInteger(gov.population)} habitantes${gov.populationYear ? ` (IBGE, ${gov.populationYear})` : ' (IBGE)'}`;

  const toc: ReportTocEntry[] = [
    { id: 'informacoes-gerais', title: 'Informações gerais', sub: false, page: '' },
    { id: 'sobre-a-plataforma', title: 'Sobre a plataforma', sub: false, page: '' },
    { id: 'como-ler', title: 'Como ler este relatório', sub: false, page: '' },
    { id: 'diagnostico-geral', title: 'Diagnóstico geral', sub: false, page: '' },
    { id: 'boas-praticas', title: 'Boas práticas', sub: false, page: '' },
    { id: null, title: 'Resultados por grupo de indicadores', sub: false, page: '' },
    ...chapters.map((c) => ({ id: c.id, title: `${c.number}. ${c.title}`, sub: true, page: '' })),
    { id: 'prioridades', title: 'Prioridades escolhidas', sub: false, page: '' },
    { id: 'evolucao', title: 'Evolução entre edições', sub: false, page: '' },
  ];

  const documentTitle = `Relatório de Diagnóstico MigraCidades ${input.editionYear} — ${place}`;
  const model: ReportModel = {
    documentTitle,
    footerCss: cssString(`Relatório de Diagnóstico MigraCidades ${input.editionYear} · ${place}`),
    editionYear: input.editionYear,
    generatedOn: formatLongDate(input.generatedAt),
    government: {
      name: gov.name,
      place,
      kind: gov.kind === 'state' && gov.uf === 'DF' ? 'Distrito Federal' : KIND_LABELS[gov.kind],
      uf: gov.uf,
      stateName: gov.stateName,
      region: gov.region,
      ibgeCode: gov.ibgeCode,
      population,
      registeredMigrants: input.registeredMigrants === null ? NOT_INFORMED : formatInteger(input.registeredMigrants),
    },
    submittedOn: formatDate(input.submittedAt),
    approvedOn: formatDate(input.approvedAt),
    people,
    migrantService: { ...input.enrolment.migrantService },
    index: {
      value: formatScore(index),
      number: index,
      level: indexLevel?.label['pt-BR'] ?? 'sem índice',
      levelColor: indexLevel ? LEVEL_COLORS[indexLevel.key] : NO_LEVEL_COLOR,
      meaning: indexLevel ? LEVEL_MEANING[indexLevel.key] : '',
    },
    overview: { summary, strongest, weakest, counts, countLabels: countLabels(counts) },
    levels: MATURITY_LEVELS.map((l, i) => ({
      label: l.label['pt-BR'],
      range: levelRange(l.from, MATURITY_LEVELS[i + 1]?.from),
      color: LEVEL_COLORS[l.key],
    })),
    groupList: input.groups.map((g) => ({
      number: g.number,
      title: g.questionnaire.title['pt-BR'],
      dimension: DIMENSION_LABELS[g.dimension],
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
            items: input.previousPriorities.items.map((p) => ({
              group: titleOf(input.previousPriorities!.groups, p.groupSlug),
              item: itemOf(input.previousPriorities!.groups, p.groupSlug, p.itemKey),
              commitment: p.commitment,
              status: p.progressStatus
                ? (PROGRESS_STATUS[p.progressStatus] ?? p.progressStatus)
                : 'Andamento não relatado',
              statusKey: p.progressStatus ?? 'not-reported',
              note: p.progressNote,
            })),
          }
        : null,
    progress: {
      hasHistory,
      years: progress.years,
      firstYear,
      index: { cells: progress.index.map(formatScore), change: formatChange(progress.indexChange) },
      rows: progressRows,
      summary: progressSummary,
    },
    toc,
  };
  const charts: ReportChartData = {
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
