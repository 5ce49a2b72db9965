import { Inject, Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AnswerEntity } from '../assessment/answer.entity';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import type { ReviewDecisionDto } from '../assessment/assessment.dto';
import type { ScoreSnapshot } from '../assessment/assessment.types';
import { AuthService } from '../auth/auth.service';
import type { Actor } from '../auth/actor';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { validateAnswers } from '../questionnaire/answer-validation';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import { visibleItemKeys } from '../questionnaire/visibility';
import { scoreGroup } from '../scoring/score-group';
import { scoreIndex } from '../scoring/score-index';

const text = (pt: string, en: string) => ({ 'pt-BR': pt, en });

/** The IOM reviewers' side: item-by-item verdicts, rounds of changes, approval with a score snapshot. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly notifications: NotificationsService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async startReview(actor: Actor, id: string) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      const moved = await this.workflow.move(em, assessment, 'start-review', actor);
      return { id, state: moved.state, round: moved.round };
    });
  }

  /** Accept, adjust (with justification) or send back items; the official's answer is always kept. */
  async decide(actor: Actor, id: string, decisions: readonly ReviewDecisionDto[]) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      if (assessment.state !== 'in-review') {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          text(
            `Só é possível revisar itens em revisão; a avaliação está "${assessment.state}".`,
            `Items can be reviewed only in review; the assessment is "${assessment.state}".`,
          ),
          [],
          { currentState: assessment.state },
        );
      }
      const rows = await em.findBy(AnswerEntity, { assessmentId: id });
      const fields: FieldProblem[] = [];
      const changes: { row: AnswerEntity; patch: Partial<AnswerEntity> }[] = [];
      decisions.forEach((d, i) => {
        const where = `decisions.${i}`;
        const row = rows.find((r) => r.groupSlug === d.group && r.itemKey === d.itemKey && r.value !== null);
        if (!row) {
          fields.push({
            field: `${where}.itemKey`,
            code: 'NOT_ANSWERED',
            message: text(
              `${d.group}/${d.itemKey} não tem resposta para revisar`,
              `${d.group}/${d.itemKey} has no answer to review`,
            ),
          });
          return;
        }
        if (d.decision === 'accept') {
          changes.push({ row, patch: { reviewStatus: 'accepted', reviewerRating: null, reviewNote: d.note ?? null } });
        } else if (d.decision === 'adjust') {
          const q = this.catalogue.version(d.group, assessment.versions[d.group]);
          const problems =
            d.rating === undefined
              ? [
                  {
                    message: text('informe a nota do revisor ("rating")', 'give the reviewer\u2019s rating ("rating")'),
                  },
                ]
              : validateAnswers(q, { [d.itemKey]: d.rating as AnswerValue });
          if (problems.length > 0)
            fields.push({ field: `${where}.rating`, code: 'INVALID_RATING', message: problems[0].message });
          else if (JSON.stringify(d.rating) === JSON.stringify(row.value))
            fields.push({
              field: `${where}.rating`,
              code: 'SAME_AS_ANSWER',
              message: text(
                'igual à resposta do governo: use "accept"',
                'same as the government\u2019s answer: use "accept"',
              ),
            });
          if (!d.note || d.note.trim().length < 10)
            fields.push({
              field: `${where}.note`,
              code: 'JUSTIFICATION_REQUIRED',
              message: text(
                'justifique o ajuste (10 caracteres ou mais)',
                'justify the adjustment (10 characters or more)',
              ),
            });
          changes.push({
            row,
            patch: { reviewStatus: 'adjusted', reviewerRating: d.rating as AnswerValue, reviewNote: d.note ?? null },
          });
        } else {
          if (!d.note || d.note.trim().length < 5)
            fields.push({
              field: `${where}.note`,
              code: 'COMMENT_REQUIRED',
              message: text('diga ao governo o que corrigir', 'tell the government what to correct'),
            });
          changes.push({ row, patch: { reviewStatus: 'sent-back', reviewerRating: null, reviewNote: d.note ?? null } });
        }
      });
      if (fields.length > 0) {
        throw new DomainError(
          'VALIDATION_FAILED',
          text(
            `Decisões inválidas: ${fields.map((f) => f.field).join(', ')}.`,
            `Invalid decisions: ${fields.map((f) => f.field).join(', ')}.`,
          ),
          fields,
        );
      }
      for (const { row, patch } of changes) {
        const before = {
          reviewStatus: row.reviewStatus,
          reviewerRating: row.reviewerRating,
          reviewNote: row.reviewNote,
        };
        await em.update(
          AnswerEntity,
          { assessmentId: id, groupSlug: row.groupSlug, itemKey: row.itemKey },
          { ...patch, reviewedRound: assessment.round },
        );
        await this.workflow.audit.record(em, actor, {
          action: 'review.decide',
          entity: 'answer',
          entityId: `${id}/${row.groupSlug}/${row.itemKey}`,
          assessmentId: id,
          before,
          after: patch,
        });
      }
      return { reviewed: changes.length };
    });
  }

  /** Sends the items marked "sent back" to the government: a new round starts and its officials are told. */
  async requestChanges(actor: Actor, id: string) {
    const result = await this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      this.workflow.target(assessment, 'request-changes', actor);
      const sentBack = await em.findBy(AnswerEntity, { assessmentId: id, reviewStatus: 'sent-back' });
      if (sentBack.length === 0) {
        throw new DomainError(
          'REVIEW_INCOMPLETE',
          text(
            'Nenhum item foi devolvido: marque ao menos um item com "send-back".',
            'No item was sent back: mark at least one item "send-back".',
          ),
        );
      }
      const moved = await this.workflow.move(em, assessment, 'request-changes', actor, { round: assessment.round + 1 });
      const gov = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
      const list = sentBack.map((a) => `- ${a.groupSlug} / ${a.itemKey}: ${a.reviewNote}`).join('\n');
      await this.notifications.enqueue(em, await this.recipientsOf(assessment), {
        kind: 'items-sent-back',
        subject: `MigraCidades ${assessment.editionYear}: itens devolvidos para ajuste (${gov.name})`,
        body: `Olá,\n\nA revisão do diagnóstico de ${gov.name} (${gov.uf}) na edição ${assessment.editionYear} devolveu ${sentBack.length} item(ns) para ajuste:\n\n${list}\n\nResponda aos itens e reenvie o diagnóstico: ${this.link(id)}`,
      });
      return {
        id,
        state: moved.state,
        round: moved.round,
        sentBack: sentBack.map((a) => ({ group: a.groupSlug, itemKey: a.itemKey, comment: a.reviewNote })),
      };
    });
    void this.notifications.deliver();
    return result;
  }

  /** What the officials changed since the reviewer's last round, with the value before the round. */
  async changesSinceLastRound(actor: Actor, id: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, id);
    if (assessment.round === 1) return { round: 1, changes: [] };
    const roundStart = await em.findOne(AuditEntryEntity, {
      where: { assessmentId: id, action: 'assessment.request-changes' },
      order: { id: 'DESC' },
    });
    const rows = await em.findBy(AnswerEntity, { assessmentId: id, changedRound: assessment.round });
    const changes = [];
    for (const r of rows) {
      const firstSave = await em.findOne(AuditEntryEntity, {
        where: {
          assessmentId: id,
          action: 'answer.save',
          entityId: `${id}/${r.groupSlug}/${r.itemKey}`,
          id: MoreThan(roundStart?.id ?? 0),
        },
        order: { id: 'ASC' },
      });
      const before = firstSave?.before as { value?: unknown; evidence?: unknown } | null;
      changes.push({
        group: r.groupSlug,
        itemKey: r.itemKey,
        comment: r.reviewNote,
        before: before?.value ?? null,
        beforeEvidence: before?.evidence ?? null,
        now: r.value,
        nowEvidence: r.evidence,
      });
    }
    return { round: assessment.round, changes };
  }

  /** The scores of an assessment as reviewed: reviewer's ratings where given, accepted evidence only. */
  snapshot(assessment: AssessmentEntity, rows: readonly AnswerEntity[]): ScoreSnapshot {
    const groups = Object.entries(assessment.versions).map(([slug, version]) => {
      const entry = this.catalogue.group(slug);
      const mine = rows.filter((r) => r.groupSlug === slug && r.value !== null);
      const answers = Object.fromEntries(mine.map((r) => [r.itemKey, (r.reviewerRating ?? r.value) as AnswerValue]));
      const accepted = mine
        .filter((r) => r.reviewStatus === 'accepted' || r.reviewStatus === 'adjusted')
        .map((r) => r.itemKey);
      return scoreGroup(this.catalogue.version(slug, version), entry.definition.scoring, {
        answers,
        acceptedEvidence: accepted,
      });
    });
    return {
      takenAt: new Date().toISOString(),
      round: assessment.round,
      index: scoreIndex(Object.keys(assessment.versions), groups),
      groups: groups.map((g) => ({
        group: g.group,
        questionnaireVersion: g.questionnaireVersion,
        scoringVersion: g.scoringVersion,
        score: g.score,
        level: g.level?.key ?? null,
        items: g.items.map((i) => ({ key: i.key, points: i.points, counted: i.counted, status: i.status })),
      })),
    };
  }

  /** Approves: every answered, visible item must carry a verdict and none may be waiting for changes. */
  async approve(actor: Actor, id: string) {
    const result = await this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      this.workflow.target(assessment, 'approve', actor);
      const rows = await em.findBy(AnswerEntity, { assessmentId: id });
      const open: FieldProblem[] = [];
      for (const [slug, version] of Object.entries(assessment.versions)) {
        const q = this.catalogue.version(slug, version);
        const mine = rows.filter((r) => r.groupSlug === slug && r.value !== null);
        const visible = visibleItemKeys(q, Object.fromEntries(mine.map((r) => [r.itemKey, r.value as AnswerValue])));
        for (const r of mine.filter(
          (m) => visible.has(m.itemKey) && !['accepted', 'adjusted'].includes(m.reviewStatus),
        )) {
          open.push({
            field: `answers.${slug}.${r.itemKey}`,
            code: r.reviewStatus.toUpperCase().replace('-', '_'),
            message: text(`item ainda "${r.reviewStatus}"`, `item still "${r.reviewStatus}"`),
          });
        }
      }
      if (open.length > 0) {
        throw new DomainError(
          'REVIEW_INCOMPLETE',
          text(
            `Ainda há ${open.length} item(ns) sem decisão final.`,
            `${open.length} item(s) still have no final verdict.`,
          ),
          open,
        );
      }
      const snapshot = this.snapshot(assessment, rows);
      const moved = await this.workflow.move(em, assessment, 'approve', actor, {
        scoreSnapshot: snapshot,
        approvedAt: new Date(),
      });
      const gov = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
      await this.notifications.enqueue(em, await this.recipientsOf(assessment), {
        kind: 'diagnosis-approved',
        subject: `MigraCidades ${assessment.editionYear}: diagnóstico aprovado (${gov.name})`,
        body: `Olá,\n\nO diagnóstico de ${gov.name} (${gov.uf}) na edição ${assessment.editionYear} foi aprovado.\nÍndice MigraCidades: ${snapshot.index.index ?? '—'}.\n\nPróximo passo: escolha as prioridades de melhoria por grupo de indicadores: ${this.link(id)}`,
      });
      return { id, state: moved.state, scoreSnapshot: snapshot };
    });
    void this.notifications.deliver();
    return result;
  }

  async reopen(actor: Actor, id: string, reason: string) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      const moved = await this.workflow.move(
        em,
        assessment,
        'reopen',
        actor,
        { scoreSnapshot: null, approvedAt: null },
        reason,
      );
      return { id, state: moved.state };
    });
  }

  async queue(filter: { edition?: number; uf?: string; status?: string }) {
    const qb = this.workflow.dataSource
      .getRepository(AssessmentEntity)
      .createQueryBuilder('a')
      .innerJoin(GovernmentEntity, 'g', 'g.ibge_code = a.government_code')
      .select([
        'a.id AS id',
        'a.edition_year AS editionYear',
        'a.government_code AS governmentCode',
        'g.name AS governmentName',
        'g.uf AS uf',
        'g.kind AS kind',
        'a.state AS state',
        'a.round AS round',
        'a.submitted_at AS submittedAt',
        'a.updated_at AS updatedAt',
      ]);
    if (filter.edition) qb.andWhere('a.edition_year = :edition', { edition: filter.edition });
    if (filter.uf) qb.andWhere('g.uf = :uf', { uf: filter.uf });
    if (filter.status) qb.andWhere('a.state = :status', { status: filter.status });
    else qb.andWhere('a.state IN (:...states)', { states: ['submitted', 'resubmitted', 'in-review'] });
    return qb.orderBy('a.submitted_at', 'ASC').addOrderBy('g.name', 'ASC').getRawMany();
  }

  private async recipientsOf(assessment: AssessmentEntity) {
    const officials = await this.auth.officialsOf(assessment.governmentCode);
    const { focalPerson, substitutes } = assessment.enrolment;
    return [
      ...officials.map((o) => ({ email: o.email, userId: o.id })),
      { email: focalPerson.email },
      ...substitutes.map((s) => ({ email: s.email })),
    ];
  }

  private link(id: string): string {
    return `${this.config.publicUrl}/api/assessments/${id}`;
  }
}
