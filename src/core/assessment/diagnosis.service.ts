import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { Clock } from '../clock/clock';
import { EditionsService } from '../editions/editions.service';
import { dialectOf } from '../../database/dialect';
import { groupWriter } from '../../database/serialize-transactions';
import type { Outcome } from '../../database/write-queue';
import type { AuditChange } from '../audit/audit.service';
import { type Actor, requireGovernmentAccess } from '../auth/actor';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { FilesService, type StageUpload } from '../files/files.service';
import type { UploadedFile } from '../http/multipart';
import { validateAnswers } from '../questionnaire/answer-validation';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerSet, AnswerValue } from '../questionnaire/questionnaire.types';
import { missingRequiredKeys } from '../questionnaire/visibility';
import { scoreGroup } from '../scoring/score-group';
import { AnswerEntity } from './answer.entity';
import { fileOwnersOf } from './assessment-files.service';
import { EDITABLE_STATES, STATE_LABELS } from './assessment-state';
import { AssessmentWorkflow } from './assessment-workflow.service';
import { AssessmentEntity } from './assessment.entity';
import type { EvidenceRef } from './assessment.types';
import type { AnswerSaveDto } from './assessment.dto';
import { answerLabel, brasiliaTime, itemName } from './item-name';

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

/** Statements of at most 200 rows or conditions: within SQLite's limits on variables and expression depth. */
const chunks = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / 200) }, (_, i) => xs.slice(i * 200, (i + 1) * 200));

const answerKey = (assessmentId: string, group: string, itemKey: string) => `${assessmentId}/${group}/${itemKey}`;

