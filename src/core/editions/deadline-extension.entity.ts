import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's extension of an edition's diagnosis deadline for one government, with its reason. */
@Entity('deadline_extensions')
export class DeadlineExtensionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'edition_year', type: 'integer' })
  editionYear: number;

  @Column({ name: 'government_code', type: 'varchar', length: 7 })
  governmentCode: string;

  /** New last day (inclusive, YYYY-MM-DD) of the diagnosis for this government. */
  @Column({ type: 'varchar', length: 10 })
  until: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  /** When it was granted (ISO time, from the engine's clock). */
  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
