import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { asNumber, rawQuery } from '../../database/portable-sql';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { ADVISORY_LOCKS, lockForTransaction } from '../notifications/advisory-lock';
import { IssuerKeysService } from './issuer-keys.service';
import {
  allocateSlots,
  type BitstringStatusListEntry,
  buildStatusListCredential,
  encodeStatusList,
  type StatusSlot,
  statusListEntry,
} from './status-list';

/**
 * The seals' revocation list, published as a W3C Bitstring Status List credential signed with the issuer key.
 * A seal's bit is its `revoked_at`: the list is derived from the certificates, so revoking (or re-issuing, which
 * revokes the earlier seal) sets it in the same transaction that records the revocation. The signed list is
 * kept until the set of revoked seals in it changes.
 */
@Injectable()
export class StatusListService {
  private readonly signed = new Map<number, { readonly key: string; readonly jwt: string }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuerKeysService,
    private readonly clock: Clock,
  ) {}

  listUrl(list: number): string {
    return `${this.config.publicUrl}/credentials/status/${list}`;
  }

  /** The `credentialStatus` of the seal at this position. */
  entry(slot: StatusSlot): BitstringStatusListEntry {
    return statusListEntry(this.listUrl(slot.list), slot.index);
  }

  /**
   * Reserves positions for seals about to be signed, in a transaction of their own (as seal numbers are):
   * a seal that then fails to be issued leaves its position unused, and no two seals ever share one (on
   * PostgreSQL the processes choose in turn, under an advisory lock held to the commit).
   */
  async reserve(count: number): Promise<StatusSlot[]> {
    if (count === 0) return [];
    return this.dataSource.transaction(async (em) => {
      await lockForTransaction(em, ADVISORY_LOCKS.statusListSlots);
      const [row] = await rawQuery<{ list: unknown }>(
        em,
        `SELECT COALESCE(MAX("list"), 1) AS list FROM "status_list_slots"`,
      );
      const list = asNumber(row.list);
      const taken = (
        await rawQuery<{ idx: number }>(em, `SELECT "idx" FROM "status_list_slots" WHERE "list" = ?`, [list])
      ).map((r) => r.idx);
      const slots = allocateSlots({ list, taken }, count, (n) => randomInt(n));
      const reservedAt = this.clock.now().toISOString();
      for (let i = 0; i < slots.length; i += 200) {
        const chunk = slots.slice(i, i + 200);
        await rawQuery(
          em,
          `INSERT INTO "status_list_slots" ("list", "idx", "reserved_at") VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
          chunk.flatMap((s) => [s.list, s.index, reservedAt]),
        );
      }
      return slots;
    });
  }

  /** The signed BitstringStatusListCredential of a list (VC-JWT), re-signed only when a revocation changed it. */
  async credential(list: number): Promise<string> {
    const [row] = await rawQuery<{ last: unknown }>(
      this.dataSource,
      `SELECT COALESCE(MAX("list"), 1) AS last FROM "status_list_slots"`,
    );
    const last = asNumber(row.last);
    if (!Number.isInteger(list) || list < 1 || list > last)
      throw new DomainError(
        'STATUS_LIST_NOT_FOUND',
        message('credentials.status-list-not-found', { list: String(list) }),
      );
    const revoked = (
      await rawQuery<{ idx: number }>(
        this.dataSource,
        `SELECT "status_index" AS idx FROM "certificates" WHERE "status_list" = ? AND "revoked_at" IS NOT NULL ORDER BY "status_index"`,
        [list],
      )
    ).map((r) => r.idx);
    const key = revoked.join(',');
    const cached = this.signed.get(list);
    if (cached?.key === key) return cached.jwt;
    const { payload } = buildStatusListCredential({
      listUrl: this.listUrl(list),
      issuerDid: this.keys.did,
      issuedAt: this.clock.now(),
      encodedList: encodeStatusList(revoked),
    });
    const jwt = this.keys.signJwt(payload, 'vc+jwt');
    this.signed.set(list, { key, jwt });
    return jwt;
  }
}
