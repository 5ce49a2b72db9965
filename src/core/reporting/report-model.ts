/**
 * The Relatório de Diagnóstico as data: everything the template prints, already worded and formatted in
 * pt-BR, built from plain inputs (no database, no files), so that what the report says can be tested
 * without rendering it.
 */
import type { EnrolmentRecord, ScoreSnapshot } from '../assessment/assessment.types';
import type { GovernmentKind } from '../governments/ibge-reference';
import type { LocalizedText } from '../i18n/localized-text';
import { type AnswerSet, type AnswerValue, NOT_APPLICABLE, type Questionnaire, type QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { levelFor, MATURITY_LEVELS, type MaturityLevelKey } from '../scoring/scoring-policy';
import {
  counted, cssString, formatChange, formatDate, formatInteger, formatLongDate, formatNumber, formatScore, joinPt, NO_SCORE, NOT_INFORMED,
} from './report-format';
import { type EditionScores, progressAcrossEditions } from './report-progress';

export interface ReportGroupInput {
  readonly slug: string;
  readonly number: number;
  readonly dimension: 'governance' | 'rights-and-services';
  /** The questionnaire version the assessment was answered with. */
  readonly questionnaire: Questionnaire;
  /** The group module's suggestions, by item key. */
  readonly recommendations: Readonly<Record<string, LocalizedText>>;
}

export interface ReportInput {
  readonly government: {
    readonly ibgeCode: string;
    readonly name: string;
    readonly kind: GovernmentKind;
    readonly uf: string;
    readonly stateName: string;
    readonly region: string;
    readonly population: number | null;
    readonly populationYear: number | null;
  };
  readonly editionYear: number;
  /** International migrants in the federal registry (SISMIGRA), when known. */
  readonly registeredMigrants: number | null;
  readonly submittedAt: Date | string | null;
  readonly approvedAt: Date | string | null;
  readonly enrolment: Pick<EnrolmentRecord, 'focalPerson' | 'substitutes' | 'migrantService'>;
  readonly snapshot: ScoreSnapshot;
  /** The assessment's groups, in programme order. */
  readonly groups: readonly ReportGroupInput[];
  /** By group: the answers the scores used (the reviewer's rating where there is one). */
  readonly answers: Readonly<Record<string, AnswerSet>>;
  readonly goodPractices: readonly { readonly groupSlug: string; readonly title: string; readonly description: string; readonly link: string | null; readonly startYear: number | null }[];
  readonly priorities: readonly { readonly groupSlug: string; readonly itemKey: string; readonly commitment: string }[];
  /** The previous edition's priorities, with the progress reported on them in this edition. */
  readonly previousPriorities: {
    readonly editionYear: number;
    readonly groups: readonly ReportGroupInput[];
    readonly items: readonly { readonly groupSlug: string; readonly itemKey: string; readonly commitment: string; readonly progressStatus: string | null; readonly progressNote: string | null }[];
  } | null;
  /** The same government's approved scores in earlier editions. */
  readonly history: readonly EditionScores[];
  readonly generatedAt: Date;
}

export interface ReportItemLine {
  readonly label: string;
  readonly answer: string;
  readonly points: string;
  readonly note: string | null;
  readonly recommendation: string | null;
}

export interface ItemCounts {
  readonly met: number;
  readonly partial: number;
  readonly missing: number;
  readonly notApplicable: number;
}

/** The counts in words, with singular and plural: "1 atendido", "6 atendidos". */
export interface ItemCountLabels {
  readonly met: string;
  readonly partial: string;
  readonly missing: string;
  readonly notApplicable: string;
}

const countLabels = (c: ItemCounts): ItemCountLabels => ({
  met: counted(c.met, 'atendido', 'atendidos'),
  partial: counted(c.partial, 'parcialmente atendido', 'parcialmente atendidos'),
  missing: counted(c.missing, 'não atendido', 'não atendidos'),
  notApplicable: counted(c.notApplicable, 'não se aplica', 'não se aplicam'),
});

export interface ReportChapter {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly heading: string;
  readonly dimension: string;
  readonly description: string | null;
  readonly questionnaireVersion: number;
  readonly score: string;
  readonly scoreValue: number | null;
  readonly level: string;
  readonly levelColor: string;
  readonly counts: ItemCounts;
  readonly countLabels: ItemCountLabels;
  readonly met: readonly ReportItemLine[];
  readonly partial: readonly ReportItemLine[];
  readonly missing: readonly ReportItemLine[];
  readonly notApplicable: readonly ReportItemLine[];
  readonly complementary: readonly { readonly label: string; readonly answer: string }[];
  readonly goodPractices: readonly string[];
  readonly priorities: readonly { readonly item: string; readonly commitment: string }[];
}

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
  readonly people: readonly { readonly role: string; readonly name: string; readonly department: string; readonly email: string; readonly phone: string }[];
  readonly migrantService: { readonly name: string; readonly phone: string; readonly email: string; readonly address: string };
  readonly index: { readonly value: string; readonly number: number | null; readonly level: string; readonly levelColor: string; readonly meaning: string };
  readonly overview: { readonly summary: string; readonly strongest: string; readonly weakest: string; readonly counts: ItemCounts; readonly countLabels: ItemCountLabels };
  readonly levels: readonly { readonly label: string; readonly range: string; readonly color: string }[];
  readonly groupList: readonly { readonly number: number; readonly title: string; readonly dimension: string }[];
  readonly chapters: readonly ReportChapter[];
  readonly goodPractices: readonly { readonly title: string; readonly description: string; readonly link: string | null; readonly startYear: string | null; readonly group: string }[];
  readonly priorities: readonly { readonly group: string; readonly item: string; readonly commitment: string }[];
  readonly previousPriorities: { readonly year: number; readonly items: readonly { readonly group: string; readonly item: string; readonly commitment: string; readonly status: string; readonly statusKey: string; readonly note: string | null }[] } | null;
  readonly progress: {
    readonly hasHistory: boolean;
    readonly years: readonly number[];
    readonly firstYear: number;
    readonly index: { readonly cells: readonly string[]; readonly change: string };
    readonly rows: readonly { readonly title: string; readonly cells: readonly string[]; readonly change: string; readonly versionNote: string | null }[];
    readonly summary: string;
  };
  readonly toc: ReportTocEntry[];
}

