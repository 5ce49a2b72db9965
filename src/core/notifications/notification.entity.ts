import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MessageParams } from '../i18n/message';

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'outbox';

/** An e-mail to send, or (without SMTP_URL) kept in the in-app outbox. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** The subject as a catalogue key and its values, to show it in the reader's language (null before 2026-12). */
  @Column({ name: 'subject_key', type: 'varchar', length: 80, nullable: true })
  subjectKey: string | null;

  @Column({ name: 'subject_params', type: 'simple-json', nullable: true })
  subjectParams: MessageParams | null;

  /** The page the message is about, as a path (`/avaliacoes/<id>`). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10 })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Keeps reminders from being sent twice. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true, unique: true })
  dedupeKey: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt: Date | null;
}
