import type { DataSource } from 'typeorm';
import type { AnswerEntity } from '../core/assessment/answer.entity';
import type { AssessmentEntity } from '../core/assessment/assessment.entity';
import type { ReviewService } from '../core/review/review.service';
import { asJson, dialectOfRunner, jsonNumber, rawQuery, type SqlDialect } from '../database/portable-sql';

/** The national bench's work outside the services it times: the plain SQL baselines and the re-scoring pass. */
/** The plain SQL baselines, in each database's own JSON functions. */
const PLAIN: Record<SqlDialect, { certified: string; groups: string; rating: string; packed: string }> = {
  sqlite: {
    certified: `SUM(a.state = 'certified')`,
    groups: `SELECT json_extract(j.value, '$.group') AS grp, MIN(CAST(json_extract(j.value, '$.score') / 10 AS INTEGER), 9) AS band, COUNT(*) AS n
     FROM assessments a, json_each(a.score_snapshot, '$.index.groups') j`,
    rating: `json_extract(COALESCE(reviewer_rating, value), '$')`,
    packed: `json_group_array(json_array(group_slug, item_key, json(value), json(reviewer_rating), review_status, json(evidence)))`,
  },
  postgres: {
    certified: `COUNT(*) FILTER (WHERE a.state = 'certified')`,
    groups: `SELECT j.value ->> 'group' AS grp,
       CASE WHEN j.value ->> 'score' IS NOT NULL THEN LEAST(FLOOR(CAST(j.value ->> 'score' AS DOUBLE PRECISION) / 10), 9) END AS band, COUNT(*) AS n
     FROM assessments a, json_array_elements((a.score_snapshot #> '{index,groups}')::json) j`,
    rating: `COALESCE(reviewer_rating, value) #>> '{}'`,
    packed: `json_agg(json_build_array(group_slug, item_key, value, reviewer_rating, review_status, evidence))`,
  },
};

/** What the dashboard shows, computed the plain way: straight from the stored snapshots, no facts tables. */
export async function plainDashboard(db: DataSource, year: number): Promise<unknown> {
  const d = dialectOfRunner(db);
  const states = await rawQuery(
    db,
    `SELECT g.uf, COUNT(*) AS enrolled, ${PLAIN[d].certified} AS certified, AVG(${jsonNumber(d, 'a.score_snapshot', 'index.index')}) AS mean
     FROM assessments a JOIN governments g ON g.ibge_code = a.government_code WHERE a.edition_year = ? GROUP BY g.uf`,
    [year],
  );
  const groups = await rawQuery(
    db,
    `${PLAIN[d].groups} WHERE a.edition_year = ? AND a.score_snapshot IS NOT NULL GROUP BY grp, band`,
    [year],
  );
  const priorities = await rawQuery(
    db,
    `SELECT p.group_slug, COUNT(*) AS n FROM priorities p JOIN assessments a ON a.id = p.assessment_id WHERE a.edition_year = ? GROUP BY p.group_slug`,
    [year],
  );
  return { states, groups, priorities };
}

/** Sim/Parcial/Não averaged per assessment and group in one GROUP BY. */
export function plainRescore(db: DataSource): Promise<unknown[]> {
  return rawQuery(
    db,
    `SELECT assessment_id, group_slug, AVG(CASE ${PLAIN[dialectOfRunner(db)].rating} WHEN 'yes' THEN 100.0 WHEN 'partial' THEN 50.0 WHEN 'no' THEN 0.0 END) AS score
       FROM answers GROUP BY assessment_id, group_slug`,
  );
}

/**
 * Every assessment's answers through the engine's own snapshot function, a page of assessments at a time: ids
 * after `from` up to `to` ('' for no bound).
 */
export async function rescoreAll(db: DataSource, review: ReviewService, from = '', to = ''): Promise<number> {
  const d = dialectOfRunner(db);
  let differing = 0;
  for (let after = from; ;) {
    const bounds = [...(after ? [after] : []), ...(to ? [to] : [])];
    const assessments = await rawQuery<{ id: string; versions: unknown; round: number; stored: number | null }>(
      db,
      `SELECT id, versions, round, ${jsonNumber(d, 'score_snapshot', 'index.index')} AS stored FROM assessments
       WHERE score_snapshot IS NOT NULL ${after ? 'AND id > ?' : ''} ${to ? 'AND id <= ?' : ''} ORDER BY id LIMIT 500`,
      bounds,
    );
    if (assessments.length === 0) return differing;
    after = assessments[assessments.length - 1].id;
    // An assessment's answers as one JSON text: far fewer rows for the driver to build than one per answer.
    const answers = await rawQuery<{ a: string; j: unknown }>(
      db,
      `SELECT assessment_id AS a, ${PLAIN[d].packed} AS j
       FROM answers WHERE assessment_id >= ? AND assessment_id <= ? GROUP BY assessment_id`,
      [assessments[0].id, after],
    );
    const byAssessment = new Map(
      answers.map((x) => [
        x.a,
        asJson<[string, string, unknown, unknown, string, AnswerEntity['evidence']][]>(x.j).map(
          ([groupSlug, itemKey, value, reviewerRating, reviewStatus, evidence]) =>
            ({ groupSlug, itemKey, value, reviewerRating, reviewStatus, evidence }) as AnswerEntity,
        ),
      ]),
    );
    for (const a of assessments) {
      const snapshot = review.snapshot(
        { versions: asJson(a.versions), round: a.round } as AssessmentEntity,
        byAssessment.get(a.id) ?? [],
      );
      if (snapshot.index.index !== a.stored) differing += 1;
    }
  }
}

/** The export's reading side alone: every answer row, in pages of assessments, discarded. */
export async function readAllAnswers(db: DataSource): Promise<number> {
  let total = 0;
  let after = '';
  for (;;) {
    const ids = (
      await rawQuery<{ id: string }>(
        db,
        `SELECT id FROM assessments ${after ? 'WHERE id > ?' : ''} ORDER BY id LIMIT 500`,
        after ? [after] : [],
      )
    ).map((r) => r.id);
    if (ids.length === 0) return total;
    const rows = await rawQuery(db, `SELECT * FROM answers WHERE assessment_id >= ? AND assessment_id <= ?`, [
      ids[0],
      ids[ids.length - 1],
    ]);
    total += rows.length;
    after = ids[ids.length - 1];
  }
}
