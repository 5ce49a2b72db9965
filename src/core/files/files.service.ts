import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import type { UploadedFile } from '../http/multipart';
import { message, verbatim } from '../i18n/message';
import { archiveLimits, archiveProblemMessage, inspectArchive } from './archive-inspection';
import { archiveFormatOf, checkUpload, type SniffedType } from './content-sniffing';
import { type FileOwner, FileOwnerEntity } from './file-owner.entity';
import { ContentAddressedStore, isSha256 } from './file-store';
import { StoredFileEntity } from './stored-file.entity';
import { insertRows } from '../../database/portable-sql';
import { together } from '../../database/together';

export interface StoredFileRef {
  readonly file: string;
  readonly fileName: string;
  readonly mime: string;
}

export interface StageOptions {
  /** Whom the file is uploaded for: only they may refer to it afterwards. */
  readonly owner?: FileOwner;
  /** Made by the engine itself (a seal): its PDF attachments are meant to be there. */
  readonly generated?: boolean;
}

/** Adds an upload to the transaction's work: checked by content, stored by hash, undone if the work fails. */
export type StageUpload = (
  upload: UploadedFile | undefined,
  allowed: readonly SniffedType['kind'][],
  field: string,
  options?: StageOptions,
) => Promise<StoredFileRef>;

