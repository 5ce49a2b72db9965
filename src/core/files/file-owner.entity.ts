import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Whom a stored file was uploaded for: an assessment (evidence), or a government (its enrolment documents).
 * Per file and owner, not per hash: the same bytes sent by two governments belong to both.
 */
export interface FileOwner {
  readonly kind: 'assessment' | 'government';
  readonly id: string;
}

@Entity('file_owners')
export class FileOwnerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @PrimaryColumn({ name: 'owner_kind', type: 'varchar', length: 20 })
  ownerKind: FileOwner['kind'];

  @PrimaryColumn({ name: 'owner_id', type: 'varchar', length: 64 })
  ownerId: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
