import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SignInOutcome } from './sign-in-outcomes';

const millis = {
  to: (v: number) => v,
  from: (v: string | number) => Number(v),
};

/** One sign-in attempt: the e-mail tried, the user if it is one, where it came from, when, and how it ended. */
@Entity('sign_ins')
export class SignInEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  email: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 20 })
  outcome: SignInOutcome;

  /** The client's address as the HTTP layer sees it (behind a proxy, with TRUST_PROXY, the forwarded one). */
  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Column({ name: 'user_agent', type: 'varchar', length: 200, nullable: true })
  userAgent: string | null;

  /** How long the answer was held back by throttling. */
  @Column({ name: 'delay_ms', type: 'integer', default: 0 })
  delayMs: number;

  /** The engine's clock, ms since the epoch. */
  @Column({ name: 'attempted_at', type: 'bigint', transformer: millis })
  attemptedAt: number;
}
