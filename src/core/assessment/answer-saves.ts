import type { EntityManager } from 'typeorm';
import type { Clock } from '../clock/clock';
import { diagnosisOpen } from '../editions/edition-rules';
import { diagnosisClosedError } from '../editions/editions.service';
import { dialectOf } from '../../database/dialect';
import { together } from '../../database/together';
import { groupWriter } from '../../database/serialize-transactions';
import type { Outcome } from '../../database/write-queue';
import type { AuditChange } from '../audit/audit.service';
import { type Actor, requireGovernmentAccess } from '../auth/actor';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import type { FilesService } from '../files/files.service';
import { validateAnswers } from '../questionnaire/answer-validation';
import type { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import { AnswerEntity } from './answer.entity';
import { answerKey, readAnswers, upsertAnswers } from './answer-rows';
import { type Deadline, type GroupAssessment, readGroupAssessments } from './save-group-reads';
import { fileOwnersOf } from './assessment-files.service';
import { EDITABLE_STATES, STATE_LABELS } from './assessment-state';
import type { AssessmentWorkflow } from './assessment-workflow.service';
import { AssessmentEntity } from './assessment.entity';
import type { EvidenceRef } from './assessment.types';
import type { AnswerSaveDto } from './assessment.dto';
import { staleAnswerError } from './stale-answer';

/** One PUT of answers, as the group writer takes it. */
interface SaveRequest {
  readonly actor: Actor;
  readonly id: string;
  readonly saves: readonly AnswerSaveDto[];
}

export interface SaveResult {
  readonly state: AssessmentEntity['state'];
  readonly saved: { group: string; itemKey: string; version: number }[];
}

/** What a group read once for all its requests. */
interface GroupView {
  readonly assessments: ReadonlyMap<string, GroupAssessment>;
  readonly deadlines: ReadonlyMap<string, Deadline>;
  readonly answers: Map<string, AnswerEntity>;
  /** The group's date, for every deadline it checks (one transaction, one day). */
  readonly today: string;
}

/** 423 unless the assessment is in a state whose answers its officials may change. */
export function requireEditable(assessment: Pick<AssessmentEntity, 'state'>): void {
  if (!EDITABLE_STATES.includes(assessment.state)) {
    throw new DomainError(
      'ASSESSMENT_LOCKED',
      message('diagnosis.locked', { state: STATE_LABELS[assessment.state] }),
      [],
      { currentState: assessment.state },
    );
  }
}

/**
 * The autosave path: saves arriving together share one transaction (group commit, src/database/write-queue.ts).
 * The group reads its assessments, their deadlines and the answers concerned once; each save is then checked on
 * its own in memory (access, deadline, state, values, version) and refused alone (409, 400...), and those that
 * pass are written at once with their audit entries. Each is answered after the COMMIT that holds it.
 */
export class AnswerSaves {
  /** Submits one request; settles after the commit that holds it (or with the request's own refusal). */
  readonly submit: (request: SaveRequest) => Promise<SaveResult>;

  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {
    this.submit = groupWriter(workflow.dataSource, (em, requests) => this.writeSaves(em, requests));
  }

  /** A group of saves in one transaction: read once, each checked in order in memory, then written at once. */
  private async writeSaves(em: EntityManager, requests: readonly SaveRequest[]): Promise<Outcome<SaveResult>[]> {
    const ids = [...new Set(requests.map((r) => r.id))];
    // On PostgreSQL the answers are read once the assessments are locked, since groups on other connections take
    // turns on them. SQLite has one writer: both statements go at once, as every await here waits a turn of the
    // event loop behind the requests being parsed meanwhile.
    const [{ assessments, deadlines }, answers] =
      dialectOf(em) === 'postgres'
        ? [await readGroupAssessments(em, ids), await this.answersFor(em, requests)]
        : await together(readGroupAssessments(em, ids), this.answersFor(em, requests));
    const view: GroupView = { assessments, deadlines, answers, today: this.clock.today() };
    const current = view.answers;
    const answerRows: AnswerEntity[] = [];
    const trail: { actor: Actor; change: AuditChange }[] = [];
    const outcomes: Outcome<SaveResult>[] = [];
    for (const request of requests) {
      try {
        const planned = await this.plan(em, request, view);
        for (const row of planned.rows) current.set(answerKey(row.assessmentId, row.groupSlug, row.itemKey), row);
        answerRows.push(...planned.rows);
        trail.push(...planned.changes.map((change) => ({ actor: request.actor, change })));
        outcomes.push({ ok: planned.result });
      } catch (refused) {
        outcomes.push({ refused });
      }
    }
    await together(upsertAnswers(em, answerRows), this.workflow.audit.recordEach(em, trail));
    return outcomes;
  }

  /** An official's change after the deadline is refused, except on items sent back (edition-rules.ts). */
  private requireDiagnosisOpen(assessment: GroupAssessment, deadline: Deadline | undefined, today: string): void {
    if (!deadline || diagnosisOpen(assessment.state, today, deadline.deadline)) return;
    throw diagnosisClosedError(deadline.year, deadline.deadline, deadline.extended);
  }

  private async answersFor(em: EntityManager, requests: readonly SaveRequest[]): Promise<Map<string, AnswerEntity>> {
    const keys = requests.flatMap((r) =>
      r.saves.map((s) => ({ assessmentId: r.id, groupSlug: s.group, itemKey: s.itemKey })),
    );
    const rows = await readAnswers(em, keys);
    return new Map(rows.map((a) => [answerKey(a.assessmentId, a.groupSlug, a.itemKey), a]));
  }

  /**
   * One request checked against what the group holds so far (an earlier save of the same group counts):
   * access, state, values, versions. Throws its refusal; nothing is written before every check has passed
   * (the first save of an enrolled assessment moves it to the diagnosis, after them).
   */
  private async plan(
    em: EntityManager,
    { actor, id, saves }: SaveRequest,
    { assessments, deadlines, answers, today }: GroupView,
  ): Promise<{ rows: AnswerEntity[]; changes: AuditChange[]; result: SaveResult }> {
    const found = assessments.get(id);
    if (!found) throw new DomainError('ASSESSMENT_NOT_FOUND', message('workflow.assessment-not-found'), [], { id });
    requireGovernmentAccess(actor, found.governmentCode);
    if (actor.role !== 'official') throw new DomainError('FORBIDDEN', message('diagnosis.officials-only'));
    this.requireDiagnosisOpen(found, deadlines.get(id), today);
    requireEditable(found);
    const evidenceOf = await this.checkValues(em, found, saves);
    const current = (s: AnswerSaveDto) => answers.get(answerKey(id, s.group, s.itemKey));
    const conflicts = saves.filter((s) => (current(s)?.version ?? 0) !== s.expectedVersion);
    if (conflicts.length > 0)
      throw await staleAnswerError(em, this.workflow, this.clock.now(), {
        actor,
        assessment: found,
        stale: conflicts,
        current,
      });
    this.requireSentBack(found, saves, current);
    // The first save moves an enrolled assessment to the diagnosis; the group's later saves see it moved.
    if (found.state === 'enrolled') {
      const full = await em.findOneByOrFail(AssessmentEntity, { id });
      found.state = (await this.workflow.move(em, full, 'start-diagnosis', actor)).state;
    }
    const assessment = found;
    const rows: AnswerEntity[] = [];
    const changes: AuditChange[] = [];
    const saved = [];
    for (const s of saves) {
      const before = current(s);
      // A null value clears the answer and its evidence; the row stays, so that its version keeps counting.
      const cleared = s.value === null;
      if (cleared && !before) {
        saved.push({ group: s.group, itemKey: s.itemKey, version: 0 });
        continue;
      }
      const evidence = cleared ? null : s.evidence ? (evidenceOf.get(s) ?? []) : (before?.evidence ?? null);
      const row = this.answerRow(actor, assessment, s, before, evidence);
      rows.push(row);
      saved.push({ group: s.group, itemKey: s.itemKey, version: row.version });
      changes.push({
        action: cleared ? 'answer.clear' : 'answer.save',
        entity: 'answer',
        entityId: `${id}/${s.group}/${s.itemKey}`,
        assessmentId: id,
        before: before
          ? { value: before.value, evidence: before.evidence, version: before.version, carried: before.carried }
          : null,
        after: { value: row.value, evidence: row.evidence, version: row.version },
      });
    }
    return { rows, changes, result: { state: assessment.state, saved } };
  }

  private answerRow(
    actor: Actor,
    assessment: GroupAssessment,
    s: AnswerSaveDto,
    before: AnswerEntity | undefined,
    evidence: EvidenceRef[] | null,
  ): AnswerEntity {
    return Object.assign(new AnswerEntity(), {
      assessmentId: assessment.id,
      groupSlug: s.group,
      itemKey: s.itemKey,
      value: s.value as AnswerValue | null,
      evidence,
      version: (before?.version ?? 0) + 1,
      carried: false,
      changedRound: assessment.round,
      reviewStatus: 'pending' as const,
      reviewerRating: null,
      reviewNote: before?.reviewStatus === 'sent-back' ? before.reviewNote : null,
      reviewedRound: before?.reviewedRound ?? null,
      updatedBy: actor.id,
      updatedAt: new Date(),
    });
  }

  /** Every value and evidence checked (400 naming each field); the evidence of each save as stored. */
  private async checkValues(
    em: EntityManager,
    assessment: GroupAssessment,
    saves: readonly AnswerSaveDto[],
  ): Promise<Map<AnswerSaveDto, EvidenceRef[]>> {
    const fields: FieldProblem[] = [];
    const seen = new Set<string>();
    const evidenceOf = new Map<AnswerSaveDto, EvidenceRef[]>();
    for (const [i, s] of saves.entries()) {
      const where = `answers.${i}`;
      const version = assessment.versions[s.group];
      if (version === undefined) {
        fields.push({
          field: `${where}.group`,
          code: 'UNKNOWN_GROUP',
          message: message('diagnosis.unknown-group'),
        });
        continue;
      }
      if (seen.has(`${s.group}/${s.itemKey}`))
        fields.push({
          field: `${where}.itemKey`,
          code: 'DUPLICATE',
          message: message('diagnosis.duplicate-item'),
        });
      seen.add(`${s.group}/${s.itemKey}`);
      const questionnaire = this.catalogue.version(s.group, version);
      const item = questionnaire.items.find((it) => it.key === s.itemKey);
      const problems =
        s.value === null
          ? item
            ? []
            : validateAnswers(questionnaire, { [s.itemKey]: 'x' }, [...this.catalogue.group(s.group).versions.values()])
          : validateAnswers(questionnaire, { [s.itemKey]: s.value as AnswerValue }, [
              ...this.catalogue.group(s.group).versions.values(),
            ]);
      for (const p of problems) fields.push({ field: `${where}.value`, code: p.code, message: p.message });
      if (problems.length === 0 && !(await this.valueFileOwned(em, assessment, s.value)))
        fields.push({
          field: `${where}.value`,
          code: 'INVALID_EVIDENCE',
          message: message('diagnosis.evidence.not-uploaded'),
        });
      for (const [j, e] of (s.evidence ?? []).entries()) {
        const checked = await this.checkEvidence(em, assessment, e);
        if ('problem' in checked)
          fields.push({ field: `${where}.evidence.${j}`, code: 'INVALID_EVIDENCE', message: checked.problem });
        else evidenceOf.set(s, [...(evidenceOf.get(s) ?? []), checked.ref]);
      }
      if (item && item.evidence === 'none' && item.type !== 'evidence' && (s.evidence ?? []).length > 0) {
        fields.push({
          field: `${where}.evidence`,
          code: 'EVIDENCE_NOT_EXPECTED',
          message: message('diagnosis.evidence-not-expected'),
        });
      }
    }
    if (fields.length > 0) {
      throw new DomainError('INVALID_ANSWERS', message('diagnosis.invalid-answers', { count: fields.length }), fields);
    }
    return evidenceOf;
  }

  /** After changes were requested, only the items sent back may change. */
  private requireSentBack(
    assessment: GroupAssessment,
    saves: readonly AnswerSaveDto[],
    current: (s: AnswerSaveDto) => AnswerEntity | undefined,
  ): void {
    if (assessment.state !== 'changes-requested') return;
    const locked = saves.filter((s) => current(s)?.reviewStatus !== 'sent-back');
    if (locked.length === 0) return;
    throw new DomainError(
      'ASSESSMENT_LOCKED',
      message('diagnosis.only-sent-back', {
        items: { list: locked.map((s) => this.workflow.itemName(assessment, s)) },
      }),
      locked.map((s) => ({
        field: `answers.${s.group}.${s.itemKey}`,
        code: 'NOT_SENT_BACK',
        message: this.workflow.itemName(assessment, s),
      })),
      { currentState: assessment.state },
    );
  }

  /** An evidence item's value naming a file ({"file": sha256}) must name one uploaded for this assessment. */
  private async valueFileOwned(em: EntityManager, assessment: GroupAssessment, value: unknown): Promise<boolean> {
    const file = value && typeof value === 'object' && 'file' in value ? value.file : undefined;
    return typeof file !== 'string' || this.files.ownedBy(em, file, fileOwnersOf(assessment));
  }

  /**
   * A link (http or https) or a file uploaded before for this assessment; file references get the stored type
   * and a name. A file of another assessment reads as not uploaded, so that no hash can be probed.
   */
  private async checkEvidence(
    em: EntityManager,
    assessment: GroupAssessment,
    e: { url?: string; file?: string; fileName?: string },
  ): Promise<{ ref: EvidenceRef } | { problem: LocalizedText }> {
    if ((e.url === undefined) === (e.file === undefined)) return { problem: message('diagnosis.evidence.url-or-file') };
    if (e.url !== undefined) {
      try {
        if (!['http:', 'https:'].includes(new URL(e.url).protocol))
          return { problem: message('diagnosis.evidence.http') };
      } catch {
        return { problem: message('diagnosis.evidence.invalid-link') };
      }
      return { ref: { url: e.url } };
    }
    const stored = await this.files.exists(em, e.file!);
    if (!stored || !(await this.files.ownedBy(em, stored.sha256, fileOwnersOf(assessment))))
      return { problem: message('diagnosis.evidence.not-uploaded') };
    return {
      ref: { file: stored.sha256, fileName: e.fileName ?? `evidencia-${stored.sha256.slice(0, 8)}`, mime: stored.mime },
    };
  }
}