/** What the charts draw; the service turns it into SVG. */
export interface ReportChartData {
  readonly scores: readonly { readonly label: string; readonly score: number | null; readonly color: string }[];
  readonly index: number | null;
  readonly progress: { readonly categories: readonly string[]; readonly editions: readonly { readonly year: number; readonly values: readonly (number | null)[] }[] } | null;
  readonly trend: readonly { readonly year: number; readonly index: number | null }[] | null;
}

export const LEVEL_COLORS: Record<MaturityLevelKey, string> = {
  initial: '#c0392b',
  developing: '#e67e22',
  consolidated: '#2e8b57',
  reference: '#0b5394',
};
const NO_LEVEL_COLOR = '#8795a1';

const LEVEL_MEANING: Record<MaturityLevelKey, string> = {
  initial: 'as ações de governança migratória ainda estão começando e há muitos pontos a construir',
  developing: 'já existem ações, mas em boa parte ainda pontuais ou pouco institucionalizadas',
  consolidated: 'há estruturas, normas e serviços estabelecidos na maior parte dos temas avaliados',
  reference: 'o governo reúne práticas sólidas e pode servir de referência para outros governos',
};

const KIND_LABELS: Record<GovernmentKind, string> = { municipality: 'Município', state: 'Estado' };
const DIMENSION_LABELS: Record<ReportGroupInput['dimension'], string> = {
  governance: 'Instituições e governança',
  'rights-and-services': 'Acesso a direitos e serviços',
};
const PROGRESS_STATUS: Record<string, string> = {
  achieved: 'Alcançada',
  'in-progress': 'Em andamento',
  'not-started': 'Não iniciada',
};
const YES_PARTIAL_NO: Record<string, string> = { yes: 'Sim', partial: 'Parcial', no: 'Não', [NOT_APPLICABLE]: 'Não se aplica' };

