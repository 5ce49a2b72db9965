import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { asJson, asNumber, dialectOfRunner, jsonNumber, rawQuery } from '../src/database/portable-sql';
import { AnswerEntity } from '../src/core/assessment/answer.entity';
import { AssessmentEntity } from '../src/core/assessment/assessment.entity';
import type { AnswerValue } from '../src/core/questionnaire/questionnaire.types';
import { EditionsService } from '../src/core/editions/editions.service';
import { ExportsService } from '../src/core/exports/exports.service';
import { ReviewService } from '../src/core/review/review.service';
import { ScoringService } from '../src/core/scoring/scoring.service';
import { NationalSeedError, seedNational } from '../src/seed/national-seed';
import { removeNationalSeed } from '../src/seed/national-seed-removal';
import { runNationalSeedCli } from '../src/seed/national-seed-cli';
import { scratchDir, testConfig } from './support/test-app';

const GOVERNMENTS = 120;
const EDITIONS = [2020, 2021, 2022, 2023, 2024];

async function context(dir: string): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(testConfig(dir)), { logger: ['error'] });
}

/** Everything the seed wrote, in a stable order. */
async function dump(ds: DataSource) {
  return {
    assessments: await ds.query(
      'SELECT id, edition_year, government_code, state, versions, previous_assessment_id, round, enrolment, score_snapshot, submitted_at, approved_at, row_version, created_at, updated_at FROM assessments ORDER BY id',
    ),
    answers: await ds.query('SELECT * FROM answers ORDER BY assessment_id, group_slug, item_key'),
    priorities: await ds.query('SELECT * FROM priorities ORDER BY id'),
  };
}

/** Counts read as numbers, whichever database (PostgreSQL's come as text). */
const counted = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'n' ? asNumber(v) : v])) as T);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