@Injectable()
export class FilesService {
  private readonly store: ContentAddressedStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.store = new ContentAddressedStore(join(config.dataDir, 'files'));
  }

  /**
   * Runs `work` in one database transaction; files it stages are written before the commit and removed
   * again if anything fails, so a refused request leaves neither rows nor files behind.
   */
  async transactionWithUploads<T>(work: (em: EntityManager, stage: StageUpload) => Promise<T>): Promise<T> {
    const created: string[] = [];
    try {
      return await this.dataSource.transaction((em) =>
        work(em, async (upload, allowed, field, options = {}) => {
          const type = await this.check(upload, allowed, field, options.generated ?? false);
          const put = await this.store.put(upload!.bytes);
          if (put.created) created.push(put.sha256);
          await insertFileRows(em, [{ sha256: put.sha256, mime: type.mime, size: put.size }]);
          if (options.owner) await this.grant(em, [put.sha256], options.owner);
          return { file: put.sha256, fileName: upload!.fileName.slice(0, 200), mime: type.mime };
        }),
      );
    } catch (e) {
      await this.removeUnreferenced(created);
      throw e;
    }
  }

  /**
   * Like `transactionWithUploads`, for files known before the work starts (the engine's own, e.g. seals): they
   * are checked and written (synced, under their hash) before the transaction opens, so that it holds the
   * database for its rows only, and their rows go in two statements. A crash in between leaves files no row
   * names, never a row without its file; if the work fails, the files written for it are removed again.
   */
  async transactionWithFiles<T>(
    uploads: readonly {
      upload: UploadedFile;
      allowed: readonly SniffedType['kind'][];
      field: string;
      options?: StageOptions;
    }[],
    work: (em: EntityManager, stored: readonly StoredFileRef[]) => Promise<T>,
  ): Promise<T> {
    const created: string[] = [];
    try {
      // Every write has ended (none is left to leave a file behind unremoved) before the first refusal is thrown.
      const files = await together(
        ...uploads.map(async ({ upload, allowed, field, options = {} }) => {
          const type = await this.check(upload, allowed, field, options.generated ?? false);
          const put = await this.store.put(upload.bytes);
          if (put.created) created.push(put.sha256);
          return { ...put, mime: type.mime, owner: options.owner, fileName: upload.fileName.slice(0, 200) };
        }),
      );
      return await this.dataSource.transaction(async (em) => {
        await insertFileRows(em, files);
        await insertOwnerRows(
          em,
          files.flatMap((f) => (f.owner ? [{ sha256: f.sha256, owner: f.owner }] : [])),
        );
        return work(
          em,
          files.map((f) => ({ file: f.sha256, fileName: f.fileName, mime: f.mime })),
        );
      });
    } catch (e) {
      await this.removeUnreferenced(created);
      throw e;
    }
  }

  /** Another request may have stored the same bytes meanwhile and committed: keep what a row refers to. */
  private async removeUnreferenced(created: readonly string[]): Promise<void> {
    const rows = this.dataSource.getRepository(StoredFileEntity);
    for (const sha of created) if (!(await rows.existsBy({ sha256: sha }))) await this.store.remove(sha);
  }

  /** The upload's type by its content, or the refusal naming the field: a missing file, a wrong type, a bomb. */
  private async check(
    upload: UploadedFile | undefined,
    allowed: readonly SniffedType['kind'][],
    field: string,
    generated: boolean,
  ): Promise<SniffedType> {
    if (!upload) {
      throw new DomainError('VALIDATION_FAILED', message('files.missing'), [
        { field, code: 'FILE_REQUIRED', message: message('files.missing.field') },
      ]);
    }
    const checked = checkUpload({
      bytes: upload.bytes,
      fileName: upload.fileName,
      declaredMime: upload.declaredMime,
      allowed,
      maxBytes: this.config.maxUploadBytes,
      generated,
    });
    if (!checked.ok) {
      throw new DomainError(checked.code === 'TOO_LARGE' ? 'UPLOAD_TOO_LARGE' : 'UPLOAD_REJECTED', checked.message, [
        { field, code: checked.code, message: checked.message },
      ]);
    }
    const format = archiveFormatOf(checked.type);
    const archive = format && (await inspectArchive(upload.bytes, format, archiveLimits(this.config.maxUploadBytes)));
    if (archive && !archive.ok) {
      const text = archiveProblemMessage(archive, verbatim(checked.type.extension.toUpperCase()));
      throw new DomainError('UPLOAD_REJECTED', text, [{ field, code: `ARCHIVE_${archive.problem}`, message: text }]);
    }
    return checked.type;
  }

  /** Records that the files belong to the owner too (evidence carried into a government's next assessment). */
  async grant(em: EntityManager, sha256s: readonly string[], owner: FileOwner): Promise<void> {
    await insertOwnerRows(
      em,
      [...new Set(sha256s)].map((sha256) => ({ sha256, owner })),
    );
  }

  /** Whether the file was uploaded for (or carried into) one of the owners. */
  async ownedBy(em: EntityManager, sha256: string, owners: readonly FileOwner[]): Promise<boolean> {
    if (!isSha256(sha256) || owners.length === 0) return false;
    return em.existsBy(
      FileOwnerEntity,
      owners.map((o) => ({ sha256, ownerKind: o.kind, ownerId: o.id })),
    );
  }

  async exists(em: EntityManager, sha256: string): Promise<StoredFileEntity | null> {
    return isSha256(sha256) ? em.findOneBy(StoredFileEntity, { sha256 }) : null;
  }

  async read(sha256: string): Promise<{ bytes: Buffer; mime: string }> {
    // Only a hash names a file: anything else (a path, `../`) is no file at all.
    if (!isSha256(sha256)) throw new DomainError('FILE_NOT_FOUND', message('files.not-found'));
    const row = await this.dataSource.getRepository(StoredFileEntity).findOneBy({ sha256 });
    if (!row) throw new DomainError('FILE_NOT_FOUND', message('files.not-found'));
    return { bytes: Buffer.from(await this.store.read(sha256)), mime: row.mime };
  }
}

/** The files' rows; a file stored already (the same bytes) keeps its row. */
const insertFileRows = (em: EntityManager, files: readonly { sha256: string; mime: string; size: number }[]) =>
  insertRows(
    em,
    'stored_files',
    ['sha256', 'mime', 'size'],
    files.map((f) => [f.sha256, f.mime, f.size]),
    'ON CONFLICT DO NOTHING',
  );

/** Who each file belongs to; an owner recorded already stays as it was. */
const insertOwnerRows = (em: EntityManager, owned: readonly { sha256: string; owner: FileOwner }[]) =>
  insertRows(
    em,
    'file_owners',
    ['sha256', 'owner_kind', 'owner_id'],
    owned.map((o) => [o.sha256, o.owner.kind, o.owner.id]),
    'ON CONFLICT DO NOTHING',
  );
