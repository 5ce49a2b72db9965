import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { APPROVED_STATES } from '../assessment/assessment-state';
import { AssessmentEntity } from '../assessment/assessment.entity';
import type { ScoreSnapshot } from '../assessment/assessment.types';
import { PriorityEntity } from '../assessment/priority.entity';
import { EditionEntity } from '../editions/edition.entity';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { isMessageKey, joinTexts, message, type MessageParam } from '../i18n/message';
import { GovernmentEntity } from '../governments/government.entity';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { VersionChains } from './compare-editions';
import { FactsCache, type FactsEntries } from './facts-cache';
import { buildHistory, type EditionRecord, type GovernmentHistory } from './history';
import {
  compareWithPeers,
  type PeerComparison,
  type PeerScores,
  populationBand,
  type PopulationBand,
  type PeerSummary,
  summarisePeers,
} from './peers';

/** A macro-region as people read it in each language (IBGE names them in Portuguese). */
function regionName(region: string): MessageParam {
  const key = `progress.region.${region}`;
  return isMessageKey(key) ? message(key) : region;
}

export interface GovernmentProfile {
  readonly ibgeCode: string;
  readonly kind: GovernmentEntity['kind'];
  readonly name: string;
  readonly uf: string;
  readonly stateName: string;
  readonly region: string;
  readonly population: number | null;
  readonly populationYear: number | null;
}

export type PeerScope = 'state' | 'region' | 'population-band' | 'national';

export interface PeerSet extends PeerComparison {
  readonly scope: PeerScope;
  readonly label: LocalizedText;
  /** The population class, for scope "population-band" only. */
  readonly band?: PopulationBand;
}

export interface PeersAnswer {
  readonly government: GovernmentProfile;
  readonly editionYear: number;
  /** The government's own approved scores in the edition, or null when it has none. */
  readonly own: (PeerScores & { readonly state: string }) | null;
  /** State, region, population band (only when the government's population is known) and the whole country. */
  readonly peers: readonly PeerSet[];
  readonly explanation: LocalizedText;
}

/**
 * The public view of progress: a government's approved editions compared over time, and its edition's scores
 * beside the medians of its peers. Only approved diagnoses (approved, priorities set, certified) are read:
 * what is still being answered or reviewed never shows.
 */
@Injectable()
export class ProgressService {
  /**
   * Peer summaries by edition, kind and set, valid while `facts_version` (bumped by the triggers on every
   * change of scores) stays the same: a few dozen sets per edition serve every government's page.
   */
  private readonly facts: FactsCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {
    this.facts = new FactsCache(dataSource);
  }

  /** Every published questionnaire version, by group: what the comparisons map item keys with. */
  versionChains(): VersionChains {
    return new Map(this.catalogue.groups().map((g) => [g.definition.slug, g.versions]));
  }

  async profile(ibgeCode: string): Promise<GovernmentProfile> {
    const g = await this.dataSource.getRepository(GovernmentEntity).findOneBy({ ibgeCode });
    if (!g) {
      throw new DomainError('GOVERNMENT_NOT_FOUND', message('common.government-not-found', { code: ibgeCode }), [
        { field: 'ibgeCode', message: message('common.validation.unknown-ibge-code') },
      ]);
    }
    return {
      ibgeCode: g.ibgeCode,
      kind: g.kind,
      name: g.name,
      uf: g.uf,
      stateName: g.stateName,
      region: g.region,
      population: g.population,
      populationYear: g.populationYear,
    };
  }

  /** The editions the government's approved diagnoses cover, compared one after the other. */
  async history(ibgeCode: string): Promise<{ government: GovernmentProfile } & GovernmentHistory> {
    const government = await this.profile(ibgeCode);
    const em = this.dataSource.manager;
    const approved = (
      await em.find(AssessmentEntity, {
        where: { governmentCode: ibgeCode, state: In([...APPROVED_STATES]) },
        order: { editionYear: 'ASC' },
      })
    ).filter((a): a is AssessmentEntity & { scoreSnapshot: ScoreSnapshot } => a.scoreSnapshot !== null);
    const yearOf = new Map(approved.map((a) => [a.id, a.editionYear]));
    const priorities =
      approved.length > 0 ? await em.findBy(PriorityEntity, { assessmentId: In(approved.map((a) => a.id)) }) : [];
    const order = this.catalogue.groups().map((g) => g.definition.slug);
    const rank = (p: PriorityEntity) => [order.indexOf(p.groupSlug), p.itemKey] as const;
    const records: EditionRecord[] = approved.map((a) => ({
      editionYear: a.editionYear,
      state: a.state,
      snapshot: a.scoreSnapshot,
      priorities: priorities
        .filter((p) => p.assessmentId === a.id)
        .sort((x, y) => rank(x)[0] - rank(y)[0] || rank(x)[1].localeCompare(rank(y)[1]))
        .map((p) => {
          // A report becomes public with the diagnosis it was made in, once that one is approved too.
          const reportedIn = p.progressReportedIn === null ? undefined : yearOf.get(p.progressReportedIn);
          return {
            group: p.groupSlug,
            itemKey: p.itemKey,
            commitment: p.commitment,
            progress:
              p.progressStatus !== null && reportedIn !== undefined
                ? { status: p.progressStatus, note: p.progressNote, reportedInEdition: reportedIn }
                : null,
          };
        }),
    }));
    return { government, ...buildHistory(records, this.versionChains()) };
  }

