import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoreSnapshot } from '../assessment/assessment.types';

/** An issued "Selo MigraCidades": the record behind the PDF, its credential and its public verification. */
@Entity('certificates')
export class CertificateEntity {
  /** Public number, e.g. MC-2025-00012. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  number: string;

  @Column({ name: 'assessment_id', type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ name: 'government_code', type: 'varchar', length: 7 })
  governmentCode: string;

  @Column({ name: 'edition_year', type: 'integer' })
  editionYear: number;

  @Column({ name: 'issued_at', type: 'varchar', length: 30 })
  issuedAt: string;

  @Column({ name: 'issued_by', type: 'varchar', length: 36 })
  issuedBy: string;

  /** First day of validity (YYYY-MM-DD): the day it was issued. */
  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom: string;

  /** Last day of validity (YYYY-MM-DD, inclusive), by the edition's seal validity. */
  @Column({ name: 'valid_until', type: 'varchar', length: 10 })
  validUntil: string;

  /** The maturity level certified: the index's (scoring policy's levels), e.g. 'reference' for 84.1. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  level: string | null;

  /** The score snapshot certified, as it was at issuance. */
  @Column({ type: 'simple-json' })
  snapshot: ScoreSnapshot;

  /** The signed credential (VC-JWT). */
  @Column({ type: 'text' })
  credential: string;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 })
  pdfSha256: string;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  /** The seal that re-issued this one, if any. */
  @Column({ name: 'replaced_by', type: 'varchar', length: 20, nullable: true })
  replacedBy: string | null;

  /** The seal's position in the published revocation list (W3C Bitstring Status List): list number and index. */
  @Column({ name: 'status_list', type: 'integer' })
  statusList: number;

  @Column({ name: 'status_index', type: 'integer' })
  statusIndex: number;
}
