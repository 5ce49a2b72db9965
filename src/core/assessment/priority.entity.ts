import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type ProgressStatus = 'not-started' | 'in-progress' | 'achieved';

/** An item a government commits to improve after its approval, and what it reported the next edition. */
@Entity('priorities')
export class PriorityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'assessment_id', type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ name: 'group_slug', type: 'varchar', length: 64 })
  groupSlug: string;

  @Column({ name: 'item_key', type: 'varchar', length: 64 })
  itemKey: string;

  @Column({ type: 'text' })
  commitment: string;

  @Column({ name: 'progress_status', type: 'varchar', length: 12, nullable: true })
  progressStatus: ProgressStatus | null;

  @Column({ name: 'progress_note', type: 'text', nullable: true })
  progressNote: string | null;

  @Column({ name: 'progress_reported_in', type: 'varchar', length: 36, nullable: true })
  progressReportedIn: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
