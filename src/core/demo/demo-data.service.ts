import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AnswerEntity } from '../assessment/answer.entity';
import type { AnswerSaveDto } from '../assessment/assessment.dto';
import { AssessmentViewService } from '../assessment/assessment-view.service';
import { DiagnosisService } from '../assessment/diagnosis.service';
import { PrioritiesService } from '../assessment/priorities.service';
import type { Role } from '../auth/role';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { UserEntity } from '../auth/user.entity';
import { EditionsService } from '../editions/editions.service';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue, QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { ReviewService } from '../review/review.service';
import { minimalPdf } from './minimal-pdf';

/** For local use only: the README prints these credentials. */
export const DEMO_PASSWORD = 'migracidades-demo';
export const DEMO_USERS: readonly { email: string; name: string; role: Role; governmentCode?: string }[] = [
  { email: 'admin@migracidades.local', name: 'Administração MigraCidades', role: 'admin' },
  { email: 'revisora@oim.local', name: 'Revisora OIM', role: 'reviewer' },
  { email: 'certificadora@ufrgs.local', name: 'Certificadora UFRGS', role: 'certifier' },
  {
    email: 'focal@portoalegre.local',
    name: 'Ponto focal de Porto Alegre',
    role: 'official',
    governmentCode: '4314902',
  },
  { email: 'focal@boavista.local', name: 'Ponto focal de Boa Vista', role: 'official', governmentCode: '1400100' },
  { email: 'focal@rs.local', name: 'Ponto focal do Rio Grande do Sul', role: 'official', governmentCode: '43' },
  { email: 'focal@saopaulo.local', name: 'Ponto focal de São Paulo', role: 'official', governmentCode: '3550308' },
];

/** Editions of the real programme (there was none in 2023); group 10 moved to v2 in 2021. */
const EDITIONS = [2020, 2021, 2022, 2024];

/**
 * Which government takes part when, and how far it got: Porto Alegre renews every year; Boa Vista crosses
 * group 10 v1 → v2 (2020 → 2021); the state of Rio Grande do Sul joins in 2022; São Paulo is filling its
 * 2024 diagnosis.
 */
const JOURNEYS: readonly {
  code: string;
  years: readonly number[];
  lastStops?: 'in-progress' | 'submitted';
  maturity: number;
}[] = [
  { code: '4314902', years: [2020, 2021, 2022, 2024], maturity: 0.55 },
  { code: '1400100', years: [2020, 2021], maturity: 0.35 },
  { code: '43', years: [2022, 2024], lastStops: 'submitted', maturity: 0.45 },
  { code: '3550308', years: [2024], lastStops: 'in-progress', maturity: 0.7 },
];

