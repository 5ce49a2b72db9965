import type { AnswerEntity } from '../core/assessment/answer.entity';
import type { AssessmentEntity } from '../core/assessment/assessment.entity';
import type { AssessmentState } from '../core/assessment/assessment-state';
import type { EnrolmentRecord, ScoreSnapshot } from '../core/assessment/assessment.types';
import type { EditionCalendar } from '../core/editions/edition-rules';
import type { StoredFileRef } from '../core/files/files.service';
import type { QuestionnaireCatalogue } from '../core/questionnaire/questionnaire-catalogue.service';
import type { ReviewService } from '../core/review/review.service';
import type { BulkInsert } from './national-bulk-insert';
import {
  generateGroup,
  governmentProfile,
  type GovernmentLike,
  maturityAt,
  seededUuid,
  unit,
} from './national-profile';

/** Marks what the seed wrote: the enrolment's `enrolledBy` and the answers' `updatedBy`. */
export const SEED_ACTOR_ID = 'seed-national';

export interface Edition {
  readonly year: number;
  readonly calendar: EditionCalendar;
  readonly pinnedVersions: Record<string, number>;
}

export interface Government extends GovernmentLike {
  readonly name: string;
  readonly uf: string;
}

/** As TypeORM stores a Date in SQLite. */
const sqlDate = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
const dayMs = 86_400_000;
/** A deterministic moment between two calendar dates (YYYY-MM-DD), in working hours. */
function between(from: string, to: string, r: number): Date {
  const a = Date.parse(`${from}T00:00:00Z`);
  const days = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - a) / dayMs));
  return new Date(
    a +
      Math.floor(r * (days + 1)) * dayMs +
      (9 + (Math.floor(r * 9973) % 9)) * 3_600_000 +
      (Math.floor(r * 7919) % 60) * 60_000,
  );
}

export interface SeedContext {
  readonly seed: string;
  readonly gov: Government;
  readonly editions: readonly Edition[];
  readonly taken: ReadonlySet<string>;
  /** Item key → its identity across versions (the export column), for one version of a group. */
  readonly columns: (group: string, version: number) => ReadonlyMap<string, string>;
  readonly catalogue: QuestionnaireCatalogue;
  readonly review: ReviewService;
  readonly files: { readonly letter: StoredFileRef; readonly course: StoredFileRef };
}

interface Chosen {
  readonly id: string;
  readonly assessmentId: string;
  readonly group: string;
  readonly key: string;
  readonly identity: string;
  readonly points: number;
  readonly commitment: string;
  readonly createdAt: string;
  progress: { status: string; note: string; reportedIn: string } | null;
}

const PROGRESS_NOTES: Record<string, string> = {
  achieved: 'Meta cumprida: o item passou a ser plenamente atendido.',
  'in-progress': 'Em andamento: houve avanço desde a edição anterior.',
  'not-started': 'Ainda não iniciado; a ação foi reprogramada.',
};

