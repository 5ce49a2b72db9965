import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import {
  compareEditions,
  type ComparedItem,
  type EditionComparison,
  type EditionScores,
  type ItemChange,
  type VersionChains,
} from './compare-editions';

/** What a government reports on a priority in its next edition (the priorities table's progress_status). */
export type ProgressStatus = 'not-started' | 'in-progress' | 'achieved';

/** A priority chosen in an edition, with the progress the government reported on it in a later one. */
export interface PriorityRecord {
  readonly group: string;
  readonly itemKey: string;
  readonly commitment: string;
  /** Null until the report is part of a published (approved) diagnosis. */
  readonly progress: {
    readonly status: ProgressStatus;
    readonly note: string | null;
    readonly reportedInEdition: number;
  } | null;
}

export interface EditionRecord extends EditionScores {
  readonly state: string;
  readonly priorities: readonly PriorityRecord[];
}

/** What became of a priority: the points when it was chosen, the report, and the item in the next edition. */
export interface PriorityOutcome {
  readonly group: string;
  readonly itemKey: string;
  readonly commitment: string;
  readonly pointsWhenChosen: number | null;
  readonly reported: {
    readonly status: ProgressStatus;
    readonly note: string | null;
    readonly inEdition: number;
  } | null;
  readonly nextEdition:
    | {
        readonly editionYear: number;
        readonly comparable: true;
        readonly itemKey: string;
        readonly points: number | null;
        readonly change: ItemChange;
      }
    | { readonly editionYear: number; readonly comparable: false; readonly explanation: LocalizedText }
    | null;
}

export interface HistoryEdition {
  readonly editionYear: number;
  readonly state: string;
  readonly index: number | null;
  readonly level: string | null;
  readonly groups: readonly {
    readonly group: string;
    readonly questionnaireVersion: number;
    readonly scoringVersion: string;
    readonly score: number | null;
    readonly level: string | null;
  }[];
  readonly priorities: readonly PriorityOutcome[];
}

export interface GovernmentHistory {
  /** Approved editions, oldest first. */
  readonly editions: readonly HistoryEdition[];
  /** One comparison per pair of consecutive approved editions. */
  readonly comparisons: readonly EditionComparison[];
  readonly explanation: LocalizedText;
}

function outcome(
  priority: PriorityRecord,
  edition: EditionRecord,
  next: EditionRecord | undefined,
  comparison: EditionComparison | undefined,
): PriorityOutcome {
  const chosen = edition.snapshot.groups
    .find((g) => g.group === priority.group)
    ?.items.find((i) => i.key === priority.itemKey);
  const reported = priority.progress && {
    status: priority.progress.status,
    note: priority.progress.note,
    inEdition: priority.progress.reportedInEdition,
  };
  let nextEdition: PriorityOutcome['nextEdition'] = null;
  if (next && comparison) {
    const group = comparison.groups.find((g) => g.group === priority.group);
    const item: ComparedItem | undefined = group?.items.find((i) => i.previousKey === priority.itemKey);
    nextEdition = item
      ? {
          editionYear: next.editionYear,
          comparable: true,
          itemKey: item.key,
          points: item.after.points,
          change: item.change,
        }
      : {
          editionYear: next.editionYear,
          comparable: false,
          explanation: message('progress.history.no-counterpart', { year: next.editionYear }),
        };
  }
  return {
    group: priority.group,
    itemKey: priority.itemKey,
    commitment: priority.commitment,
    pointsWhenChosen: chosen?.counted ? chosen.points : null,
    reported,
    nextEdition,
  };
}

/**
 * A government's history over its approved editions: index and group scores per edition, a comparison of
 * each pair of consecutive editions (through the questionnaire key maps), and what became of each priority.
 */
export function buildHistory(records: readonly EditionRecord[], chains: VersionChains): GovernmentHistory {
  const editions = [...records].sort((a, b) => a.editionYear - b.editionYear);
  const comparisons = editions.slice(1).map((next, i) => compareEditions(editions[i], next, chains));
  const years = editions.map((e) => e.editionYear);
  return {
    editions: editions.map((e, i) => ({
      editionYear: e.editionYear,
      state: e.state,
      index: e.snapshot.index.index,
      level: e.snapshot.index.level?.key ?? null,
      groups: e.snapshot.groups.map((g) => ({
        group: g.group,
        questionnaireVersion: g.questionnaireVersion,
        scoringVersion: g.scoringVersion,
        score: g.score,
        level: g.level,
      })),
      priorities: e.priorities.map((p) => outcome(p, e, editions[i + 1], comparisons[i])),
    })),
    comparisons,
    explanation:
      editions.length === 0
        ? message('progress.history.none')
        : message('progress.history.summary', { years: { list: years } }),
  };
}