  /** The government's scores in an edition beside the medians of its state, region, population band and the country. */
  async peers(ibgeCode: string, editionYear: number): Promise<PeersAnswer> {
    const government = await this.profile(ibgeCode);
    if (!(await this.dataSource.getRepository(EditionEntity).existsBy({ year: editionYear }))) {
      throw new DomainError('EDITION_NOT_FOUND', message('common.edition-not-found', { year: editionYear }));
    }
    const mine = await this.dataSource
      .getRepository(AssessmentEntity)
      .findOneBy({ governmentCode: ibgeCode, editionYear, state: In([...APPROVED_STATES]) });
    const own = mine?.scoreSnapshot
      ? {
          state: mine.state,
          index: mine.scoreSnapshot.index.index,
          groups: mine.scoreSnapshot.groups.map((g) => ({ group: g.group, score: g.score })),
        }
      : null;
    const municipality = government.kind === 'municipality';
    const kind = municipality ? 'municipality' : 'state';
    const scopes: {
      scope: PeerScope;
      label: LocalizedText;
      where: string;
      params: Record<string, unknown>;
      band?: PopulationBand;
    }[] = [];
    // A state government's own state holds no other state: that set is left out for states.
    if (municipality) {
      scopes.push({
        scope: 'state',
        label: message('progress.peers.state.municipality', { state: government.stateName }),
        where: 'g.uf = :uf',
        params: { uf: government.uf },
      });
    }
    scopes.push({
      scope: 'region',
      label: message(`progress.peers.region.${kind}`, { region: regionName(government.region) }),
      where: 'g.region = :region',
      params: { region: government.region },
    });
    if (municipality && government.population !== null) {
      const band = populationBand(government.population);
      scopes.push({
        scope: 'population-band',
        band,
        label: message('progress.peers.band', { band: band.label }),
        where: band.max === null ? 'g.population >= :min' : 'g.population BETWEEN :min AND :max',
        params: { min: band.min, max: band.max },
      });
    }
    scopes.push({
      scope: 'national',
      label: message(`progress.peers.national.${kind}`),
      where: '1 = 1',
      params: {},
    });

    const summaries = await this.facts.current();
    const peers: PeerSet[] = [];
    for (const { scope, label, band, where, params } of scopes) {
      const summary = await this.summary(summaries, editionYear, government.kind, where, params);
      peers.push({ scope, label, ...(band ? { band } : {}), ...compareWithPeers(own, summary) });
    }
    return {
      government,
      editionYear,
      own,
      peers,
      explanation: joinTexts([
        message(`progress.peers.explanation.${kind}`, { year: editionYear }),
        ...(municipality && government.population === null ? [message('progress.peers.no-population')] : []),
        message('progress.peers.difference'),
      ]),
    };
  }

  private summary(
    facts: FactsEntries,
    editionYear: number,
    kind: string,
    where: string,
    params: Record<string, unknown>,
  ): Promise<PeerSummary> {
    return facts.get(`peers:${JSON.stringify([editionYear, kind, where, params])}`, async () => {
      const order = this.catalogue.groups().map((g) => g.definition.slug);
      return summarisePeers(await this.members(editionYear, kind, where, params), order);
    });
  }

  /**
   * The approved scores of one edition among governments of a kind, filtered in SQL. Read from the facts tables
   * (kept by triggers): a national set is thousands of assessments, whose score snapshots would each be read and
   * parsed (seconds on the national data) for a few numbers.
   */
  private async members(
    editionYear: number,
    kind: string,
    where: string,
    params: Record<string, unknown>,
  ): Promise<PeerScores[]> {
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select(['f.assessment_id AS id', 'f.index_score AS "index"', 'gf.group_slug AS "group"', 'gf.score AS score'])
      .from('assessment_facts', 'f')
      .innerJoin('governments', 'g', 'g.ibge_code = f.government_code')
      .innerJoin('group_facts', 'gf', 'gf.assessment_id = f.assessment_id')
      .where('f.edition_year = :year', { year: editionYear })
      .andWhere('f.state IN (:...states)', { states: [...APPROVED_STATES] })
      .andWhere('f.kind = :kind', { kind })
      .andWhere(where, params)
      .orderBy('f.assessment_id')
      .getRawMany()) as { id: string; index: number | null; group: string; score: number | null }[];
    const members = new Map<string, { index: number | null; groups: { group: string; score: number | null }[] }>();
    for (const r of rows) {
      const member = members.get(r.id) ?? { index: r.index, groups: [] };
      member.groups.push({ group: r.group, score: r.score });
      members.set(r.id, member);
    }
    return [...members.values()];
  }
}
