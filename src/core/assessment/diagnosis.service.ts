import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { EditionsService } from '../editions/editions.service';
import type { Actor } from '../auth/actor';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { message } from '../i18n/message';
import { FilesService, type StageUpload } from '../files/files.service';
import type { UploadedFile } from '../http/multipart';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerSet, AnswerValue } from '../questionnaire/questionnaire.types';
import { missingRequiredKeys } from '../questionnaire/visibility';
import { scoreGroup } from '../scoring/score-group';
import { AnswerEntity } from './answer.entity';
import { AnswerSaves, requireEditable, type SaveResult } from './answer-saves';
import { AssessmentWorkflow } from './assessment-workflow.service';
import { AssessmentEntity } from './assessment.entity';
import type { EvidenceRef } from './assessment.types';
import type { AnswerSaveDto } from './assessment.dto';
import { answerLabel, itemName } from './item-name';

export type { SaveResult } from './answer-saves';

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
    this.answerSaves = new AnswerSaves(workflow, catalogue, files, clock);
  }

  private readonly answerSaves: AnswerSaves;

  async uploadEvidence(actor: Actor, id: string, file: UploadedFile | undefined): Promise<EvidenceRef> {
    await this.editions.requireDiagnosisOpen(actor, id);
    return this.files.transactionWithUploads(async (em, stage: StageUpload) => {
      const assessment = await this.workflow.load(em, actor, id);
      requireEditable(assessment);
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

  /**
   * Saves answers (one or a batch, as autosave sends them), all or nothing. Each save names the version it
   * changes; a stale one is refused with 409 and the current value, never overwritten. Saves arriving
   * together share one transaction (group commit, answer-saves.ts): each is checked on its own, the deadline
   * included, and answered after the commit.
   */
  saveAnswers(actor: Actor, id: string, saves: readonly AnswerSaveDto[]): Promise<SaveResult> {
    return this.answerSaves.submit({ actor, id, saves });
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
