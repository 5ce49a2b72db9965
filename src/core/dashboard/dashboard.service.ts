import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { asBoolean, asNumber, rawQuery } from '../../database/portable-sql';
import type { SealCounts } from '../certification/certification-rules';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { FactsCache, type FactsEntries } from '../progress/facts-cache';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import {
  bandOf,
  type HistogramBand,
  histogram,
  interpolate,
  quantile,
  quantileRanks,
} from '../scoring/score-statistics';

export interface Spread {
  /** Assessments with a score. */
  readonly scored: number;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  readonly histogram: readonly HistogramBand[];
}

export interface PlaceFigures {
  readonly enrolled: number;
  readonly certified: number;
  /** Approved or later (priorities set, certified): the ones with a score. */
  readonly scored: number;
  readonly medianIndex: number | null;
}

export interface StateFigures extends PlaceFigures {
  readonly uf: string;
  /** IBGE's two-digit state code, the key of most maps of Brazil. */
  readonly ibgeCode: string;
  readonly name: string;
  readonly region: string;
}

export interface NationalDashboard {
  readonly edition: number;
  /** Per edition: governments enrolled and certified, and seals in force today (`validSeals`). */
  readonly editions: readonly { year: number; enrolled: number; certified: number; validSeals: number }[];
  /** The edition's seals today: issued (one per certified government, re-issues counted once) = valid + expired + revoked. */
  readonly seals: SealCounts;
  readonly totals: PlaceFigures;
  readonly regions: readonly (PlaceFigures & { region: string })[];
  /** Every state (with zeros where none took part), ready for a choropleth keyed by UF or IBGE code. */
  readonly states: readonly StateFigures[];
  readonly index: Spread;
  readonly groups: readonly (Spread & { group: string; name: LocalizedText })[];
  /** Indicator groups by how many governments chose a priority in them. */
  readonly priorities: readonly {
    group: string;
    name: LocalizedText;
    governments: number;
    priorities: number;
    share: number;
  }[];
}

/**
 * The national picture of an edition, from `assessment_facts`, `group_facts`, `group_band_counts` and
 * `priority_facts` (kept by triggers from the assessments and priorities): a handful of indexed queries,
 * whatever the number of governments.
 */
const QUARTILES = [0.25, 0.5, 0.75] as const;

