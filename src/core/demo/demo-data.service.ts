import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AnswerEntity } from '../assessment/answer.entity';
import type { AnswerSaveDto, EvidenceRefDto } from '../assessment/assessment.dto';
import type { AssessmentEntity } from '../assessment/assessment.entity';
import type { ScoreSnapshot } from '../assessment/assessment.types';
import { DiagnosisService } from '../assessment/diagnosis.service';
import { EnrolmentService } from '../assessment/enrolment.service';
import { PrioritiesService } from '../assessment/priorities.service';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { verifyPassword } from '../auth/password';
import { UserEntity } from '../auth/user.entity';
import { CertificationService } from '../certification/certification.service';
import { Clock } from '../clock/clock';
import { EditionsService } from '../editions/editions.service';
import { GovernmentEntity } from '../governments/government.entity';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerSet, AnswerValue } from '../questionnaire/questionnaire.types';
import { ReviewService } from '../review/review.service';
import { DEMO_GOVERNMENTS, DEMO_PASSWORD, DEMO_USERS, type DemoGovernment, type DemoStop } from './demo-cast';
import {
  chance,
  commitmentFor,
  composeAnswers,
  type DemoAnswer,
  progressNote,
  UPLOADED_EVIDENCE,
} from './demo-content';
import { currentCalendar, currentEditionYear, pinnedVersions, REAL_EDITIONS, realCalendar } from './demo-editions';
import { reviewAndApprove } from './demo-review';
import { minimalPdf } from './minimal-pdf';

export { DEMO_PASSWORD, DEMO_USERS } from './demo-cast';

interface Cast {
  readonly admin: Actor;
  readonly reviewer: Actor;
  readonly certifier: Actor;
  readonly officials: ReadonlyMap<string, Actor>;
}

/** One government's part in one edition. */
interface Act {
  readonly gov: DemoGovernment;
  readonly year: number;
  readonly stop: DemoStop;
  /** The edition placed around today: its officials enrol themselves, within the window. */
  readonly live: boolean;
  /** The government's how-manieth edition (0 for its first): it grows a little more mature each time. */
  readonly step: number;
  readonly roundOfChanges: boolean;
}

/** Groups São Paulo has already gone through in the diagnosis it is filling (the rest still to confirm). */
const GROUPS_FILLED_IN_PROGRESS = 6;