function levelOf(key: string | null | undefined): { label: string; color: string } {
  const level = MATURITY_LEVELS.find((l) => l.key === key);
  return level ? { label: level.label['pt-BR'], color: LEVEL_COLORS[level.key] } : { label: 'sem pontuação', color: NO_LEVEL_COLOR };
}

/** The answer as the official would read it. */
export function answerText(item: QuestionnaireItem, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Sem resposta';
  if (value === NOT_APPLICABLE) return 'Não se aplica';
  switch (item.type) {
    case 'yes-partial-no':
      return YES_PARTIAL_NO[value as string] ?? String(value);
    case 'single-choice':
      return item.options?.find((o) => o.key === value)?.label['pt-BR'] ?? String(value);
    case 'multiple-choice': {
      const chosen = (value as readonly string[]).map((k) => item.options?.find((o) => o.key === k)?.label['pt-BR'] ?? k);
      return chosen.length > 0 ? chosen.join('; ') : 'Nenhuma das opções';
    }
    case 'number':
      if (typeof value !== 'number') return String(value);
      // A year (an integer bounded to calendar years) is written without a thousands separator.
      if (item.integer && (item.min ?? 0) >= 1900 && (item.max ?? Infinity) <= 2200) return String(value);
      return item.integer ? formatInteger(value) : formatNumber(value);
    case 'text':
      return String(value);
    case 'evidence':
      return typeof value === 'object' && value !== null && 'url' in value ? value.url : 'Documento enviado à plataforma';
  }
}

const points = (p: number | null) => (p === null ? '' : `${formatInteger(p)} de 100 pontos`);

function chapterOf(input: ReportInput, group: ReportGroupInput): ReportChapter {
  const q = group.questionnaire;
  const scored = input.snapshot.groups.find((g) => g.group === group.slug);
  const answers = input.answers[group.slug] ?? {};
  const level = levelOf(scored?.level);
  const met: ReportItemLine[] = [];
  const partial: ReportItemLine[] = [];
  const missing: ReportItemLine[] = [];
  const notApplicable: ReportItemLine[] = [];
  const complementary: { label: string; answer: string }[] = [];
  for (const item of q.items) {
    const s = scored?.items.find((i) => i.key === item.key);
    if (!s || s.status === 'hidden') continue;
    const value = answers[item.key];
    const label = item.label['pt-BR'];
    if (s.status === 'informative') {
      if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) complementary.push({ label, answer: answerText(item, value) });
      continue;
    }
    const recommendation = group.recommendations[item.key]?.['pt-BR'] ?? null;
    if (s.status === 'not-applicable') {
      notApplicable.push({ label, answer: 'Não se aplica', points: '', note: null, recommendation: null });
    } else if (s.counted && (s.points ?? 0) >= 100) {
      met.push({ label, answer: answerText(item, value), points: points(s.points), note: null, recommendation: null });
    } else if (s.counted && (s.points ?? 0) > 0) {
      partial.push({ label, answer: answerText(item, value), points: points(s.points), note: null, recommendation });
    } else if (s.counted) {
      const note = s.status === 'pending-evidence'
        ? 'A resposta é positiva, mas a evidência não foi aceita na revisão: o item conta como 0 até ser comprovado.'
        : s.status === 'unanswered' ? 'Item não respondido: conta como 0.' : null;
      missing.push({ label, answer: answerText(item, value), points: points(s.points ?? 0), note, recommendation });
    }
  }
  const title = q.title['pt-BR'];
  const counts = { met: met.length, partial: partial.length, missing: missing.length, notApplicable: notApplicable.length };
  return {
    id: `grupo-${group.slug}`,
    number: group.number,
    title,
    heading: `Grupo ${group.number} — ${title}`,
    dimension: DIMENSION_LABELS[group.dimension],
    description: q.description?.['pt-BR'] ?? null,
    questionnaireVersion: q.version,
    score: formatScore(scored?.score),
    scoreValue: scored?.score ?? null,
    level: level.label,
    levelColor: level.color,
    counts,
    countLabels: countLabels(counts),
    met, partial, missing, notApplicable, complementary,
    goodPractices: input.goodPractices.filter((p) => p.groupSlug === group.slug).map((p) => p.title),
    priorities: input.priorities.filter((p) => p.groupSlug === group.slug).map((p) => ({
      item: q.items.find((i) => i.key === p.itemKey)?.label['pt-BR'] ?? p.itemKey,
      commitment: p.commitment,
    })),
  };
}

