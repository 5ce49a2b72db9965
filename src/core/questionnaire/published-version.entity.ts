import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The record that a questionnaire version was published, with the hash its content must keep. */
@Entity('questionnaire_versions')
export class PublishedVersionEntity {
  @PrimaryColumn({ name: 'group_slug', type: 'varchar', length: 64 })
  groupSlug: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'file_path', type: 'varchar', length: 300 })
  filePath: string;

  @Column({ name: 'published_at', type: 'varchar', length: 10 })
  publishedAt: string;

  @CreateDateColumn({ name: 'recorded_at' })
  recordedAt: Date;
}