describe('national seed (real databases through migrations)', () => {
  const scratches = [scratchDir(), scratchDir()];
  let a: INestApplicationContext;
  let b: INestApplicationContext;
  let ds: DataSource;

  beforeAll(async () => {
    a = await context(scratches[0].dir);
    b = await context(scratches[1].dir);
    ds = a.get(DataSource);
    // An edition that exists before the seed: reused as it is, and kept when the seed is removed. Created in
    // 2022, it pinned the health questionnaire of the day (v1; v2 came with eMulti, for 2024).
    await a.get(EditionsService).create(null, {
      year: 2022,
      pinnedVersions: { health: 1 },
      calendar: {
        enrolmentOpens: '2022-02-01',
        enrolmentCloses: '2022-04-30',
        diagnosisDeadline: '2022-07-15',
        reviewDeadline: '2022-09-01',
        certificationDate: '2022-11-01',
      },
    });
    await seedNational(a, { governments: GOVERNMENTS });
    await seedNational(b, { governments: GOVERNMENTS });
  }, 600_000); // two seeds of 600 assessments: a minute alone, more on a busy machine
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const s of scratches) s.cleanup();
  });

  it('seeds every sampled government in every edition, approved and then prioritised or certified', async () => {
    const rows = counted(
      (await ds.query(
        'SELECT edition_year AS year, state, COUNT(*) AS n FROM assessments GROUP BY edition_year, state',
      )) as { year: number; state: string; n: number }[],
    );
    for (const year of EDITIONS) {
      const states = rows.filter((r) => r.year === year);
      expect(states.reduce((s, r) => s + r.n, 0)).toBe(GOVERNMENTS);
      expect(states.map((r) => r.state).every((s) => s === 'certified' || s === 'priorities-set')).toBe(true);
    }
    const [{ n: withPriorities }] = counted(
      await ds.query('SELECT COUNT(DISTINCT assessment_id) AS n FROM priorities'),
    );
    expect(withPriorities).toBeGreaterThan(GOVERNMENTS * EDITIONS.length * 0.9);
    const [{ n: reported }] = counted(
      await ds.query(
        "SELECT COUNT(*) AS n FROM priorities WHERE progress_status IN ('achieved', 'in-progress', 'not-started')",
      ),
    );
    expect(reported).toBeGreaterThan(0);
    const [{ n: unlinked }] = counted(
      await ds.query(
        'SELECT COUNT(*) AS n FROM assessments WHERE edition_year > 2020 AND previous_assessment_id IS NULL',
      ),
    );
    expect(unlinked).toBe(0);
  });

  it('is deterministic: two databases seeded alike hold the same rows', async () => {
    const first = await dump(ds);
    const second = await dump(b.get(DataSource));
    expect(first.assessments).toHaveLength(GOVERNMENTS * EDITIONS.length);
    // The pre-existing 2022 edition has another calendar, so dates differ there; everything else is identical.
    const outside2022 = (d: typeof first) =>
      d.assessments.filter((r: { edition_year: number }) => r.edition_year !== 2022);
    expect(outside2022(first)).toEqual(outside2022(second));
    const scores = (d: typeof first) =>
      d.assessments.map((r: { id: string; score_snapshot: unknown }) => [
        r.id,
        asJson<{ index: unknown }>(r.score_snapshot).index,
      ]);
    expect(scores(first)).toEqual(scores(second));
    const values = (d: typeof first) =>
      d.answers.map((r: Record<string, unknown>) => [
        r.assessment_id,
        r.group_slug,
        r.item_key,
        r.value,
        r.evidence,
        r.review_status,
        r.reviewer_rating,
      ]);
    expect(values(first)).toEqual(values(second));
    const priorities = (d: typeof first) =>
      d.priorities.map((r: Record<string, unknown>) => [r.id, r.item_key, r.progress_status]);
    expect(priorities(first)).toEqual(priorities(second));
  });

  it('stores as snapshot exactly what the review scores from the stored answers, and the scoring API agrees', async () => {
    const review = a.get(ReviewService);
    const scoring = a.get(ScoringService);
    const assessments = await ds.getRepository(AssessmentEntity).find();
    const answers = await ds.getRepository(AnswerEntity).find();
    const byAssessment = new Map<string, AnswerEntity[]>();
    for (const r of answers) byAssessment.set(r.assessmentId, [...(byAssessment.get(r.assessmentId) ?? []), r]);
    for (const assessment of assessments) {
      const rows = byAssessment.get(assessment.id) ?? [];
      const { takenAt: _again, ...recomputed } = review.snapshot(assessment, rows);
      const { takenAt: _stored, ...stored } = assessment.scoreSnapshot!;
      expect(stored).toEqual(recomputed);
      // Through the public scoring service, which also validates every answer against its questionnaire.
      const index = scoring.scoreIndex(
        Object.entries(assessment.versions).map(([group, version]) => {
          const mine = rows.filter((r) => r.groupSlug === group);
          return {
            group,
            version,
            answers: Object.fromEntries(mine.map((r) => [r.itemKey, (r.reviewerRating ?? r.value) as AnswerValue])),
            acceptedEvidence: mine.map((r) => r.itemKey),
          };
        }),
      );
      expect(index.index).toBe(stored.index.index);
    }
  }, 300_000); // 600 assessments scored twice each

  it('answers each group with the version its edition pins: protection and social assistance v2 from 2021, health v2 from 2024', async () => {
    const d = dialectOfRunner(ds);
    const socialAssistance =
      d === 'postgres'
        ? `CAST(versions ->> 'social-assistance' AS INTEGER)`
        : `json_extract(versions, '$."social-assistance"')`;
    const rows = (await ds.query(
      `SELECT edition_year AS year, ${jsonNumber(d, 'versions', 'protection')} AS p, ${socialAssistance} AS s,
              ${jsonNumber(d, 'versions', 'health')} AS h, COUNT(*) AS n FROM assessments GROUP BY 1, 2, 3, 4 ORDER BY 1`,
    )) as { year: number; p: number; s: number; h: number }[];
    expect(rows.map((r) => [r.year, r.p, r.s, r.h])).toEqual([
      [2020, 1, 1, 1],
      [2021, 2, 2, 1],
      [2022, 2, 2, 1],
      [2023, 2, 2, 1],
      [2024, 2, 2, 2],
    ]);
    const keys = async (group: string, year: number) =>
      (
        await rawQuery<{ item_key: string }>(
          ds,
          `SELECT DISTINCT item_key FROM answers JOIN assessments a ON a.id = assessment_id WHERE group_slug = ? AND a.edition_year = ?`,
          [group, year],
        )
      ).map((r) => r.item_key);
    expect(await keys('protection', 2020)).toEqual(
      expect.arrayContaining(['awareness-campaigns', 'nationality-records']),
    );
    expect(await keys('protection', 2020)).not.toContain('lgbtiq-access');
    expect(await keys('protection', 2021)).toEqual(expect.arrayContaining(['rights-campaigns', 'lgbtiq-access']));
    expect(await keys('protection', 2021)).not.toContain('nationality-records');

    expect(await keys('social-assistance', 2020)).toEqual(
      expect.arrayContaining(['creas-referral', 'federal-benefits']),
    );
    expect(await keys('social-assistance', 2020)).not.toContain('unaccompanied-children');
    expect(await keys('social-assistance', 2021)).toEqual(
      expect.arrayContaining([
        'paefi-follow-up',
        'federal-benefits-access',
        'unaccompanied-children',
        'trafficking-referral',
      ]),
    );
    expect(await keys('social-assistance', 2021)).not.toContain('creas-referral');

    expect(await keys('health', 2023)).toEqual(expect.arrayContaining(['outreach', 'sus-registration']));
    expect(await keys('health', 2023)).not.toContain('emulti-support');
    expect(await keys('health', 2024)).toEqual(
      expect.arrayContaining(['community-outreach', 'emulti-support', 'mental-health', 'sus-registration']),
    );
    expect(await keys('health', 2024)).not.toContain('outreach');
    expect(await keys('health', 2024)).not.toContain('outreach-actions');
  });

  it('reports progress on 2023 health priorities in 2024 through the key map: kept and renamed items only', async () => {
    const rows = (await ds.query(
      `SELECT p.item_key AS k, p.progress_status AS s FROM priorities p JOIN assessments a ON a.id = p.assessment_id
        WHERE a.edition_year = 2023 AND p.group_slug = 'health'`,
    )) as { k: string; s: string | null }[];
    const byKey = (key: string) => rows.filter((r) => r.k === key).map((r) => r.s);
    // "outreach" is "community-outreach" in v2: compared, so its progress is reported; the dropped list is not.
    expect(byKey('outreach').length).toBeGreaterThan(0);
    expect(byKey('outreach').every((s) => s !== null)).toBe(true);
    expect(byKey('outreach-actions').every((s) => s === null)).toBe(true);
    expect(byKey('sus-registration').every((s) => s !== null)).toBe(true);
  });

  it('spreads scores as in the real country: mostly low, a long tail, some improving and some regressing', async () => {
    const rows = (await ds.query(
      `SELECT government_code AS code, edition_year AS year, ${jsonNumber(dialectOfRunner(ds), 'score_snapshot', 'index.index')} AS idx FROM assessments`,
    )) as { code: string; year: number; idx: number }[];
    const sorted = rows.map((r) => r.idx).sort((x, y) => x - y);
    const median = percentile(sorted, 0.5);
    expect(median).toBeLessThan(35);
    expect(percentile(sorted, 0.9)).toBeGreaterThan(median + 10);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(60);
    const change = new Map<string, number>();
    for (const r of rows)
      change.set(r.code, (change.get(r.code) ?? 0) + (r.year === 2024 ? r.idx : r.year === 2020 ? -r.idx : 0));
    const changes = [...change.values()];
    expect(changes.filter((c) => c > 5).length).toBeGreaterThan(GOVERNMENTS * 0.1);
    expect(changes.filter((c) => c < -3).length).toBeGreaterThan(0);
  });

  it('exports every row across export pages, in edition and IBGE code order, with the stored scores', async () => {
    const out = new PassThrough();
    const [summary, json] = await Promise.all([a.get(ExportsService).exportTo(out, {}, 'json'), text(out)]);
    const rows = JSON.parse(json) as { edition: number; ibge_code: string; index: number }[];
    expect(summary.rows).toBe(GOVERNMENTS * EDITIONS.length);
    expect(rows).toHaveLength(summary.rows);
    const order = rows.map((r) => `${r.edition}/${r.ibge_code}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(order).size).toBe(order.length);
    const stored = new Map(
      (
        (await ds.query(
          `SELECT edition_year || '/' || government_code AS k, ${jsonNumber(dialectOfRunner(ds), 'score_snapshot', 'index.index')} AS idx FROM assessments`,
        )) as { k: string; idx: number }[]
      ).map((r) => [r.k, r.idx]),
    );
    expect(rows.every((r) => stored.get(`${r.edition}/${r.ibge_code}`) === r.index)).toBe(true);
  });

  it('refuses bad command-line arguments before touching the data, in Portuguese then English, with the usage', async () => {
    const run = (args: string[]) => runNationalSeedCli(a, args, '/dev/null');
    await expect(run(['--governments'])).rejects.toThrow(
      '--governments precisa de um valor. Uso: node dist/cli.js seed-national [--governments N] [--seed TEXT] [--reset | --remove] / --governments needs a value. Usage:',
    );
    await expect(run(['--governments', '0'])).rejects.toThrow('--governments deve ser um número inteiro positivo.');
    await expect(run(['--everything'])).rejects.toThrow(
      /^Argumento desconhecido: --everything\. Uso: .* \/ Unknown argument: --everything\. Usage: /,
    );
    expect(counted((await ds.query('SELECT COUNT(*) AS n FROM assessments')) as { n: number }[])[0].n).toBe(
      GOVERNMENTS * EDITIONS.length,
    );
  });

  it('refuses to seed twice, and removes only what it created', async () => {
    await expect(seedNational(a, { governments: 5 })).rejects.toThrow(NationalSeedError);
    await expect(seedNational(a, { governments: 5 })).rejects.toThrow(
      `Os dados nacionais já existem (${GOVERNMENTS * EDITIONS.length} avaliações geradas); use --reset para apagá-los e gerar de novo, ou --remove para só apagar. / National data already exists`,
    );
    const removed = await removeNationalSeed(a);
    expect(removed.assessments).toBe(GOVERNMENTS * EDITIONS.length);
    expect(removed.editions).toEqual([2020, 2021, 2023, 2024]);
    const [counts] = (await ds.query(
      'SELECT (SELECT COUNT(*) FROM assessments) AS a, (SELECT COUNT(*) FROM answers) AS b, (SELECT COUNT(*) FROM priorities) AS p',
    )) as { a: unknown; b: unknown; p: unknown }[];
    expect([counts.a, counts.b, counts.p].map((n) => asNumber(n))).toEqual([0, 0, 0]);
    expect(((await ds.query('SELECT year FROM editions')) as { year: number }[]).map((e) => e.year)).toEqual([2022]);
    const again = await seedNational(a, { governments: 3 });
    expect(again.rows.assessments).toBe(15);
  });
});
