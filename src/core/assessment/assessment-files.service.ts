import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import type { FileOwner } from '../files/file-owner.entity';
import { FilesService } from '../files/files.service';
import { AnswerEntity } from './answer.entity';
import { AssessmentWorkflow } from './assessment-workflow.service';
import type { AssessmentEntity } from './assessment.entity';

/** Whom an assessment's files may belong to: the assessment (evidence) or its government (enrolment documents). */
export function fileOwnersOf(assessment: Pick<AssessmentEntity, 'id' | 'governmentCode'>): FileOwner[] {
  return [
    { kind: 'assessment', id: assessment.id },
    { kind: 'government', id: assessment.governmentCode },
  ];
}

/**
 * Serves a stored file only through an assessment that refers to it and that it was uploaded for, to the people
 * who may see that assessment.
 */
@Injectable()
export class AssessmentFilesService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly files: FilesService,
  ) {}

  async read(actor: Actor, id: string, sha256: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, id);
    const ref = (await this.references(assessment)).find((r) => r.file === sha256);
    if (!ref || !(await this.files.ownedBy(em, sha256, fileOwnersOf(assessment))))
      throw new DomainError('FILE_NOT_FOUND', message('files.not-in-assessment'));
    const stored = await this.files.read(sha256);
    return { ...stored, fileName: ref.fileName };
  }

  /** Every file the assessment refers to: its letter, the course certificate, and the answers' evidence. */
  private async references(assessment: AssessmentEntity): Promise<{ file: string; fileName: string }[]> {
    const { letterOfIntent, course } = assessment.enrolment;
    const refs = [letterOfIntent, ...(course ? [course.certificate] : [])];
    for (const row of await this.workflow.dataSource.manager.findBy(AnswerEntity, { assessmentId: assessment.id })) {
      for (const e of row.evidence ?? []) if ('file' in e) refs.push(e);
      const v = row.value as { file?: string } | null;
      if (v && typeof v === 'object' && 'file' in v && v.file)
        refs.push({ file: v.file, fileName: `${row.itemKey}`, mime: '' });
    }
    return refs;
  }
}