/** "«Acesso à saúde» (92,5)", at most three names, then how many more. */
function namesWithScores(chapters: readonly ReportChapter[]): string {
  const shown = chapters.slice(0, 3).map((c) => `«${c.title}» (${c.score})`);
  const more = chapters.length - shown.length;
  return more > 0 ? `${shown.join(', ')} e mais ${more} grupo${more > 1 ? 's' : ''}` : joinPt(shown);
}

/** The strongest and weakest groups in words (ties named together, never picked arbitrarily). */
export function strengthsInWords(chapters: readonly ReportChapter[]): { strongest: string; weakest: string } {
  const scored = chapters.filter((c) => c.scoreValue !== null);
  if (scored.length === 0) return { strongest: 'Nenhum grupo teve itens pontuáveis nesta edição.', weakest: '' };
  const values = scored.map((c) => c.scoreValue as number);
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (max === min) {
    return { strongest: `Todos os grupos avaliados têm a mesma pontuação (${formatScore(max)}).`, weakest: '' };
  }
  const top = scored.filter((c) => c.scoreValue === max);
  const bottom = scored.filter((c) => c.scoreValue === min);
  return {
    strongest: top.length === 1
      ? `O grupo com melhor resultado é ${namesWithScores(top)}.`
      : `Os grupos com melhor resultado são ${namesWithScores(top)}.`,
    weakest: bottom.length === 1
      ? `O grupo que mais precisa de atenção é ${namesWithScores(bottom)}.`
      : `Os grupos que mais precisam de atenção são ${namesWithScores(bottom)}.`,
  };
}

const levelRange = (from: number, next: number | undefined) => (next === undefined ? `${from} a 100` : `${from} a menos de ${next}`);

