import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asJson, dialectOfRunner, rawQuery } from '../../database/portable-sql';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_TTL_MS, type IdempotentRequest, type StoredResponse } from './idempotency';

interface KeyRow {
  route: string;
  request_digest: string;
  response_status: number | null;
  response_body: string | null;
  response_headers: string | null;
  created_at: string;
}

/** A request still "in progress" after this long died with its process: its key is free again. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** How long a page's repeated form waits for the first one to finish, and how often it looks. */
const WAIT_MS = 60_000;
const POLL_MS = 100;

/**
 * Requests that must do their work once (issuing, enrolling): the first with a key reserves it, does the work
 * and stores its response; a repeat by the same user with the same content gets that response again; another
 * content under the key is refused (422), as is a repeat while the first is still running (409). Only
 * successful responses are kept: after a failure nothing was done, so the same key may try again.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The stored response to replay, or null after reserving the key for this request. */
  async begin(request: IdempotentRequest): Promise<StoredResponse | null> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      await this.lockKey(em, request);
      await rawQuery(em, `DELETE FROM idempotency_keys WHERE expires_at <= ?`, [now.getTime()]);
      const [row] = await rawQuery<KeyRow>(
        em,
        `SELECT route, request_digest, response_status, response_body, response_headers, created_at
         FROM idempotency_keys WHERE user_id = ? AND "key" = ?`,
        [request.userId, request.key],
      );
      const abandoned =
        row && row.response_status === null && now.getTime() - Date.parse(row.created_at) > ABANDONED_AFTER_MS;
      if (row && !abandoned) return this.replay(request, row);
      await this.reserve(em, request, now);
      return null;
    });
  }

  async complete(request: IdempotentRequest, response: StoredResponse): Promise<void> {
    await this.dataSource.transaction((em) =>
      rawQuery(
        em,
        `UPDATE idempotency_keys SET response_status = ?, response_body = ?, response_headers = ?
         WHERE user_id = ? AND "key" = ?`,
        [
          response.status,
          JSON.stringify(response.body ?? null),
          JSON.stringify(response.headers),
          request.userId,
          request.key,
        ],
      ),
    );
  }

  /** Frees the key of a request that failed. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.dataSource.transaction((em) =>
      rawQuery(em, `DELETE FROM idempotency_keys WHERE user_id = ? AND "key" = ? AND response_status IS NULL`, [
        request.userId,
        request.key,
      ]),
    );
  }

  /**
   * The work done once for a page's form (or every time when the form carries no key). A repeat sent while the
   * first is still running (a double click) waits for it and gets its response, since the browser shows only
   * the last one.
   */
  async once(request: IdempotentRequest | null, work: () => Promise<StoredResponse>): Promise<StoredResponse> {
    if (!request) return work();
    const stored = await this.beginWhenFree(request);
    if (stored) return stored;
    try {
      const response = await work();
      await this.complete(request, response);
      return response;
    } catch (e) {
      await this.release(request);
      throw e;
    }
  }

  private async beginWhenFree(request: IdempotentRequest): Promise<StoredResponse | null> {
    for (let waited = 0; ; waited += POLL_MS) {
      try {
        return await this.begin(request);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'IDEMPOTENCY_KEY_IN_PROGRESS' || waited >= WAIT_MS) throw e;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
  }

  /**
   * SQLite runs one transaction at a time; on PostgreSQL two requests with the same key would both find it free,
   * so each takes the key's lock (held until its transaction ends) before looking.
   */
  private async lockKey(em: EntityManager, request: IdempotentRequest): Promise<void> {
    if (dialectOfRunner(em) !== 'postgres') return;
    await rawQuery(em, `SELECT pg_advisory_xact_lock(hashtext(?))`, [`idempotency:${request.userId}:${request.key}`]);
  }

  /** Reserves the key, replacing an abandoned reservation as a fresh one (no response). */
  private async reserve(em: EntityManager, request: IdempotentRequest, now: Date): Promise<void> {
    await rawQuery(
      em,
      `INSERT INTO idempotency_keys (user_id, "key", route, request_digest, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, "key") DO UPDATE SET route = excluded.route, request_digest = excluded.request_digest,
         response_status = NULL, response_body = NULL, response_headers = NULL,
         created_at = excluded.created_at, expires_at = excluded.expires_at`,
      [
        request.userId,
        request.key,
        request.route,
        request.digest,
        now.toISOString(),
        now.getTime() + IDEMPOTENCY_TTL_MS,
      ],
    );
  }

  private replay(request: IdempotentRequest, row: KeyRow): StoredResponse {
    const params = { key: request.key, route: row.route };
    if (row.route !== request.route || row.request_digest !== request.digest) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', message('common.idempotency.reused', params), [
        { field: IDEMPOTENCY_HEADER, code: 'KEY_REUSED', message: message('common.idempotency.reused.field') },
      ]);
    }
    if (row.response_status === null) {
      throw new DomainError('IDEMPOTENCY_KEY_IN_PROGRESS', message('common.idempotency.in-progress', params), [
        {
          field: IDEMPOTENCY_HEADER,
          code: 'KEY_IN_PROGRESS',
          message: message('common.idempotency.in-progress.field'),
        },
      ]);
    }
    return {
      status: row.response_status,
      body: asJson(row.response_body ?? 'null'),
      headers: asJson<Record<string, string> | null>(row.response_headers) ?? {},
    };
  }
}
