import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { FilesService } from '../files/files.service';
import { AnswerEntity } from './answer.entity';
import { AssessmentWorkflow } from './assessment-workflow.service';

/** Serves a stored file only through an assessment that refers to it, to the people who may see that assessment. */
@Injectable()
export class AssessmentFilesService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly files: FilesService,
  ) {}

  async read(actor: Actor, id: string, sha256: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, id);
    const { letterOfIntent, course } = assessment.enrolment;
    const refs = [letterOfIntent, ...(course ? [course.certificate] : [])];
    for (const row of await em.findBy(AnswerEntity, { assessmentId: id })) {
      for (const e of row.evidence ?? []) if ('file' in e) refs.push(e);
      const v = row.value as { file?: string } | null;
      if (v && typeof v === 'object' && 'file' in v && v.file)
        refs.push({ file: v.file, fileName: `${row.itemKey}`, mime: '' });
    }
    const ref = refs.find((r) => r.file === sha256);
    if (!ref) throw new DomainError('FILE_NOT_FOUND', message('files.not-in-assessment'));
    const stored = await this.files.read(sha256);
    return { ...stored, fileName: ref.fileName };
  }
}
