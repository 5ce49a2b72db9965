import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AnswerEntity } from '../assessment/answer.entity';
import { type AssessmentState, STATE_LABELS } from '../assessment/assessment-state';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import type { ReviewDecisionDto } from '../assessment/assessment.dto';
import type { ScoreSnapshot } from '../assessment/assessment.types';
import { DiagnosisService } from '../assessment/diagnosis.service';
import { answerLabel } from '../assessment/item-name';
import { UserDirectory } from '../auth/user-directory.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import type { LocalizedText } from '../i18n/localized-text';
import { message, translate, type MessageKey } from '../i18n/message';
import { NotificationsService } from '../notifications/notifications.service';
import { validateAnswers } from '../questionnaire/answer-validation';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import { visibleItemKeys } from '../questionnaire/visibility';
import { scoreGroup, scoreGroupFigures } from '../scoring/score-group';
import { scoreIndex } from '../scoring/score-index';

/** What a reviewer is told to wait for when the diagnosis is not (or no longer) open to review. */
const NEXT_STEP: Partial<Record<AssessmentState, MessageKey>> = {
  enrolled: 'review.next.not-submitted',
  'diagnosis-in-progress': 'review.next.not-submitted',
  'changes-requested': 'review.next.with-government',
  approved: 'review.next.approved',
  'priorities-set': 'review.next.approved',
  certified: 'review.next.approved',
};