/** The government's assessments in every edition; returns how many editions it already had. */
export async function seedGovernment(
  c: SeedContext,
  out: Record<'assessments' | 'answers' | 'priorities', BulkInsert>,
): Promise<number> {
  const { seed, gov } = c;
  const profile = governmentProfile(seed, gov);
  const chosen: Chosen[] = [];
  let previous: { id: string; priorities: Chosen[] } | null = null;
  let skipped = 0;
  for (const [position, edition] of c.editions.entries()) {
    if (c.taken.has(`${edition.year}/${gov.ibgeCode}`)) {
      skipped += 1;
      continue;
    }
    const label = `${seed}/${gov.ibgeCode}/${edition.year}`;
    const id = seededUuid(`${label}/assessment`);
    const cal = edition.calendar;
    const enrolledAt = between(cal.enrolmentOpens, cal.enrolmentCloses, unit(`${label}/enrolled`));
    const submittedAt = between(cal.enrolmentCloses, cal.diagnosisDeadline, unit(`${label}/submitted`));
    const approvedAt = between(cal.diagnosisDeadline, cal.reviewDeadline, unit(`${label}/approved`));
    const last = position === c.editions.length - 1;
    const state: AssessmentState = unit(`${label}/certified`) < (last ? 0.55 : 0.88) ? 'certified' : 'priorities-set';
    const round = unit(`${label}/round`) < 0.12 ? 2 : 1;
    const maturity = maturityAt(seed, gov, profile, position, edition.year);
    const prioritised = new Set((previous?.priorities ?? []).map((p) => p.identity));

    const rows: Pick<
      AnswerEntity,
      'groupSlug' | 'itemKey' | 'value' | 'evidence' | 'reviewerRating' | 'reviewStatus'
    >[] = [];
    const answerRows: unknown[][] = [];
    const reviewedAt = sqlDate(approvedAt);
    for (const [group, version] of Object.entries(edition.pinnedVersions)) {
      const q = c.catalogue.version(group, version);
      const columns = c.columns(group, version);
      const identity = (key: string) => columns.get(key)!;
      const drawn = generateGroup(q, {
        seed,
        ibgeCode: gov.ibgeCode,
        governmentName: gov.name,
        year: edition.year,
        maturity,
        identity,
        prioritised,
      });
      for (const item of q.items) {
        const value = drawn.answers[item.key];
        if (value === undefined) continue;
        const at = `${label}/${identity(item.key)}`;
        const adjusted = item.type === 'yes-partial-no' && value === 'yes' && unit(`${at}/adjust`) < 0.03;
        const changed = round === 2 && unit(`${at}/changed`) < 0.1 ? 2 : 1;
        // Every positive answer to an item that requires evidence has it (the generator sees to that), so the
        // review's own scoring counts it, as it would after a real submission and review.
        const evidence = drawn.evidence.get(item.key);
        rows.push({
          groupSlug: group,
          itemKey: item.key,
          value,
          evidence: evidence ? [...evidence] : null,
          reviewerRating: adjusted ? 'partial' : null,
          reviewStatus: adjusted ? 'adjusted' : 'accepted',
        });
        answerRows.push([
          id,
          group,
          item.key,
          JSON.stringify(value),
          evidence ? JSON.stringify(evidence) : null,
          changed,
          0,
          changed,
          adjusted ? 'adjusted' : 'accepted',
          adjusted ? JSON.stringify('partial') : null,
          adjusted ? 'A evidência comprova apenas parte do que foi declarado.' : null,
          round,
          SEED_ACTOR_ID,
          reviewedAt,
        ]);
      }
    }
    const snapshot: ScoreSnapshot = {
      ...c.review.snapshot({ versions: edition.pinnedVersions, round } as AssessmentEntity, rows as AnswerEntity[]),
      takenAt: approvedAt.toISOString(),
    };
    const points = new Map(
      snapshot.groups.flatMap((g) => {
        const columns = c.columns(g.group, g.questionnaireVersion);
        return g.items.map((i) => [columns.get(i.key)!, i.points] as const);
      }),
    );

    for (const p of previous?.priorities ?? []) {
      const now = points.get(p.identity);
      if (now === undefined || now === null) continue; // dropped by the new version, or not counted: nothing comparable to report
      const status = now >= 100 ? 'achieved' : now > p.points ? 'in-progress' : 'not-started';
      p.progress = { status, note: PROGRESS_NOTES[status], reportedIn: id };
    }
    const mine = choosePriorities(c, snapshot, edition, id, label, sqlDate(new Date(approvedAt.getTime() + 7 * dayMs)));
    chosen.push(...mine);

    const enrolment: EnrolmentRecord = {
      letterOfIntent: c.files.letter,
      focalPerson: {
        name: `Ponto focal — ${gov.name}`,
        email: `ponto-focal-${gov.ibgeCode}@exemplo.gov.br`,
        phone: '(61) 3000-0000',
        department: 'Secretaria de Direitos Humanos e Cidadania',
      },
      substitutes: [
        {
          name: `Suplente — ${gov.name}`,
          email: `suplente-${gov.ibgeCode}@exemplo.gov.br`,
          department: 'Secretaria de Assistência Social',
        },
      ],
      migrantService: {
        name: 'Centro de Referência para Migrantes',
        phone: '(61) 3000-1000',
        email: `migrantes-${gov.ibgeCode}@exemplo.gov.br`,
        address: `Praça da Matriz, s/n, Centro, ${gov.name} - ${gov.uf}`,
      },
      course: {
        completedAt: between(cal.enrolmentOpens, cal.enrolmentCloses, unit(`${label}/course`))
          .toISOString()
          .slice(0, 10),
        certificate: c.files.course,
      },
      enrolledAt: enrolledAt.toISOString(),
      enrolledBy: SEED_ACTOR_ID,
    };
    const transitions = 5 + (state === 'certified' ? 1 : 0) + (round === 2 ? 3 : 0);
    await out.assessments.add([
      id,
      edition.year,
      gov.ibgeCode,
      state,
      JSON.stringify(edition.pinnedVersions),
      previous?.id ?? null,
      round,
      JSON.stringify(enrolment),
      JSON.stringify(snapshot),
      sqlDate(submittedAt),
      sqlDate(approvedAt),
      1 + transitions,
      sqlDate(enrolledAt),
      sqlDate(state === 'certified' ? new Date(`${cal.certificationDate}T12:00:00Z`) : approvedAt),
    ]);
    for (const row of answerRows) await out.answers.add(row);
    previous = { id, priorities: mine };
  }
  for (const p of chosen) {
    await out.priorities.add([
      p.id,
      p.assessmentId,
      p.group,
      p.key,
      p.commitment,
      p.progress?.status ?? null,
      p.progress?.note ?? null,
      p.progress?.reportedIn ?? null,
      p.createdAt,
    ]);
  }
  return skipped;
}

/** One to four gaps (items counted and not fully met), the weightier more likely, committed to in pt-BR. */
function choosePriorities(
  c: SeedContext,
  snapshot: ScoreSnapshot,
  edition: Edition,
  assessmentId: string,
  label: string,
  createdAt: string,
): Chosen[] {
  const gaps = snapshot.groups.flatMap((g) => {
    const q = c.catalogue.version(g.group, g.questionnaireVersion);
    return g.items
      .filter((i) => i.counted && (i.points ?? 0) < 100)
      .map((i) => {
        const item = q.items.find((x) => x.key === i.key)!;
        return {
          group: g.group,
          key: i.key,
          points: i.points ?? 0,
          label: item.label['pt-BR'],
          rank: item.weight * (0.5 + unit(`${label}/rank/${g.group}/${i.key}`)),
        };
      });
  });
  const count = Math.min(gaps.length, 1 + Math.floor(unit(`${label}/priorities`) * 4));
  return gaps
    .sort((a, b) => b.rank - a.rank)
    .slice(0, count)
    .map((g) => ({
      id: seededUuid(`${label}/priority/${g.group}/${g.key}`),
      assessmentId,
      group: g.group,
      key: g.key,
      identity: c.columns(g.group, edition.pinnedVersions[g.group]).get(g.key)!,
      points: g.points,
      commitment:
        c.catalogue.group(g.group).definition.recommendations[g.key]?.['pt-BR'] ??
        `Avançar em "${g.label}" até a próxima edição.`,
      createdAt,
      progress: null,
    }));
}