/** Deterministic pseudo-random number in [0, 1) for a label. */
function chance(label: string): number {
  return createHash('sha256').update(label).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Loads the demonstration data (DEMO_DATA=1) through the same services the API uses, so that every row,
 * file and audit entry is what real use would leave. Runs once: it does nothing when its users exist.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly editions: EditionsService,
    private readonly diagnosis: DiagnosisService,
    private readonly review: ReviewService,
    private readonly priorities: PrioritiesService,
    private readonly views: AssessmentViewService,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    if (await this.dataSource.getRepository(UserEntity).existsBy({ email: DEMO_USERS[1].email })) return;
    const started = Date.now();
    await this.load();
    this.logger.log(
      `Demo data loaded in ${Date.now() - started} ms; users ${DEMO_USERS.map((u) => u.email).join(', ')} (password "${DEMO_PASSWORD}")`,
    );
  }

  async load(): Promise<void> {
    const actors = new Map<string, Actor>();
    for (const u of DEMO_USERS) {
      const existing = await this.dataSource.getRepository(UserEntity).findOneBy({ email: u.email });
      const user = existing ?? (await this.auth.createUser(null, { ...u, password: DEMO_PASSWORD }));
      actors.set(u.email, {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        governmentCode: user.governmentCode,
      });
    }
    const admin = actors.get(DEMO_USERS[0].email)!;
    const reviewer = actors.get(DEMO_USERS[1].email)!;
    for (const year of EDITIONS) {
      await this.editions.create(admin, {
        year,
        calendar: {
          enrolmentOpens: `${year}-03-01`,
          enrolmentCloses: `${year}-04-15`,
          diagnosisDeadline: `${year}-06-30`,
          reviewDeadline: `${year}-08-31`,
          certificationDate: `${year}-10-15`,
        },
        pinnedVersions: year === 2020 ? { protection: 1 } : {},
      });
    }
    for (const year of EDITIONS) {
      for (const journey of JOURNEYS.filter((j) => j.years.includes(year))) {
        const official = [...actors.values()].find((a) => a.governmentCode === journey.code)!;
        const isLast = year === journey.years[journey.years.length - 1];
        await this.play(
          year,
          journey.code,
          journey.maturity + 0.08 * journey.years.indexOf(year),
          { admin, official, reviewer },
          isLast ? journey.lastStops : undefined,
        );
      }
    }
  }

  private async play(
    year: number,
    code: string,
    maturity: number,
    people: { admin: Actor; official: Actor; reviewer: Actor },
    stopAt?: 'in-progress' | 'submitted',
  ) {
    const { admin, official, reviewer } = people;
    const letter = {
      field: 'letterOfIntent',
      fileName: `carta-de-intencao-${code}-${year}.pdf`,
      declaredMime: 'application/pdf',
      bytes: minimalPdf(`Carta de intencao ${code} ${year}`),
    };
    const slug = official.email.split('@')[1].split('.')[0];
    // The administrator enrols: the demo editions' enrolment windows are in the past.
    const assessment = await this.diagnosis.enrol(
      admin,
      year,
      {
        governmentCode: code,
        focalPerson: {
          name: official.name,
          email: official.email,
          phone: '+55 51 3289-0000',
          department: 'Secretaria de Direitos Humanos',
        },
        substitutes: [
          { name: 'Suplente', email: `suplente@${slug}.local`, department: 'Secretaria de Assistência Social' },
        ],
        migrantService: {
          name: 'Centro de Referência para Migrantes',
          phone: '(51) 3289-1111',
          email: `crai@${slug}.local`,
          address: 'Praça Central, 100, Centro',
        },
      },
      letter,
    );
    const current = await this.dataSource.getRepository(AnswerEntity).findBy({ assessmentId: assessment.id });
    const { previousEditionPriorities } = await this.priorities.list(official, assessment.id);
    const prioritised = (group: string, key: string) =>
      previousEditionPriorities.some((p) => p.groupSlug === group && p.itemKey === key);
    const saves: AnswerSaveDto[] = [];
    for (const [group, version] of Object.entries(assessment.versions)) {
      for (const item of this.catalogue.version(group, version).items) {
        const existing = current.find((a) => a.groupSlug === group && a.itemKey === item.key);
        // A renewing government confirms what was carried, and has moved up on the items it prioritised.
        const value = existing
          ? prioritised(group, item.key) && item.type === 'yes-partial-no'
            ? existing.value === 'no'
              ? 'partial'
              : 'yes'
            : existing.value
          : this.answerFor(item, maturity, `${code}/${year}/${group}/${item.key}`);
        if (value !== undefined)
          saves.push({ group, itemKey: item.key, value, expectedVersion: existing?.version ?? 0 });
      }
    }
    await this.diagnosis.saveAnswers(official, assessment.id, saves);
    if (previousEditionPriorities.length > 0) {
      await this.priorities.reportProgress(
        official,
        assessment.id,
        previousEditionPriorities.map((p) => ({
          priorityId: p.id,
          status: chance(`${p.id}/progress`) < 0.6 ? ('achieved' as const) : ('in-progress' as const),
          note: 'Relato do ponto focal sobre as ações do último ano.',
        })),
      );
    }
    if (stopAt === 'in-progress') return;
    const view = await this.views.view(official, assessment.id);
    if (view.missing.length > 0) {
      const more = view.missing.map((m) => {
        const [group, itemKey] = m.item.split('.');
        const item = this.catalogue.version(group, assessment.versions[group]).items.find((i) => i.key === itemKey)!;
        return {
          group,
          itemKey,
          value: this.answerFor(item, maturity, `${code}/${year}/${m.item}/fill`) ?? 'Sem observações.',
          expectedVersion: 0,
        };
      });
      await this.diagnosis.saveAnswers(official, assessment.id, more);
    }
    await this.diagnosis.submit(official, assessment.id);
    if (stopAt === 'submitted') return;
    await this.review.startReview(reviewer, assessment.id);
    const reviewed = await this.views.view(reviewer, assessment.id);
    const decisions = reviewed.groups.flatMap((g) =>
      g.items
        .filter((i) => i.visible && i.answer.value !== null)
        .map((i) =>
          i.answer.value === 'yes' && chance(`${code}/${year}/${g.group}/${i.key}/adjust`) < 0.1
            ? {
                group: g.group,
                itemKey: i.key,
                decision: 'adjust' as const,
                rating: 'partial',
                note: 'A evidência comprova apenas parte do que foi declarado.',
              }
            : { group: g.group, itemKey: i.key, decision: 'accept' as const },
        ),
    );
    await this.review.decide(reviewer, assessment.id, decisions);
    const approved = await this.review.approve(reviewer, assessment.id);
    const gaps = approved.scoreSnapshot.groups.flatMap((g) =>
      g.items.filter((i) => i.counted && (i.points ?? 0) < 100).map((i) => ({ group: g.group, itemKey: i.key })),
    );
    const chosen = gaps.filter((_g, i) => i % 4 === 0).slice(0, 5);
    if (chosen.length > 0) {
      await this.priorities.setPriorities(
        official,
        assessment.id,
        chosen.map((c) => ({ ...c, commitment: `Avançar em ${c.group} / ${c.itemKey} até a próxima edição.` })),
      );
    }
  }

  /** An answer whose chance of being good grows with the government's maturity. */
  private answerFor(item: QuestionnaireItem, maturity: number, label: string): AnswerValue | undefined {
    const r = chance(label);
    const good = r < maturity;
    switch (item.type) {
      case 'yes-partial-no':
        return good ? 'yes' : r < maturity + 0.25 ? 'partial' : 'no';
      case 'single-choice': {
        const sorted = [...item.options!].sort((a, b) => b.points - a.points);
        return sorted[Math.min(sorted.length - 1, Math.floor((1 - maturity) * r * sorted.length * 1.5))].key;
      }
      case 'multiple-choice':
        return item.options!.filter((o, i) => chance(`${label}/${i}`) < maturity).map((o) => o.key);
      case 'number': {
        const top = Math.max(...(item.bands ?? [{ atLeast: 10, points: 100 }]).map((b) => b.atLeast));
        const value = Math.round(top * maturity * (0.5 + r));
        return Math.min(item.max ?? value, Math.max(item.min ?? 0, value));
      }
      case 'evidence':
        return good ? { url: `https://transparencia.example.gov.br/${label.replace(/[^a-z0-9]+/gi, '-')}` } : undefined;
      case 'text':
        return undefined;
    }
  }
}