@Injectable()
export class DashboardService {
  /** Dashboards already computed, by edition, at the facts version they were computed at. */
  private readonly facts: FactsCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly clock: Clock,
  ) {
    this.facts = new FactsCache(dataSource);
  }

  /**
   * Computed once per change of the data: triggers bump `facts_version` whenever an assessment, a priority or
   * an edition changes (in whichever process), and a dashboard computed at an older version is computed again.
   */
  async national(edition?: number): Promise<NationalDashboard> {
    const facts = await this.facts.current();
    return this.withSeals(await facts.get(`dashboard:${edition ?? 'latest'}`, () => this.compute(facts, edition)));
  }

  /**
   * Seals in force depend on the day and on revocations (which the facts version does not follow): counted on
   * every call, grouped in SQL by the same rule as `sealStatus` (revoked first, then valid through `valid_until`).
   * A re-issued seal counts once, under its newest number.
   */
  private async withSeals(d: Omit<NationalDashboard, 'seals'>): Promise<NationalDashboard> {
    const today = this.clock.today();
    const rows = await rawQuery<Record<keyof SealCounts, unknown> & { year: number }>(
      this.dataSource,
      `SELECT edition_year AS year, COUNT(*) AS issued,
         COUNT(*) FILTER (WHERE revoked_at IS NULL AND valid_until >= ?) AS valid,
         COUNT(*) FILTER (WHERE revoked_at IS NULL AND valid_until < ?) AS expired,
         COUNT(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked
       FROM certificates WHERE replaced_by IS NULL GROUP BY edition_year`,
      [today, today],
    );
    const ofYear = (year: number): SealCounts => {
      const r = rows.find((x) => x.year === year);
      return {
        issued: asNumber(r?.issued),
        valid: asNumber(r?.valid),
        expired: asNumber(r?.expired),
        revoked: asNumber(r?.revoked),
      };
    };
    return {
      ...d,
      editions: d.editions.map((e) => ({ ...e, validSeals: ofYear(e.year).valid })),
      seals: ofYear(d.edition),
    };
  }

  private async compute(facts: FactsEntries, edition?: number): Promise<Omit<NationalDashboard, 'seals'>> {
    const db = this.dataSource;
    // Two queries rather than a join: counting the facts on their own index is several times faster.
    const counts = new Map(
      (
        await rawQuery<{ year: number; enrolled: unknown; certified: unknown }>(
          db,
          `SELECT edition_year AS year, COUNT(*) AS enrolled, COUNT(*) FILTER (WHERE state = 'certified') AS certified FROM assessment_facts GROUP BY edition_year`,
        )
      ).map((c) => [c.year, { enrolled: asNumber(c.enrolled), certified: asNumber(c.certified) }]),
    );
    const editions = (await rawQuery<{ year: number }>(db, 'SELECT year FROM editions ORDER BY year')).map(
      ({ year }) => ({
        year,
        enrolled: counts.get(year)?.enrolled ?? 0,
        certified: counts.get(year)?.certified ?? 0,
        validSeals: 0,
      }),
    );
    if (editions.length === 0) throw new DomainError('EDITION_NOT_FOUND', message('certification.no-editions'));
    const year = edition ?? editions[editions.length - 1].year;
    if (!editions.some((e) => e.year === year)) {
      throw new DomainError('EDITION_NOT_FOUND', message('certification.edition-not-found', { year }), [
        {
          field: 'edition',
          message: message('certification.editions-known', { editions: { list: editions.map((e) => e.year) } }),
        },
      ]);
    }

    // One row per enrolled government, sorted by index: states, regions and the national spread from it.
    const rows = await rawQuery<{ uf: string; region: string; certified: unknown; score: number | null }>(
      db,
      `SELECT uf, region, state = 'certified' AS certified, index_score AS score FROM assessment_facts WHERE edition_year = ? ORDER BY index_score`,
      [year],
    );
    const place = (subset: typeof rows): PlaceFigures => {
      const scores = subset.filter((r) => r.score !== null).map((r) => r.score!);
      return {
        enrolled: subset.length,
        certified: subset.filter((r) => asBoolean(r.certified)).length,
        scored: scores.length,
        medianIndex: quantile(scores, 0.5),
      };
    };
    const states = (await this.stateList(facts)).map((s) => ({ ...s, ...place(rows.filter((r) => r.uf === s.uf)) }));
    const regions = [...new Set(states.map((s) => s.region))]
      .sort()
      .map((region) => ({ region, ...place(rows.filter((r) => r.region === region)) }));
    const indexScores = rows.filter((r) => r.score !== null).map((r) => r.score!);
    const indexBands = new Map<number, number>();
    for (const s of indexScores) indexBands.set(bandOf(s), (indexBands.get(bandOf(s)) ?? 0) + 1);

    const bands = (
      await rawQuery<{ grp: string; band: number; n: unknown }>(
        db,
        `SELECT group_slug AS grp, band, n FROM group_band_counts WHERE edition_year = ? AND n > 0`,
        [year],
      )
    ).map((b) => ({ ...b, n: asNumber(b.n) }));
    const perGroup = this.catalogue.groups().map(({ definition, latest }) => {
      const own = bands.filter((b) => b.grp === definition.slug);
      return { group: definition.slug, name: latest.title, own, count: own.reduce((sum, b) => sum + b.n, 0) };
    });
    const quartiles = await this.groupQuartiles(year, perGroup);
    const groups = perGroup.map(({ group, name, own, count }) => {
      const [q1, median, q3] = quartiles.get(group)!;
      return {
        group,
        name,
        scored: count,
        q1,
        median,
        q3,
        histogram: histogram(new Map(own.map((b) => [b.band, b.n]))),
      };
    });

    const chosen = (
      await rawQuery<{ grp: string; priorities: unknown; governments: unknown }>(
        db,
        `SELECT group_slug AS grp, COUNT(*) AS priorities, COUNT(DISTINCT assessment_id) AS governments FROM priority_facts WHERE edition_year = ? GROUP BY group_slug`,
        [year],
      )
    ).map((c) => ({ grp: c.grp, priorities: asNumber(c.priorities), governments: asNumber(c.governments) }));
    const withPriorities =
      chosen.length === 0
        ? 0
        : asNumber(
            (
              await rawQuery<{ n: unknown }>(
                db,
                `SELECT COUNT(DISTINCT assessment_id) AS n FROM priority_facts WHERE edition_year = ?`,
                [year],
              )
            )[0].n,
          );
    const names = new Map(groups.map((g) => [g.group, g.name]));
    const priorities = chosen
      .map((c) => ({
        group: c.grp,
        name: names.get(c.grp) ?? message('certification.dashboard.unknown-group'),
        governments: c.governments,
        priorities: c.priorities,
        share: Math.round((c.governments / withPriorities) * 1000) / 10,
      }))
      .sort((a, b) => b.governments - a.governments || a.group.localeCompare(b.group));

    return {
      edition: year,
      editions,
      totals: place(rows),
      regions,
      states,
      index: {
        scored: indexScores.length,
        q1: quantile(indexScores, 0.25),
        median: quantile(indexScores, 0.5),
        q3: quantile(indexScores, 0.75),
        histogram: histogram(indexBands),
      },
      groups,
      priorities,
    };
  }

  /**
   * Every group's quartiles, read from the (edition, group, score) index: two rows at an offset for each, all in
   * one statement (thirty round trips cost more than the index reads themselves).
   */
  private async groupQuartiles(
    year: number,
    groups: readonly { group: string; count: number }[],
  ): Promise<Map<string, (number | null)[]>> {
    const wanted = groups.flatMap(({ group, count }) =>
      QUARTILES.map((p) => ({ group, ranks: quantileRanks(count, p) })),
    );
    const reads = wanted.flatMap((w, i) => (w.ranks ? [{ i, group: w.group, offset: w.ranks.lower }] : []));
    const rows =
      reads.length === 0
        ? []
        : await rawQuery<{ k: unknown; score: number }>(
            this.dataSource,
            reads
              .map(
                (r) =>
                  `SELECT ${r.i} AS k, score FROM (SELECT score FROM group_facts WHERE edition_year = ? AND group_slug = ? AND score IS NOT NULL ORDER BY score LIMIT 2 OFFSET ?) q${r.i}`,
              )
              .join(' UNION ALL '),
            reads.flatMap((r) => [year, r.group, r.offset]),
          );
    const values = new Map<number, number[]>();
    for (const r of rows) values.set(asNumber(r.k), [...(values.get(asNumber(r.k)) ?? []), r.score]);
    const result = new Map<string, (number | null)[]>();
    wanted.forEach((w, i) => {
      const [lower, upper] = (values.get(i) ?? []).sort((a, b) => a - b);
      const value = w.ranks && lower !== undefined ? interpolate(lower, upper, w.ranks.weight) : null;
      result.set(w.group, [...(result.get(w.group) ?? []), value]);
    });
    return result;
  }

  /** The 27 states, kept with the facts (a change of a government's place bumps the facts version too). */
  private stateList(facts: FactsEntries) {
    return facts.get('dashboard:states', () =>
      rawQuery<{ uf: string; ibgeCode: string; name: string; region: string }>(
        this.dataSource,
        `SELECT uf, ibge_code AS "ibgeCode", name, region FROM governments WHERE kind = 'state' ORDER BY uf`,
      ),
    );
  }
}
