import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CertificationRule, EditionCalendar, SealValidity } from './edition-rules';

@Entity('editions')
export class EditionEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'simple-json' })
  calendar: EditionCalendar;

  /** The questionnaire version of every group for this edition. */
  @Column({ name: 'pinned_versions', type: 'simple-json' })
  pinnedVersions: Record<string, number>;

  @Column({ name: 'certification_rule', type: 'simple-json' })
  certificationRule: CertificationRule;

  /** Until when the edition's seals are valid (default: a year after issue). */
  @Column({ name: 'seal_validity', type: 'simple-json' })
  sealValidity: SealValidity;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