/**
 * Loads the demonstration data (DEMO_DATA=1) through the same services the API uses, so that every row,
 * file and audit entry is what real use would leave. Runs once: it does nothing when its users exist.
 *
 * The real editions keep their dates; the current one is placed around the day the server starts. The
 * history of the real editions is recorded today: an administrator reopens each past diagnosis for its
 * government (a deadline extension with its reason), and the latest real edition's seals are issued today,
 * valid for the edition's term from today.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly editions: EditionsService,
    private readonly enrolment: EnrolmentService,
    private readonly diagnosis: DiagnosisService,
    private readonly review: ReviewService,
    private readonly priorities: PrioritiesService,
    private readonly certification: CertificationService,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    if (await this.dataSource.getRepository(UserEntity).existsBy({ email: DEMO_USERS[1].email })) {
      if (this.config.demoPassword) await this.replacePublicPassword(this.config.demoPassword);
    } else {
      const started = performance.now();
      await this.load();
      this.logger.log(`Demo data loaded in ${Math.round(performance.now() - started)} ms.`);
    }
    this.announce();
  }

  /** Every start in demo mode says so plainly, with the users and how they sign in. */
  private announce(): void {
    const password = this.config.demoPassword
      ? 'the password set by DEMO_PASSWORD'
      : `the public password "${DEMO_PASSWORD}" (served on ${this.config.host} only)`;
    this.logger.warn('DEMO MODE: demonstration data, not for real governments. Start without DEMO_DATA for that.');
    this.logger.warn(`Demo users, with ${password}:`);
    for (const u of DEMO_USERS) this.logger.warn(`  ${u.email.padEnd(28)} ${u.role}`);
  }

  /** Demo users still on the README's password get the one DEMO_PASSWORD sets (their sessions end). */
  private async replacePublicPassword(password: string): Promise<void> {
    const users = await this.dataSource.getRepository(UserEntity).findBy({ email: In(DEMO_USERS.map((u) => u.email)) });
    const admin = users.find((u) => u.email === DEMO_USERS[0].email);
    if (!admin) return;
    const by: Actor = { id: admin.id, email: admin.email, name: admin.name, role: 'admin', governmentCode: null };
    for (const user of users) {
      if (await verifyPassword(DEMO_PASSWORD, user.passwordHash)) await this.auth.resetPassword(by, user.id, password);
    }
  }

  async load(): Promise<void> {
    const cast = await this.createUsers();
    const current = currentEditionYear(this.clock.year());
    await this.createEditions(cast.admin, current);
    const toCertify: string[] = [];
    for (const year of REAL_EDITIONS) toCertify.push(...(await this.playEdition(cast, year, current)));
    // The seals print (in Chromium, apart from the database) while the current edition is played.
    await Promise.all([this.certify(cast.certifier, toCertify), this.playEdition(cast, current, current)]);
  }

  /** Every government's part in one edition, in the cast's order; returns the assessments to certify. */
  private async playEdition(cast: Cast, year: number, current: number): Promise<string[]> {
    const toCertify: string[] = [];
    for (const gov of DEMO_GOVERNMENTS) {
      const step = gov.journey.findIndex((s) => (s.edition === 'current' ? current : s.edition) === year);
      if (step < 0) continue;
      const { stop, edition, roundOfChanges = false } = gov.journey[step];
      const id = await this.play(cast, { gov, year, stop, live: edition === 'current', step, roundOfChanges });
      if (stop === 'certified') toCertify.push(id);
    }
    return toCertify;
  }

  private async createUsers(): Promise<Cast> {
    // Side by side: the password hashes are what takes time.
    const actors: Actor[] = await Promise.all(
      DEMO_USERS.map(async (u) => {
        const existing = await this.dataSource.getRepository(UserEntity).findOneBy({ email: u.email });
        const password = this.config.demoPassword ?? DEMO_PASSWORD;
        const user = existing ?? (await this.auth.createUser(null, { ...u, password }));
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          governmentCode: user.governmentCode,
        };
      }),
    );
    const byRole = (role: string) => actors.find((a) => a.role === role)!;
    return {
      admin: byRole('admin'),
      reviewer: byRole('reviewer'),
      certifier: byRole('certifier'),
      officials: new Map(actors.filter((a) => a.role === 'official').map((a) => [a.governmentCode!, a] as const)),
    };
  }

  private async createEditions(admin: Actor, current: number): Promise<void> {
    const groups = this.catalogue.groups().map((g) => ({ slug: g.definition.slug, versions: [...g.versions.keys()] }));
    for (const year of REAL_EDITIONS) {
      await this.editions.create(admin, {
        year,
        calendar: realCalendar(year),
        pinnedVersions: pinnedVersions(groups, year, current),
      });
    }
    await this.editions.create(admin, {
      year: current,
      calendar: currentCalendar(this.clock.today()),
      pinnedVersions: pinnedVersions(groups, current, current),
    });
  }

  /** Takes one government through one edition as far as its journey says; returns the assessment's id. */
  private async play(cast: Cast, act: Act): Promise<string> {
    const official = cast.officials.get(act.gov.code)!;
    const assessment = await this.enrol(act, act.live ? official : cast.admin, official);
    const id = assessment.id;
    if (act.stop !== 'in-progress') await this.completeCourse(act, official, id);
    await this.reopenPastDiagnosis(cast.admin, act);
    const maturity = act.gov.maturity + 0.08 * act.step;
    await this.answer(act, official, assessment, maturity);
    if (act.stop === 'in-progress') return id;
    await this.diagnosis.submit(official, id);
    if (act.stop === 'submitted') return id;
    const snapshot = await reviewAndApprove(
      { dataSource: this.dataSource, review: this.review, diagnosis: this.diagnosis },
      act,
      cast.reviewer,
      official,
      id,
    );
    await this.choosePriorities(act, official, id, snapshot);
    return id;
  }

  private async enrol(act: Act, enrolledBy: Actor, official: Actor): Promise<AssessmentEntity> {
    const { gov, year } = act;
    const government = await this.dataSource.getRepository(GovernmentEntity).findOneByOrFail({ ibgeCode: gov.code });
    return this.enrolment.enrol(
      enrolledBy,
      year,
      {
        governmentCode: gov.code,
        focalPerson: { name: official.name, email: official.email, ...gov.focalPerson },
        substitutes: [{ ...gov.substitute }],
        migrantService: { ...gov.migrantService },
      },
      {
        field: 'letterOfIntent',
        fileName: `carta-de-intencao-migracidades-${year}.pdf`,
        declaredMime: 'application/pdf',
        bytes: minimalPdf(`Carta de intencao: ${government.name} adere ao MigraCidades ${year}`),
      },
    );
  }

  /** The focal person's ENAP course, finished during enrolment (today, in the current edition). */
  private async completeCourse(act: Act, official: Actor, id: string): Promise<void> {
    const completedAt = act.live ? this.clock.today() : `${act.year}-04-10`;
    await this.enrolment.recordCourse(official, id, completedAt, {
      field: 'certificate',
      fileName: `certificado-enap-governanca-migratoria-${act.year}.pdf`,
      declaredMime: 'application/pdf',
      bytes: minimalPdf(`ENAP - Governanca migratoria local - certificado de conclusao - ${official.name}`),
    });
  }

  /** A past edition's diagnosis is closed today: the administrator extends it, saying why. */
  private async reopenPastDiagnosis(admin: Actor, act: Act): Promise<void> {
    const today = this.clock.today();
    if (act.live || today <= realCalendar(act.year).diagnosisDeadline) return;
    await this.editions.extendDeadline(admin, act.year, {
      governmentCode: act.gov.code,
      until: today,
      reason: `Base de demonstração: o histórico da edição ${act.year} é registrado na data em que a base foi carregada.`,
    });
  }

  /**
   * The officials answer every group (São Paulo, still filling its diagnosis, the first ones only) and
   * report on the previous edition's priorities.
   */
  private async answer(act: Act, official: Actor, assessment: AssessmentEntity, maturity: number): Promise<void> {
    const rows = await this.dataSource.getRepository(AnswerEntity).findBy({ assessmentId: assessment.id });
    const { previousEditionPriorities: previous } = await this.priorities.list(official, assessment.id);
    const groups = Object.entries(assessment.versions);
    const upTo = act.stop === 'in-progress' ? GROUPS_FILLED_IN_PROGRESS : groups.length;
    const answered = groups.slice(0, upTo);
    const saves: AnswerSaveDto[] = [];
    for (const [group, version] of answered) {
      const mine = rows.filter((r) => r.groupSlug === group);
      const carried: AnswerSet = Object.fromEntries(
        mine.filter((r) => r.value !== null).map((r) => [r.itemKey, r.value as AnswerValue]),
      );
      const prioritised = new Set(previous.filter((p) => p.groupSlug === group).map((p) => p.itemKey));
      const q = this.catalogue.version(group, version);
      const answers = composeAnswers(act.gov, q, act.year, maturity, carried, prioritised);
      for (const [itemKey, answer] of answers) {
        const evidence = await this.evidenceFor(official, assessment.id, act.year, itemKey, answer);
        const expectedVersion = mine.find((r) => r.itemKey === itemKey)?.version ?? 0;
        saves.push({ group, itemKey, value: answer.value, ...(evidence ? { evidence } : {}), expectedVersion });
      }
      // Carried answers to items the new answers hide are confirmed as they are.
      for (const r of mine.filter((m) => m.carried && m.value !== null && !answers.has(m.itemKey)))
        saves.push({ group, itemKey: r.itemKey, value: r.value, expectedVersion: r.version });
    }
    await this.diagnosis.saveAnswers(official, assessment.id, saves);
    if (previous.length === 0) return;
    await this.priorities.reportProgress(
      official,
      assessment.id,
      previous.map((p) => {
        // The answers moved each prioritised item up one step: a "partial" became "yes" (achieved).
        const achieved =
          answered.some(([group]) => group === p.groupSlug) &&
          rows.find((r) => r.groupSlug === p.groupSlug && r.itemKey === p.itemKey)?.value === 'partial';
        return { priorityId: p.id, status: achieved ? 'achieved' : 'in-progress', note: progressNote(achieved) };
      }),
    );
  }

  /** A link, or (for an attendance list) a PDF uploaded through the evidence upload. */
  private async evidenceFor(
    official: Actor,
    id: string,
    year: number,
    itemKey: string,
    answer: DemoAnswer,
  ): Promise<EvidenceRefDto[] | undefined> {
    if (!answer.link) return undefined;
    const fileName = UPLOADED_EVIDENCE[itemKey]?.(year);
    if (!fileName) return [{ url: answer.link }];
    const stored = await this.diagnosis.uploadEvidence(official, id, {
      field: 'file',
      fileName,
      declaredMime: 'application/pdf',
      bytes: minimalPdf(`Lista de presenca - capacitacao sobre o atendimento a migrantes - ${year}`),
    });
    if (!('file' in stored)) return [{ url: answer.link }];
    return [{ file: stored.file, fileName }];
  }

  /** Up to five gaps, at most one per group, each with what the government commits to do. */
  private async choosePriorities(act: Act, official: Actor, id: string, snapshot: ScoreSnapshot): Promise<void> {
    const gaps = snapshot.groups.flatMap((g) =>
      g.items
        .filter((i) => i.counted && (i.points ?? 0) < 100)
        .map((i) => ({ group: g.group, itemKey: i.key, commitment: commitmentFor(act.gov, g.group, i.key) })),
    );
    const written = gaps.filter((g): g is typeof g & { commitment: string } => g.commitment !== undefined);
    const chosen: typeof written = [];
    for (const gap of written) {
      if (chosen.length >= 5 || chosen.some((c) => c.group === gap.group)) continue;
      if (chance(`${act.gov.code}/${act.year}/${gap.group}/priority`) < 0.6) chosen.push(gap);
    }
    if (chosen.length === 0 && written.length > 0) chosen.push(written[0]);
    if (chosen.length > 0) await this.priorities.setPriorities(official, id, chosen);
  }

  /** The university issues the seals in one batch, as a certifier would. */
  private async certify(certifier: Actor, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const { refused } = await this.certification.issueMany(certifier, ids);
    if (refused.length > 0) throw refused[0].error;
  }
}
