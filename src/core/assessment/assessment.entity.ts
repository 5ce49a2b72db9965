import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AssessmentState } from './assessment-state';
import type { EnrolmentRecord, ScoreSnapshot } from './assessment.types';

/** One government's diagnosis in one edition, with its enrolment. */
@Entity('assessments')
export class AssessmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'edition_year', type: 'integer' })
  editionYear: number;

  @Column({ name: 'government_code', type: 'varchar', length: 7 })
  governmentCode: string;

  @Column({ type: 'varchar', length: 24 })
  state: AssessmentState;

  /** Questionnaire version per group, pinned by the edition at enrolment. */
  @Column({ type: 'simple-json' })
  versions: Record<string, number>;

  @Column({ name: 'previous_assessment_id', type: 'varchar', length: 36, nullable: true })
  previousAssessmentId: string | null;

  /** Review round: 1 for the first submission, +1 at every resubmission. */
  @Column({ type: 'integer', default: 1 })
  round: number;

  @Column({ type: 'simple-json' })
  enrolment: EnrolmentRecord;

  @Column({ name: 'score_snapshot', type: 'simple-json', nullable: true })
  scoreSnapshot: ScoreSnapshot | null;

  @Column({ name: 'submitted_at', type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'approved_at', type: Date, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'row_version', type: 'integer', default: 1 })
  rowVersion: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
