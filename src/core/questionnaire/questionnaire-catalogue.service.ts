import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import type { IndicatorGroupDefinition } from '../indicators/indicator-group.definition';
import { IndicatorRegistry } from '../indicators/indicator-registry';
import { type DefinitionProblem, QuestionnaireDefinitionError } from './questionnaire-definition.error';
import { readQuestionnaireFiles } from './questionnaire.loader';
import { parseQuestionnaire } from './questionnaire.parser';
import type { Questionnaire } from './questionnaire.types';
import { PublishedVersionEntity } from './published-version.entity';
import { checkVersionChain } from './version-chain';
import { inGroupOrder } from './group-order';
import { dirname } from 'node:path';

export interface GroupCatalogueEntry {
  readonly definition: IndicatorGroupDefinition;
  /** Published versions by number. */
  readonly versions: ReadonlyMap<number, Questionnaire>;
  readonly latest: Questionnaire;
}

/**
 * The published questionnaires of every registered group. Loaded once at start: files are parsed and
 * validated, version chains checked, and each file's hash compared with the one recorded when it was first
 * published. Any problem stops the boot with every file and item at fault.
 */
@Injectable()
export class QuestionnaireCatalogue implements OnModuleInit {
  private readonly logger = new Logger(QuestionnaireCatalogue.name);
  private entries = new Map<string, GroupCatalogueEntry>();

  constructor(
    private readonly registry: IndicatorRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const groups = this.registry.list();
    const { files, groupFolders, problems } = readQuestionnaireFiles(
      this.config.assessmentsDir,
      dirname(this.config.assessmentsDir),
    );
    const folderOf = (slug: string) => `${this.config.assessmentsDir}/${slug}`;
    for (const folder of groupFolders) {
      if (!this.registry.find(folder)) {
        problems.push({ file: folderOf(folder), problem: `no indicator group module registers "${folder}"` });
      }
    }
    const parsed: Questionnaire[] = [];
    for (const f of files) {
      if (!this.registry.find(f.group)) continue;
      try {
        parsed.push(parseQuestionnaire(f.source, { file: f.file, group: f.group, version: f.version }));
      } catch (e) {
        if (!(e instanceof QuestionnaireDefinitionError)) throw e;
        problems.push(...e.problems);
      }
    }
    const fileOf = (slug: string, version: number) =>
      files.find((f) => f.group === slug && f.version === version)?.file ?? `${slug}/v${version}.yaml`;
    for (const group of groups) {
      const versions = parsed.filter((q) => q.group === group.slug);
      if (!files.some((f) => f.group === group.slug)) {
        problems.push({
          file: folderOf(group.slug),
          problem: `group "${group.slug}" has no published version (v1.yaml)`,
        });
      }
      problems.push(...checkVersionChain(versions, (v) => fileOf(group.slug, v)));
    }
    problems.push(...(await this.checkPublishedHashes(files)));
    if (problems.length > 0) throw new QuestionnaireDefinitionError(problems);

    await this.recordNewVersions(files, parsed);
    this.entries = new Map(
      groups.map((definition) => {
        const versions = new Map(
          parsed
            .filter((q) => q.group === definition.slug)
            .sort((a, b) => a.version - b.version)
            .map((q) => [q.version, q]),
        );
        return [definition.slug, { definition, versions, latest: [...versions.values()].pop()! }];
      }),
    );
    this.logger.log(`${parsed.length} questionnaire versions of ${groups.length} indicator groups published`);
  }

  private async checkPublishedHashes(
    files: ReturnType<typeof readQuestionnaireFiles>['files'],
  ): Promise<DefinitionProblem[]> {
    const recorded = await this.dataSource.getRepository(PublishedVersionEntity).find();
    const problems: DefinitionProblem[] = [];
    for (const r of recorded) {
      const f = files.find((x) => x.group === r.groupSlug && x.version === r.version);
      if (!f) {
        problems.push({
          file: r.filePath,
          problem: `version ${r.version} of "${r.groupSlug}" was published on ${r.publishedAt} and its file is gone; published versions cannot be withdrawn`,
        });
      } else if (f.sha256 !== r.sha256) {
        problems.push({
          file: f.file,
          problem: `published content changed (recorded sha256 ${r.sha256.slice(0, 12)}…, now ${f.sha256.slice(0, 12)}…): a published version is immutable; restore it and publish the change as v${this.nextVersion(files, f.group)}`,
        });
      }
    }
    return problems;
  }

  private nextVersion(files: readonly { group: string; version: number }[], group: string): number {
    return Math.max(...files.filter((f) => f.group === group).map((f) => f.version)) + 1;
  }

  private async recordNewVersions(
    files: ReturnType<typeof readQuestionnaireFiles>['files'],
    parsed: readonly Questionnaire[],
  ): Promise<void> {
    const repo = this.dataSource.getRepository(PublishedVersionEntity);
    const recorded = new Set((await repo.find()).map((r) => `${r.groupSlug}/${r.version}`));
    const fresh = parsed
      .filter((q) => !recorded.has(`${q.group}/${q.version}`))
      .map((q) => {
        const f = files.find((x) => x.group === q.group && x.version === q.version)!;
        return repo.create({
          groupSlug: q.group,
          version: q.version,
          sha256: f.sha256,
          filePath: f.file,
          publishedAt: q.publishedAt,
        });
      });
    if (fresh.length > 0) await this.dataSource.transaction((em) => em.insert(PublishedVersionEntity, fresh));
  }

  groups(): GroupCatalogueEntry[] {
    return [...this.entries.values()];
  }

  /** A record by group slug in the groups' programme order (by number), whatever order it was read in. */
  inGroupOrder<T>(bySlug: Readonly<Record<string, T>>): Record<string, T> {
    return inGroupOrder(
      bySlug,
      this.registry.list().map((g) => g.slug),
    );
  }

  group(slug: string): GroupCatalogueEntry {
    const entry = this.entries.get(slug);
    if (!entry) {
      throw new DomainError('GROUP_NOT_FOUND', message('common.group-not-found'), [
        {
          field: 'slug',
          code: 'UNKNOWN_GROUP',
          message: message('common.validation.group-slug'),
          allowed: [...this.entries.keys()],
        },
      ]);
    }
    return entry;
  }

  version(slug: string, version: number): Questionnaire {
    const entry = this.group(slug);
    const q = entry.versions.get(version);
    if (!q) {
      const known = { list: [...entry.versions.keys()] };
      throw new DomainError(
        'VERSION_NOT_FOUND',
        message('common.version-not-found', { group: entry.latest.title, version, known }),
        [
          {
            field: 'version',
            code: 'UNKNOWN_VERSION',
            message: message('common.validation.published-versions', { known }),
            allowed: [...entry.versions.keys()],
          },
        ],
      );
    }
    return q;
  }
}
