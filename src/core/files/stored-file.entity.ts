import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file kept under DATA_DIR by its content hash, with the type its content was found to be. */
@Entity('stored_files')
export class StoredFileEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ type: 'integer' })
  size: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
