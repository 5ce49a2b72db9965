import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import type { EvidenceRef, ReviewStatus } from './assessment.types';

/** One item's answer in an assessment, with the reviewer's verdict on it. */
@Entity('answers')
export class AnswerEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'varchar', length: 36 })
  assessmentId: string;

  @PrimaryColumn({ name: 'group_slug', type: 'varchar', length: 64 })
  groupSlug: string;

  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 64 })
  itemKey: string;

  /** The official's answer; null when cleared. */
  @Column({ type: 'simple-json', nullable: true })
  value: AnswerValue | null;

  @Column({ type: 'simple-json', nullable: true })
  evidence: EvidenceRef[] | null;

  /** Incremented at every change: a save names the version it changes (optimistic concurrency). */
  @Column({ type: 'integer' })
  version: number;

  /** Carried from the previous edition and not confirmed yet. */
  @Column({ type: 'boolean', default: false })
  carried: boolean;

  @Column({ name: 'changed_round', type: 'integer' })
  changedRound: number;

  @Column({ name: 'review_status', type: 'varchar', length: 12, default: 'pending' })
  reviewStatus: ReviewStatus;

  /** The reviewer's rating when it differs from the official's answer; scores use it. */
  @Column({ name: 'reviewer_rating', type: 'simple-json', nullable: true })
  reviewerRating: AnswerValue | null;

  /** Justification of an adjustment, or the comment sent back to the official. */
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_round', type: 'integer', nullable: true })
  reviewedRound: number | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