/** The IOM reviewers' side: item-by-item verdicts, rounds of changes, approval with a score snapshot. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async startReview(actor: Actor, id: string) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      if (assessment.state !== 'submitted' && assessment.state !== 'resubmitted') this.refuseReview(assessment);
      const moved = await this.workflow.move(em, assessment, 'start-review', actor);
      return { id, state: moved.state, round: moved.round };
    });
  }

  /**
   * The assessment in review: a submitted or resubmitted diagnosis is taken into review on the reviewer's
   * first act (the same transition and audit entry as `review/start`); any other state is refused with
   * what comes next.
   */
  private async inReview(em: EntityManager, actor: Actor, id: string): Promise<AssessmentEntity> {
    const assessment = await this.workflow.load(em, actor, id);
    if (assessment.state === 'in-review') return assessment;
    if (assessment.state === 'submitted' || assessment.state === 'resubmitted') {
      // The role check comes first, as for an explicit start.
      this.workflow.target(assessment, 'start-review', actor);
      return this.workflow.move(em, assessment, 'start-review', actor);
    }
    return this.refuseReview(assessment);
  }

  private refuseReview(assessment: AssessmentEntity): never {
    const key = NEXT_STEP[assessment.state] ?? 'review.next.not-submitted';
    throw new DomainError('ILLEGAL_TRANSITION', message(key, { state: STATE_LABELS[assessment.state] }), [], {
      currentState: assessment.state,
    });
  }

  /** Accept, adjust (with justification) or send back items; the official's answer is always kept. */
  async decide(actor: Actor, id: string, decisions: readonly ReviewDecisionDto[]) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.inReview(em, actor, id);
      const rows = await em.findBy(AnswerEntity, { assessmentId: id });
      const unproven = this.unproven(assessment, rows);
      const fields: FieldProblem[] = [];
      const changes: { row: AnswerEntity; patch: Partial<AnswerEntity> }[] = [];
      decisions.forEach((d, i) => {
        const where = `decisions.${i}`;
        const row = rows.find((r) => r.groupSlug === d.group && r.itemKey === d.itemKey && r.value !== null);
        if (!row) {
          fields.push({
            field: `${where}.itemKey`,
            code: 'NOT_ANSWERED',
            message: message('review.not-answered', { item: this.workflow.itemName(assessment, d) }),
          });
          return;
        }
        if (d.decision === 'accept') {
          const missing = unproven.get(`${d.group}/${d.itemKey}`);
          if (missing) fields.push({ field: `${where}.decision`, code: 'EVIDENCE_MISSING', message: missing });
          changes.push({ row, patch: { reviewStatus: 'accepted', reviewerRating: null, reviewNote: d.note ?? null } });
        } else if (d.decision === 'adjust') {
          const q = this.catalogue.version(d.group, assessment.versions[d.group]);
          const problems =
            d.rating === undefined
              ? [{ message: message('review.rating-required') }]
              : validateAnswers(q, { [d.itemKey]: d.rating as AnswerValue });
          if (problems.length > 0)
            fields.push({ field: `${where}.rating`, code: 'INVALID_RATING', message: problems[0].message });
          else if (JSON.stringify(d.rating) === JSON.stringify(row.value))
            fields.push({
              field: `${where}.rating`,
              code: 'SAME_AS_ANSWER',
              message: message('review.same-as-answer'),
            });
          if (!d.note || d.note.trim().length < 10)
            fields.push({
              field: `${where}.note`,
              code: 'JUSTIFICATION_REQUIRED',
              message: message('review.justification-required'),
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
              message: message('review.comment-required'),
            });
          changes.push({ row, patch: { reviewStatus: 'sent-back', reviewerRating: null, reviewNote: d.note ?? null } });
        }
      });
      if (fields.length > 0) {
        throw new DomainError(
          'VALIDATION_FAILED',
          message('review.invalid-decisions', { count: fields.length }),
          fields,
        );
      }
      for (const { row, patch } of changes) await this.record(em, actor, assessment, row, patch);
      return { reviewed: changes.length, state: assessment.state };
    });
  }

  /**
   * Accepts in one call every visible answered item still without a verdict ("pending"); answers that need
   * evidence and have none stay pending and are listed, to be adjusted or sent back.
   */
  async acceptPending(actor: Actor, id: string) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.inReview(em, actor, id);
      const rows = await em.findBy(AnswerEntity, { assessmentId: id });
      const unproven = this.unproven(assessment, rows);
      const leftPending: { group: string; itemKey: string; reason: 'EVIDENCE_MISSING'; message: LocalizedText }[] = [];
      let accepted = 0;
      for (const [slug, version] of Object.entries(assessment.versions)) {
        const q = this.catalogue.version(slug, version);
        const mine = rows.filter((r) => r.groupSlug === slug && r.value !== null);
        const visible = visibleItemKeys(q, Object.fromEntries(mine.map((r) => [r.itemKey, r.value as AnswerValue])));
        // Questionnaire order, so that the list reads as the form does.
        for (const item of q.items) {
          const row = mine.find((r) => r.itemKey === item.key);
          if (!row || !visible.has(item.key) || row.reviewStatus !== 'pending') continue;
          const missing = unproven.get(`${slug}/${item.key}`);
          if (missing) {
            leftPending.push({ group: slug, itemKey: item.key, reason: 'EVIDENCE_MISSING', message: missing });
            continue;
          }
          await this.record(em, actor, assessment, row, {
            reviewStatus: 'accepted',
            reviewerRating: null,
            reviewNote: null,
          });
          accepted++;
        }
      }
      return { state: assessment.state, accepted, leftPending };
    });
  }

  private async record(
    em: EntityManager,
    actor: Actor,
    assessment: AssessmentEntity,
    row: AnswerEntity,
    patch: Partial<AnswerEntity>,
  ): Promise<void> {
    const before = { reviewStatus: row.reviewStatus, reviewerRating: row.reviewerRating, reviewNote: row.reviewNote };
    // A verdict sent again as it stands (the page's script saved it, then its form was sent) is no new act.
    const same = (Object.keys(patch) as (keyof typeof before)[]).every((k) => (patch[k] ?? null) === before[k]);
    if (same && row.reviewedRound === assessment.round) return;
    await em.update(
      AnswerEntity,
      { assessmentId: assessment.id, groupSlug: row.groupSlug, itemKey: row.itemKey },
      { ...patch, reviewedRound: assessment.round },
    );
    await this.workflow.audit.record(em, actor, {
      action: 'review.decide',
      entity: 'answer',
      entityId: `${assessment.id}/${row.groupSlug}/${row.itemKey}`,
      assessmentId: assessment.id,
      before,
      after: patch,
    });
  }

  /** Positive answers on visible items that require evidence and have none, by `group/itemKey`, with why. */
  private unproven(assessment: AssessmentEntity, rows: readonly AnswerEntity[]): Map<string, LocalizedText> {
    const found = new Map<string, LocalizedText>();
    for (const [slug, version] of Object.entries(assessment.versions)) {
      const q = this.catalogue.version(slug, version);
      const answers = DiagnosisService.answerSet(rows, slug);
      const scored = scoreGroup(q, this.catalogue.group(slug).definition.scoring, {
        answers,
        evidenceGiven: DiagnosisService.withEvidence(rows, slug),
      });
      for (const i of scored.items.filter((x) => x.status === 'missing-evidence')) {
        found.set(
          `${slug}/${i.key}`,
          message('review.evidence-missing', {
            item: this.workflow.itemName(assessment, { group: slug, itemKey: i.key }),
            answer: answerLabel(q, i.key, answers[i.key]),
          }),
        );
      }
    }
    return found;
  }

  /** Sends the items marked "sent back" to the government: a new round starts and its officials are told. */
  async requestChanges(actor: Actor, id: string) {
    const result = await this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.inReview(em, actor, id);
      this.workflow.target(assessment, 'request-changes', actor);
      const sentBack = await em.findBy(AnswerEntity, { assessmentId: id, reviewStatus: 'sent-back' });
      if (sentBack.length === 0) throw new DomainError('REVIEW_INCOMPLETE', message('review.nothing-sent-back'));
      const moved = await this.workflow.move(em, assessment, 'request-changes', actor, { round: assessment.round + 1 });
      const gov = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
      const items = sentBack
        .map((a) =>
          translate('review.mail.sent-back.line', 'pt-BR', {
            item: this.workflow.itemName(assessment, { group: a.groupSlug, itemKey: a.itemKey }),
            note: a.reviewNote,
          }),
        )
        .join('\n');
      const params = { year: String(assessment.editionYear), government: gov.name, uf: gov.uf };
      await this.notifications.enqueue(em, await this.recipientsOf(assessment), {
        kind: 'items-sent-back',
        subject: { key: 'review.mail.sent-back.subject', params },
        link: `${this.page(id)}?filtro=devolvidos`,
        body: translate('review.mail.sent-back.body', 'pt-BR', {
          ...params,
          count: sentBack.length,
          items,
          link: `${this.link(id)}?filtro=devolvidos`,
        }),
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

  /**
   * The scores of an assessment as reviewed: reviewer's ratings where given; an answer that requires
   * evidence counts only when it has evidence and the reviewer accepted (or adjusted) it.
   */
  snapshot(assessment: AssessmentEntity, rows: readonly AnswerEntity[]): ScoreSnapshot {
    // In the programme's group order, whatever order the versions were read in (jsonb sorts keys): the index is a
    // mean of decimals, and adding them in another order can move its rounding by 0.1.
    const versions = this.catalogue.inGroupOrder(assessment.versions);
    const groups = Object.entries(versions).map(([slug, version]) => {
      const entry = this.catalogue.group(slug);
      const mine = rows.filter((r) => r.groupSlug === slug && r.value !== null);
      const answers = Object.fromEntries(mine.map((r) => [r.itemKey, (r.reviewerRating ?? r.value) as AnswerValue]));
      const withEvidence = new Set(DiagnosisService.withEvidence(rows, slug));
      const accepted = mine
        .filter((r) => (r.reviewStatus === 'accepted' || r.reviewStatus === 'adjusted') && withEvidence.has(r.itemKey))
        .map((r) => r.itemKey);
      return scoreGroupFigures(this.catalogue.version(slug, version), entry.definition.scoring, {
        answers,
        acceptedEvidence: accepted,
        evidenceGiven: withEvidence,
      });
    });
    const names = Object.fromEntries(this.catalogue.groups().map((e) => [e.definition.slug, e.latest.title]));
    return {
      takenAt: this.clock.now().toISOString(),
      round: assessment.round,
      index: scoreIndex(Object.keys(versions), groups, names),
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
      const assessment = await this.inReview(em, actor, id);
      this.workflow.target(assessment, 'approve', actor);
      const rows = await em.findBy(AnswerEntity, { assessmentId: id });
      const open: FieldProblem[] = [];
      for (const [slug, version] of Object.entries(assessment.versions)) {
        const q = this.catalogue.version(slug, version);
        const mine = rows.filter((r) => r.groupSlug === slug && r.value !== null);
        const visible = visibleItemKeys(q, Object.fromEntries(mine.map((r) => [r.itemKey, r.value as AnswerValue])));
        for (const r of mine.filter(
          (m) => visible.has(m.itemKey) && m.reviewStatus !== 'accepted' && m.reviewStatus !== 'adjusted',
        )) {
          const status = r.reviewStatus === 'sent-back' ? 'review.status.sent-back' : 'review.status.pending';
          open.push({
            field: `answers.${slug}.${r.itemKey}`,
            code: r.reviewStatus.toUpperCase().replace('-', '_'),
            message: message('review.open-item', {
              item: this.workflow.itemName(assessment, { group: slug, itemKey: r.itemKey }),
              status: message(status),
            }),
          });
        }
      }
      if (open.length > 0) {
        throw new DomainError('REVIEW_INCOMPLETE', message('review.review-incomplete', { count: open.length }), open);
      }
      const snapshot = this.snapshot(assessment, rows);
      const moved = await this.workflow.move(em, assessment, 'approve', actor, {
        scoreSnapshot: snapshot,
        approvedAt: this.clock.now(),
      });
      const gov = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
      const params = { year: String(assessment.editionYear), government: gov.name, uf: gov.uf };
      await this.notifications.enqueue(em, await this.recipientsOf(assessment), {
        kind: 'diagnosis-approved',
        subject: { key: 'review.mail.approved.subject', params },
        link: this.page(id),
        body: translate('review.mail.approved.body', 'pt-BR', {
          ...params,
          index: snapshot.index.index,
          link: this.link(id),
        }),
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

  private async recipientsOf(assessment: AssessmentEntity) {
    const officials = await this.users.officialsOf(assessment.governmentCode);
    const { focalPerson, substitutes } = assessment.enrolment;
    return [
      ...officials.map((o) => ({ email: o.email, userId: o.id })),
      { email: focalPerson.email },
      ...substitutes.map((s) => ({ email: s.email })),
    ];
  }

  /** The official's page of a diagnosis, where a message about it leads. */
  private page(id: string): string {
    return `/avaliacoes/${id}`;
  }

  private link(id: string): string {
    return `${this.config.publicUrl}${this.page(id)}`;
  }
}
