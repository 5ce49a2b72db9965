import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { asJson, asNumber, dialectOfRunner } from '../database/portable-sql';
import { AuditService } from '../core/audit/audit.service';
import { message } from '../core/i18n/message';
import { NationalSeedError, seeded } from './national-seed';

export interface RemovalSummary {
  readonly assessments: number;
  readonly answers: number;
  readonly priorities: number;
  readonly editions: readonly number[];
}

/**
 * Removes what the seed created (its assessments with their answers and priorities, and the editions it
 * created that nothing else uses), nothing else. Refuses while seals or batches refer to seeded assessments.
 */
export async function removeNationalSeed(app: INestApplicationContext): Promise<RemovalSummary> {
  const ds = app.get(DataSource);
  return ds.transaction(async (em) => {
    const SEEDED = seeded(dialectOfRunner(em));
    const ids = `SELECT id FROM assessments WHERE ${SEEDED}`;
    const count = async (sql: string) => asNumber(((await em.query(sql)) as { n: unknown }[])[0].n);
    const seals = await count(`SELECT COUNT(*) AS n FROM certificates WHERE assessment_id IN (${ids})`);
    const batched = await count(`SELECT COUNT(*) AS n FROM certificate_batch_items WHERE assessment_id IN (${ids})`);
    if (seals + batched > 0) {
      throw new NationalSeedError(message('seed.seals-issued', { seals, items: batched }));
    }
    const priorities = await count(`SELECT COUNT(*) AS n FROM priorities WHERE assessment_id IN (${ids})`);
    const answers = await count(`SELECT COUNT(*) AS n FROM answers WHERE assessment_id IN (${ids})`);
    const assessments = await count(`SELECT COUNT(*) AS n FROM assessments WHERE ${SEEDED}`);
    try {
      await em.query(
        `UPDATE priorities SET progress_reported_in = NULL, progress_status = NULL, progress_note = NULL WHERE progress_reported_in IN (${ids}) AND assessment_id NOT IN (${ids})`,
      );
      await em.query(
        `UPDATE assessments SET previous_assessment_id = NULL WHERE previous_assessment_id IN (${ids}) AND NOT (${SEEDED})`,
      );
      await em.query(`DELETE FROM priorities WHERE assessment_id IN (${ids})`);
      await em.query(`DELETE FROM answers WHERE assessment_id IN (${ids})`);
      await em.query(`DELETE FROM assessments WHERE ${SEEDED}`);
    } catch (e) {
      // The database's own words go along, for whoever has to find the record.
      throw new NationalSeedError(message('seed.referenced'), (e as Error).message);
    }
    const runs = (await em.query(`SELECT "after" FROM audit_log WHERE action = 'seed.national'`)) as {
      after: unknown;
    }[];
    const createdBySeed = [
      ...new Set(runs.flatMap((r) => asJson<{ editionsCreated: number[] }>(r.after).editionsCreated)),
    ];
    const removable: number[] = [];
    for (const year of createdBySeed) {
      const used = await count(
        `SELECT (SELECT COUNT(*) FROM assessments WHERE edition_year = ${Number(year)}) + (SELECT COUNT(*) FROM certificates WHERE edition_year = ${Number(year)}) + (SELECT COUNT(*) FROM certificate_batches WHERE edition_year = ${Number(year)}) AS n`,
      );
      if (used === 0 && (await count(`SELECT COUNT(*) AS n FROM editions WHERE year = ${Number(year)}`)) > 0)
        removable.push(year);
    }
    if (removable.length > 0)
      await em.query(`DELETE FROM editions WHERE year IN (${removable.map(Number).join(', ')})`);
    await app.get(AuditService).record(em, null, {
      action: 'seed.national-remove',
      entity: 'seed',
      entityId: 'national',
      after: { assessments, answers, priorities, editions: removable },
    });
    return { assessments, answers, priorities, editions: removable };
  });
}