/** The officials' side of the diagnosis: answers with autosave, evidence, submission (enrolment: EnrolmentService). */
@Injectable()
export class DiagnosisService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly files: FilesService,
    private readonly editions: EditionsService,
    private readonly clock: Clock,
  ) {
    this.submitSave = groupWriter(workflow.dataSource, (em, requests) => this.writeSaves(em, requests));
  }

  private readonly submitSave: (request: SaveRequest) => Promise<SaveResult>;

  async uploadEvidence(actor: Actor, id: string, file: UploadedFile | undefined): Promise<EvidenceRef> {
    await this.editions.requireDiagnosisOpen(actor, id);
    return this.files.transactionWithUploads(async (em, stage: StageUpload) => {
      const assessment = await this.workflow.load(em, actor, id);
      this.requireEditable(assessment);
      const stored = await stage(file, ['pdf', 'image', 'office'], 'file', { owner: { kind: 'assessment', id } });
      await this.workflow.audit.record(em, actor, {
        action: 'evidence.upload',
        entity: 'file',
        entityId: stored.file,
        assessmentId: id,
        after: stored,
      });
      return stored;
    });
  }

  private requireEditable(assessment: AssessmentEntity): void {
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
   * Saves answers (one or a batch, as autosave sends them), all or nothing. Each save names the version it
   * changes; a stale one is refused with 409 and the current value, never overwritten. Saves arriving
   * together share one transaction (group commit, src/database/write-queue.ts): each is checked on its own
   * and answered after the commit.
   */
  async saveAnswers(actor: Actor, id: string, saves: readonly AnswerSaveDto[]): Promise<SaveResult> {
    await this.editions.requireDiagnosisOpen(actor, id);
    return this.submitSave({ actor, id, saves });
  }

  /** A group of saves in one transaction: read once, each checked in order in memory, then written at once. */
  private async writeSaves(em: EntityManager, requests: readonly SaveRequest[]): Promise<Outcome<SaveResult>[]> {
    const assessments = await this.assessmentsFor(em, requests);
    const current = await this.answersFor(em, requests);
    const answerRows: AnswerEntity[] = [];
    const trail: { actor: Actor; change: AuditChange }[] = [];
    const outcomes: Outcome<SaveResult>[] = [];
    for (const request of requests) {
      try {
        const planned = await this.plan(em, request, assessments.get(request.id), current);
        for (const row of planned.rows) current.set(answerKey(row.assessmentId, row.groupSlug, row.itemKey), row);
        answerRows.push(...planned.rows);
        trail.push(...planned.changes.map((change) => ({ actor: request.actor, change })));
        outcomes.push({ ok: planned.result });
      } catch (refused) {
        outcomes.push({ refused });
      }
    }
    for (const rows of chunks(answerRows))
      await em.upsert(AnswerEntity, rows, ['assessmentId', 'groupSlug', 'itemKey']);
    for (const entries of chunks(trail)) await this.workflow.audit.recordEach(em, entries);
    return outcomes;
  }

  /** The group's assessments, read once; on PostgreSQL locked, so that concurrent saves of one take turns. */
  private async assessmentsFor(em: EntityManager, requests: readonly SaveRequest[]) {
    const query = em
      .createQueryBuilder(AssessmentEntity, 'a')
      .where('a.id IN (:...ids)', { ids: [...new Set(requests.map((r) => r.id))] });
    if (dialectOf(em) === 'postgres') query.setLock('pessimistic_write');
    return new Map((await query.getMany()).map((a) => [a.id, a]));
  }

  private async answersFor(em: EntityManager, requests: readonly SaveRequest[]): Promise<Map<string, AnswerEntity>> {
    const keys = requests.flatMap((r) =>
      r.saves.map((s) => ({ assessmentId: r.id, groupSlug: s.group, itemKey: s.itemKey })),
    );
    const rows = [];
    for (const some of chunks(keys)) rows.push(...(await em.findBy(AnswerEntity, some)));
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
    found: AssessmentEntity | undefined,
    answers: ReadonlyMap<string, AnswerEntity>,
  ): Promise<{ rows: AnswerEntity[]; changes: AuditChange[]; result: SaveResult }> {
    if (!found) throw new DomainError('ASSESSMENT_NOT_FOUND', message('workflow.assessment-not-found'), [], { id });
    requireGovernmentAccess(actor, found.governmentCode);
    if (actor.role !== 'official') throw new DomainError('FORBIDDEN', message('diagnosis.officials-only'));
    this.requireEditable(found);
    const evidenceOf = await this.checkValues(em, found, saves);
    const current = (s: AnswerSaveDto) => answers.get(answerKey(id, s.group, s.itemKey));
    const conflicts = saves.filter((s) => (current(s)?.version ?? 0) !== s.expectedVersion);
    if (conflicts.length > 0) throw await this.staleError(em, actor, found, conflicts, current);
    this.requireSentBack(found, saves, current);
    const assessment =
      found.state === 'enrolled' ? await this.workflow.move(em, found, 'start-diagnosis', actor) : found;
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
    assessment: AssessmentEntity,
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
    assessment: AssessmentEntity,
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
    assessment: AssessmentEntity,
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
  private async valueFileOwned(em: EntityManager, assessment: AssessmentEntity, value: unknown): Promise<boolean> {
    const file = value && typeof value === 'object' && 'file' in value ? value.file : undefined;
    return typeof file !== 'string' || this.files.ownedBy(em, file, fileOwnersOf(assessment));
  }

  /**
   * A link (http or https) or a file uploaded before for this assessment; file references get the stored type
   * and a name. A file of another assessment reads as not uploaded, so that no hash can be probed.
   */
  private async checkEvidence(
    em: EntityManager,
    assessment: AssessmentEntity,
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

  /** Answers of one group as the official gave them (the reviewer's ratings are applied by the review). */
  static answerSet(rows: readonly AnswerEntity[], group: string): AnswerSet {
    return Object.fromEntries(
      rows.filter((r) => r.groupSlug === group && r.value !== null).map((r) => [r.itemKey, r.value as AnswerValue]),
    );
  }

  /**
   * What still stops a submission, per group: required items unanswered, carried answers not confirmed, and
   * positive answers to items that require evidence without any (`EVIDENCE_MISSING`).
   */
  missing(assessment: AssessmentEntity, rows: readonly AnswerEntity[]): FieldProblem[] {
    const fields: FieldProblem[] = [];
    for (const [group, version] of Object.entries(assessment.versions)) {
      const q = this.catalogue.version(group, version);
      const entry = this.catalogue.group(group);
      const name = (key: string) => itemName(q, entry.definition.number, key);
      const answers = DiagnosisService.answerSet(rows, group);
      for (const key of missingRequiredKeys(q, answers)) {
        fields.push({
          field: `answers.${group}.${key}`,
          code: 'REQUIRED',
          message: message('diagnosis.required', { item: name(key) }),
        });
      }
      // By item key, as SQLite's primary key reads them; PostgreSQL gives rows in heap order.
      const carried = rows.filter((a) => a.groupSlug === group && a.carried && a.value !== null);
      for (const r of carried.sort((a, b) => (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0))) {
        fields.push({
          field: `answers.${group}.${r.itemKey}`,
          code: 'CARRIED_NOT_CONFIRMED',
          message: message('diagnosis.carried-not-confirmed', { item: name(r.itemKey) }),
        });
      }
      // The scorer knows which answers are positive on visible items that require evidence.
      const scored = scoreGroup(q, entry.definition.scoring, {
        answers,
        evidenceGiven: DiagnosisService.withEvidence(rows, group),
      });
      for (const i of scored.items.filter((x) => x.status === 'missing-evidence')) {
        fields.push({
          field: `answers.${group}.${i.key}`,
          code: 'EVIDENCE_MISSING',
          message: message('diagnosis.evidence-missing', {
            item: name(i.key),
            answer: answerLabel(q, i.key, answers[i.key]),
          }),
        });
      }
    }
    return fields;
  }

  /** Items of a group whose answer carries evidence (a link or a file). */
  static withEvidence(rows: readonly AnswerEntity[], group: string): string[] {
    return rows
      .filter((r) => r.groupSlug === group && r.value !== null && (r.evidence?.length ?? 0) > 0)
      .map((r) => r.itemKey);
  }

  /** 409 with the current value, naming who changed the item and when ("you" in another tab, or a colleague). */
  private async staleError(
    em: EntityManager,
    actor: Actor,
    assessment: AssessmentEntity,
    stale: readonly AnswerSaveDto[],
    current: (s: AnswerSaveDto) => AnswerEntity | undefined,
  ): Promise<DomainError> {
    const ids = [...new Set(stale.map((s) => current(s)?.updatedBy).filter((u): u is string => !!u))];
    const users = ids.length > 0 ? await em.findBy(UserEntity, { id: In(ids) }) : [];
    const conflicts = stale.map((s) => {
      const row = current(s);
      const user = users.find((u) => u.id === row?.updatedBy);
      return {
        group: s.group,
        itemKey: s.itemKey,
        expectedVersion: s.expectedVersion,
        currentVersion: row?.version ?? 0,
        currentValue: row?.value ?? null,
        currentEvidence: row?.evidence ?? null,
        updatedBy: row?.updatedBy ?? null,
        updatedAt: row?.updatedAt ?? null,
        changedBy: row?.updatedBy ? { id: row.updatedBy, name: user?.name ?? null } : null,
        changedAt: row?.updatedAt ? new Date(row.updatedAt).toISOString() : null,
        byYou: !!row && row.updatedBy === actor.id,
      };
    });
    const latest = [...conflicts].sort((a, b) => (b.changedAt ?? '').localeCompare(a.changedAt ?? ''))[0];
    let text: LocalizedText;
    if (conflicts.length === 1) {
      const at = brasiliaTime(latest.changedAt ? new Date(latest.changedAt) : this.clock.now());
      const item = this.workflow.itemName(assessment, latest);
      const when = { time: at.time, date: { date: at.date } };
      text = latest.byYou
        ? message('diagnosis.stale.yours', { item, ...when })
        : message('diagnosis.stale.other', {
            name: latest.changedBy?.name ?? message('diagnosis.someone'),
            item,
            ...when,
          });
    } else {
      text = message('diagnosis.stale.many', {
        count: conflicts.length,
        items: { list: conflicts.map((c) => this.workflow.itemName(assessment, c)) },
      });
    }
    return new DomainError(
      'STALE_ANSWER',
      text,
      conflicts.map((c) => ({
        field: `answers.${c.group}.${c.itemKey}`,
        code: 'STALE',
        message: message('diagnosis.stale.field', { expected: c.expectedVersion, current: c.currentVersion }),
      })),
      { conflicts, changedBy: latest.changedBy, changedAt: latest.changedAt, byYou: latest.byYou },
    );
  }

  async submit(actor: Actor, id: string) {
    await this.editions.requireDiagnosisOpen(actor, id);
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      this.workflow.target(assessment, 'submit', actor);
      const rows = await em.findBy(AnswerEntity, { assessmentId: id });
      const missing = this.missing(assessment, rows);
      if (missing.length > 0) {
        const evidence = missing.filter((f) => f.code === 'EVIDENCE_MISSING');
        const path = (f: FieldProblem) => f.field.replace(/^answers\./, '');
        throw new DomainError(
          'SUBMISSION_INCOMPLETE',
          message('diagnosis.submission-incomplete', {
            count: missing.length,
            required: missing.length - evidence.length,
            evidence: evidence.length,
          }),
          missing,
          { missing: missing.map(path), evidenceMissing: evidence.map(path) },
        );
      }
      const moved = await this.workflow.move(em, assessment, 'submit', actor, { submittedAt: this.clock.now() });
      return { id, state: moved.state, round: moved.round };
    });
  }
}
