import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import type { GroupFigures } from './score-group';
import { levelFor, MATURITY_LEVELS, type MaturityLevel } from './scoring-policy';

export interface IndexScore {
  /** Mean of the group scores, 0-100, one decimal; null while any group is missing. */
  readonly index: number | null;
  readonly level: Pick<MaturityLevel, 'key' | 'label'> | null;
  readonly groups: readonly {
    readonly group: string;
    readonly score: number | null;
    readonly questionnaireVersion: number;
    readonly scoringVersion: string;
  }[];
  /** Groups expected but not scored. */
  readonly missing: readonly string[];
  /** Groups scored but with nothing counted (all hidden or not applicable): left out of the mean. */
  readonly excluded: readonly string[];
  readonly explanation: LocalizedText;
}

/**
 * The MigraCidades index: the plain mean of the group scores. Every expected group must be present;
 * a group where nothing counts is left out of the mean and named.
 */
export function scoreIndex(
  expectedGroups: readonly string[],
  scores: readonly GroupFigures[],
  /** The groups' names, for the explanation a person reads (their slugs otherwise). */
  groupNames: Readonly<Record<string, LocalizedText>> = {},
): IndexScore {
  const names = (slugs: readonly string[]) => ({ list: slugs.map((g) => groupNames[g] ?? g) });
  const bySlug = new Map(scores.map((s) => [s.group, s]));
  const missing = expectedGroups.filter((g) => !bySlug.has(g));
  const present = expectedGroups.map((g) => bySlug.get(g)).filter((s): s is GroupFigures => s !== undefined);
  const excluded = present.filter((s) => s.score === null).map((s) => s.group);
  const counted = present.filter((s) => s.score !== null).map((s) => s.score as number);
  const groups = present.map((s) => ({
    group: s.group,
    score: s.score,
    questionnaireVersion: s.questionnaireVersion,
    scoringVersion: s.scoringVersion,
  }));
  if (missing.length > 0 || counted.length === 0) {
    return {
      index: null,
      level: null,
      groups,
      missing,
      excluded,
      explanation:
        missing.length > 0
          ? message('scoring.index.missing-groups', { groups: names(missing) })
          : message('scoring.index.none-scorable'),
    };
  }
  const index = Math.round((counted.reduce((a, b) => a + b, 0) / counted.length) * 10) / 10;
  const level = levelFor(index, MATURITY_LEVELS);
  return {
    index,
    level: { key: level.key, label: level.label },
    groups,
    missing,
    excluded,
    explanation:
      excluded.length > 0
        ? message('scoring.index.mean-left-out', { count: counted.length, groups: names(excluded) })
        : message('scoring.index.mean', { count: counted.length }),
  };
}
