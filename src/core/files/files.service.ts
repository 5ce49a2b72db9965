import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import type { UploadedFile } from '../http/multipart';
import { message } from '../i18n/message';
import { checkUpload, type SniffedType } from './content-sniffing';
import { ContentAddressedStore } from './file-store';
import { StoredFileEntity } from './stored-file.entity';

export interface StoredFileRef {
  readonly file: string;
  readonly fileName: string;
  readonly mime: string;
}

/** Adds an upload to the transaction's work: checked by content, stored by hash, undone if the work fails. */
export type StageUpload = (
  upload: UploadedFile | undefined,
  allowed: readonly SniffedType['kind'][],
  field: string,
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
        work(em, async (upload, allowed, field) => {
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
          });
          if (!checked.ok) {
            throw new DomainError(
              checked.code === 'TOO_LARGE' ? 'UPLOAD_TOO_LARGE' : 'UPLOAD_REJECTED',
              checked.message,
              [{ field, code: checked.code, message: checked.message }],
            );
          }
          const put = await this.store.put(upload.bytes);
          if (put.created) created.push(put.sha256);
          await em
            .createQueryBuilder()
            .insert()
            .into(StoredFileEntity)
            .values({ sha256: put.sha256, mime: checked.type.mime, size: put.size })
            .orIgnore()
            .execute();
          return { file: put.sha256, fileName: upload.fileName.slice(0, 200), mime: checked.type.mime };
        }),
      );
    } catch (e) {
      // Another request may have stored the same bytes meanwhile and committed: keep what a row refers to.
      const rows = this.dataSource.getRepository(StoredFileEntity);
      for (const sha of created) if (!(await rows.existsBy({ sha256: sha }))) await this.store.remove(sha);
      throw e;
    }
  }

  async exists(em: EntityManager, sha256: string): Promise<StoredFileEntity | null> {
    return em.findOneBy(StoredFileEntity, { sha256 });
  }

  async read(sha256: string): Promise<{ bytes: Buffer; mime: string }> {
    const row = await this.dataSource.getRepository(StoredFileEntity).findOneBy({ sha256 });
    if (!row) throw new DomainError('FILE_NOT_FOUND', message('files.not-found'));
    return { bytes: Buffer.from(await this.store.read(sha256)), mime: row.mime };
  }
}