export function buildReportModel(input: ReportInput): { model: ReportModel; charts: ReportChartData } {
  const gov = input.government;
  const place = gov.kind === 'state' ? `${gov.name}` : `${gov.name} (${gov.uf})`;
  const chapters = input.groups.map((g) => chapterOf(input, g));
  const index = input.snapshot.index.index;
  const indexLevel = index === null ? null : levelFor(index, MATURITY_LEVELS);
  const counts = chapters.reduce(
    (sum, c) => ({ met: sum.met + c.counts.met, partial: sum.partial + c.counts.partial, missing: sum.missing + c.counts.missing, notApplicable: sum.notApplicable + c.counts.notApplicable }),
    { met: 0, partial: 0, missing: 0, notApplicable: 0 },
  );
  const total = counts.met + counts.partial + counts.missing;
  const { strongest, weakest } = strengthsInWords(chapters);
  const summary = index === null
    ? `${place} não tem Índice MigraCidades nesta edição: ${input.snapshot.index.explanation['pt-BR']}`
    : `${place} obteve o Índice MigraCidades de ${formatScore(index)} na edição ${input.editionYear}, no nível de maturidade ${indexLevel!.label['pt-BR']}: ${LEVEL_MEANING[indexLevel!.key]}. `
      + `Dos ${counted(total, 'item pontuado', 'itens pontuados')}, ${counted(counts.met, 'está plenamente atendido', 'estão plenamente atendidos')}, `
      + `${counted(counts.partial, 'parcialmente atendido', 'parcialmente atendidos')} e ${counted(counts.missing, 'não atendido', 'não atendidos')}`
      + (counts.notApplicable > 0 ? `; ${counted(counts.notApplicable, 'não se aplica', 'não se aplicam')} a este governo.` : '.');

  const titleOf = (groups: readonly ReportGroupInput[], slug: string) => {
    const g = groups.find((x) => x.slug === slug);
    return g ? `${g.number}. ${g.questionnaire.title['pt-BR']}` : slug;
  };
  const itemOf = (groups: readonly ReportGroupInput[], slug: string, key: string) =>
    groups.find((x) => x.slug === slug)?.questionnaire.items.find((i) => i.key === key)?.label['pt-BR'] ?? key;

  const editions = [...input.history.filter((h) => h.year < input.editionYear), { year: input.editionYear, snapshot: input.snapshot }];
  const progress = progressAcrossEditions(editions, input.groups.map((g) => g.slug));
  const hasHistory = progress.years.length > 1;
  const versionsNote = (versions: readonly (number | null)[]) =>
    progress.years.map((y, i) => (versions[i] === null ? null : `v${versions[i]} em ${y}`)).filter((v): v is string => v !== null).join(', ');
  const progressRows = progress.groups.map((row) => ({
    title: titleOf(input.groups, row.slug),
    cells: row.scores.map(formatScore),
    change: formatChange(row.change),
    versionNote: row.versionChanged ? `O questionário deste grupo mudou de versão (${versionsNote(row.versions)}); as pontuações seguem na escala de 0 a 100 e podem ser comparadas.` : null,
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
  ].map(({ role, person }) => ({ role, name: person.name, department: person.department, email: person.email, phone: person.phone || NO_SCORE }));

  const population = gov.population === null
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
    levels: MATURITY_LEVELS.map((l, i) => ({ label: l.label['pt-BR'], range: levelRange(l.from, MATURITY_LEVELS[i + 1]?.from), color: LEVEL_COLORS[l.key] })),
    groupList: input.groups.map((g) => ({ number: g.number, title: g.questionnaire.title['pt-BR'], dimension: DIMENSION_LABELS[g.dimension] })),
    chapters,
    goodPractices: input.goodPractices.map((p) => ({
      title: p.title,
      description: p.description,
      link: p.link,
      startYear: p.startYear === null ? null : String(p.startYear),
      group: titleOf(input.groups, p.groupSlug),
    })),
    priorities: input.priorities.map((p) => ({ group: titleOf(input.groups, p.groupSlug), item: itemOf(input.groups, p.groupSlug, p.itemKey), commitment: p.commitment })),
    previousPriorities: input.previousPriorities && input.previousPriorities.items.length > 0
      ? {
          year: input.previousPriorities.editionYear,
          items: input.previousPriorities.items.map((p) => ({
            group: titleOf(input.previousPriorities!.groups, p.groupSlug),
            item: itemOf(input.previousPriorities!.groups, p.groupSlug, p.itemKey),
            commitment: p.commitment,
            status: p.progressStatus ? PROGRESS_STATUS[p.progressStatus] ?? p.progressStatus : 'Andamento não relatado',
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
      ? { categories: progressRows.map((r) => r.title), editions: progress.years.map((year, i) => ({ year, values: progress.groups.map((g) => g.scores[i]) })) }
      : null,
    trend: hasHistory ? progress.years.map((year, i) => ({ year, index: progress.index[i] })) : null,
  };
  return { model, charts };
}
