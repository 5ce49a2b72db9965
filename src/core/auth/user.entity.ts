import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './role';

@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 300 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 12 })
  role: Role;

  /** The government an official acts for; null for the other roles. */
  @Column({ name: 'government_code', type: 'varchar', length: 7, nullable: true })
  governmentCode: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Tokens issued before this instant (ms since the epoch) are refused: set when the user is disabled. */
  @Column({
    name: 'tokens_valid_from',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) },
  })
  tokensValidFrom: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
