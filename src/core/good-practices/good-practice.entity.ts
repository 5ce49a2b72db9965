import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type GoodPracticeStatus = 'pending' | 'approved' | 'rejected';

/** A practice a government records during its diagnosis; once a reviewer approves it, it is public (a "ficha"). */
@Entity('good_practices')
export class GoodPracticeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'assessment_id', type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ name: 'group_slug', type: 'varchar', length: 64 })
  groupSlug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** A page or document that shows the practice. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  link: string | null;

  @Column({ name: 'start_year', type: 'integer', nullable: true })
  startYear: number | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: GoodPracticeStatus;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: Date, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
