import type { ScoreSnapshot } from '../assessment/assessment.types';
import type { LocalizedText } from '../i18n/localized-text';
import { joinTexts, message, verbatim } from '../i18n/message';
import type { Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { compareVersions, versionPath } from '../questionnaire/version-chain';

export type SnapshotGroup = ScoreSnapshot['groups'][number];
export type SnapshotItem = SnapshotGroup['items'][number];

/** The part of an approved score snapshot that comparisons read (a ScoreSnapshot fits). */
export interface ComparableSnapshot {
  readonly index: { readonly index: number | null; readonly level?: { readonly key: string } | null };
  readonly groups: readonly SnapshotGroup[];
}

/** One edition's approved scores. */
export interface EditionScores {
  readonly editionYear: number;
  readonly snapshot: ComparableSnapshot;
}

/** Every published questionnaire version, by group slug and version number (what the catalogue holds). */
export type VersionChains = ReadonlyMap<string, ReadonlyMap<number, Questionnaire>>;

export interface ItemPoints {
  /** 0-100; null when the item is not counted (hidden, not applicable, informative) or absent. */
  readonly points: number | null;
  readonly counted: boolean;
  /** The scoring status recorded in the snapshot ("scored", "not-applicable", ...), or "absent". */
  readonly status: string;
}

/** How an item both editions share moved. "not-scored": not counted in one of them, so neither better nor worse. */
export type ItemChange = 'improved' | 'regressed' | 'unchanged' | 'not-scored';

export interface ComparedItem {
  /** Key in the later edition's questionnaire. */
  readonly key: string;
  /** Key in the earlier edition's questionnaire (differs when the key map renamed the item). */
  readonly previousKey: string;
  readonly renamed: boolean;
  readonly label: LocalizedText | null;
  readonly before: ItemPoints;
  readonly after: ItemPoints;
  readonly change: ItemChange;
  /** after − before, when the item is counted in both editions. */
  readonly delta: number | null;
}

/** An item only one of the two questionnaire versions has: listed, never compared or zero-filled. */
export interface NotComparableItem {
  readonly key: string;
  readonly label: LocalizedText | null;
  readonly reason: 'removed' | 'new';
  /** The item's points in the one edition that has it. */
  readonly points: number | null;
  readonly counted: boolean;
  readonly status: string;
  readonly explanation: LocalizedText;
}

export interface GroupSide {
  readonly questionnaireVersion: number;
  readonly scoringVersion: string;
  readonly score: number | null;
  readonly level: string | null;
}

/**
 * same-questionnaire: both editions used the same version; shared-items: different versions of one chain,
 * compared on the items the key maps pair; not-comparable: the group is missing from one edition, or its
 * versions do not descend from one another.
 */
export type GroupComparability = 'same-questionnaire' | 'shared-items' | 'not-comparable';

export interface GroupComparison {
  readonly group: string;
  readonly comparability: GroupComparability;
  readonly before: GroupSide | null;
  readonly after: GroupSide | null;
  /** Change of the group score as each edition published it (after − before). */
  readonly delta: number | null;
  readonly sameScoring: boolean;
  /**
   * Like for like: the weighted mean, in each edition, of the paired items counted in both (each edition
   * with its own questionnaire's weights). Equals the published scores when nothing changed in scope.
   */
  readonly sharedItems: {
    readonly compared: number;
    readonly before: number | null;
    readonly after: number | null;
    readonly delta: number | null;
  };
  readonly items: readonly ComparedItem[];
  readonly notComparable: {
    readonly removed: readonly NotComparableItem[];
    readonly new: readonly NotComparableItem[];
  };
  readonly explanation: LocalizedText;
}

export interface ItemMovement {
  readonly group: string;
  readonly key: string;
  readonly previousKey: string;
  readonly label: LocalizedText | null;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface EditionComparison {
  readonly from: number;
  readonly to: number;
  readonly index: {
    readonly before: number | null;
    readonly after: number | null;
    readonly delta: number | null;
    readonly explanation: LocalizedText;
  };
  readonly groups: readonly GroupComparison[];
  /** Items counted in both editions whose points went up, and down, across every group. */
  readonly improved: readonly ItemMovement[];
  readonly regressed: readonly ItemMovement[];
}

const round1 = (n: number) => Math.round(n * 10) / 10 + 0;
const diff = (after: number | null, before: number | null) =>
  after === null || before === null ? null : round1(after - before);
const ABSENT: ItemPoints = { points: null, counted: false, status: 'absent' };

function pointsOf(group: SnapshotGroup | undefined, key: string): ItemPoints {
  const item = group?.items.find((i) => i.key === key);
  return item ? { points: item.counted ? item.points : null, counted: item.counted, status: item.status } : ABSENT;
}

function side(group: SnapshotGroup): GroupSide {
  return {
    questionnaireVersion: group.questionnaireVersion,
    scoringVersion: group.scoringVersion,
    score: group.score,
    level: group.level,
  };
}

/** The item pairs of two versions of a group, or null when they are not on one chain (or unknown). */
function pairing(chain: ReadonlyMap<number, Questionnaire> | undefined, from: number, to: number) {
  if (!chain?.has(from) || !chain.has(to)) return null;
  const related = from <= to ? versionPath(chain, from, to) : versionPath(chain, to, from);
  return related ? compareVersions(chain, from, to) : null;
}

function notComparable(
  reason: 'removed' | 'new',
  group: SnapshotGroup | undefined,
  key: string,
  item: QuestionnaireItem | undefined,
  why: LocalizedText,
): NotComparableItem {
  return { key, label: item?.label ?? null, reason, ...pointsOf(group, key), explanation: why };
}

function whyNotComparable(
  slug: string,
  before: SnapshotGroup | undefined,
  after: SnapshotGroup | undefined,
  fromQ: Questionnaire | undefined,
  toQ: Questionnaire | undefined,
): LocalizedText {
  if (!before) return message('progress.compare.absent-before');
  if (!after) return message('progress.compare.absent-after');
  const [v1, v2] = [before.questionnaireVersion, after.questionnaireVersion];
  if (!fromQ || !toQ) {
    const group = (fromQ ?? toQ)?.title ?? verbatim(slug);
    return message('progress.compare.version-unpublished', { version: fromQ ? v2 : v1, group });
  }
  return message('progress.compare.unrelated-versions', { from: v1, to: v2 });
}

/** A group as people read it: its title in the latest published version (the slug only if none is). */
function groupName(slug: string, chain: ReadonlyMap<number, Questionnaire> | undefined): LocalizedText {
  const versions = chain ? [...chain.keys()] : [];
  return versions.length > 0 ? chain!.get(Math.max(...versions))!.title : verbatim(slug);
}

/** Compares one group across two editions, item by item through the key maps. */
export function compareGroup(
  slug: string,
  before: SnapshotGroup | undefined,
  after: SnapshotGroup | undefined,
  chain: ReadonlyMap<number, Questionnaire> | undefined,
): GroupComparison {
  const fromQ = before && chain?.get(before.questionnaireVersion);
  const toQ = after && chain?.get(after.questionnaireVersion);
  const pairs = before && after ? pairing(chain, before.questionnaireVersion, after.questionnaireVersion) : null;
  const itemsOf = (g: SnapshotGroup | undefined, q: Questionnaire | undefined) =>
    q?.items.map((i) => i.key) ?? g?.items.map((i) => i.key) ?? [];
  const defOf = (q: Questionnaire | undefined, key: string) => q?.items.find((i) => i.key === key);
  const sameScoring = !before || !after || before.scoringVersion === after.scoringVersion;

  if (!pairs) {
    const reason = whyNotComparable(slug, before, after, fromQ, toQ);
    return {
      group: slug,
      comparability: 'not-comparable',
      before: before ? side(before) : null,
      after: after ? side(after) : null,
      delta: null,
      sameScoring,
      sharedItems: { compared: 0, before: null, after: null, delta: null },
      items: [],
      notComparable: {
        removed: itemsOf(before, fromQ).map((k) => notComparable('removed', before, k, defOf(fromQ, k), reason)),
        new: itemsOf(after, toQ).map((k) => notComparable('new', after, k, defOf(toQ, k), reason)),
      },
      explanation: reason,
    };
  }

  const b = before!;
  const a = after!;
  const items: ComparedItem[] = pairs.shared.map(({ fromKey, toKey }) => {
    const was = pointsOf(b, fromKey);
    const now = pointsOf(a, toKey);
    const both = was.counted && now.counted && was.points !== null && now.points !== null;
    const delta = both ? round1(now.points! - was.points!) : null;
    const change: ItemChange =
      delta === null ? 'not-scored' : delta > 0 ? 'improved' : delta < 0 ? 'regressed' : 'unchanged';
    return {
      key: toKey,
      previousKey: fromKey,
      renamed: fromKey !== toKey,
      label: defOf(toQ, toKey)?.label ?? null,
      before: was,
      after: now,
      change,
      delta,
    };
  });
  const vFrom = b.questionnaireVersion;
  const vTo = a.questionnaireVersion;
  const removed = pairs.onlyInFrom.map((k) =>
    notComparable('removed', b, k, defOf(fromQ, k), message('progress.compare.item-removed', { from: vFrom, to: vTo })),
  );
  const added = pairs.onlyInTo.map((k) =>
    notComparable('new', a, k, defOf(toQ, k), message('progress.compare.item-new', { from: vFrom, to: vTo })),
  );

  // Like for like: paired items counted in both editions, each edition weighted by its own questionnaire.
  const counted = items.filter((i) => i.delta !== null);
  const weighted = (q: Questionnaire | undefined, pick: (i: ComparedItem) => [string, number]) => {
    let sum = 0;
    let weights = 0;
    for (const i of counted) {
      const [key, points] = pick(i);
      const w = defOf(q, key)?.weight ?? 0;
      sum += w * points;
      weights += w;
    }
    return weights > 0 ? round1(sum / weights) : null;
  };
  const sharedBefore = weighted(fromQ, (i) => [i.previousKey, i.before.points!]);
  const sharedAfter = weighted(toQ, (i) => [i.key, i.after.points!]);
  const delta = diff(a.score, b.score);
  const same = vFrom === vTo;
  const renamed = items.filter((i) => i.renamed).length;
  const scopeText = same
    ? message('progress.compare.same-questionnaire', { version: vFrom })
    : message('progress.compare.shared-items', {
        from: vFrom,
        to: vTo,
        compared: items.length,
        renamed,
        removed: removed.length,
        added: added.length,
        counted: counted.length,
        before: sharedBefore,
        after: sharedAfter,
      });
  const scoreText =
    delta === null
      ? message('progress.compare.group-score', { before: b.score, after: a.score })
      : message('progress.compare.group-score-delta', { before: b.score, after: a.score, delta: { signed: delta } });
  const scoringText = sameScoring
    ? []
    : [message('progress.compare.scoring-changed', { from: b.scoringVersion, to: a.scoringVersion })];
  return {
    group: slug,
    comparability: same ? 'same-questionnaire' : 'shared-items',
    before: side(b),
    after: side(a),
    delta,
    sameScoring,
    sharedItems: {
      compared: counted.length,
      before: sharedBefore,
      after: sharedAfter,
      delta: diff(sharedAfter, sharedBefore),
    },
    items,
    notComparable: { removed, new: added },
    explanation: joinTexts([scoreText, scopeText, ...scoringText]),
  };
}

/**
 * Compares two editions of one government: the index, every group (through the questionnaire key maps) and
 * the items that improved or regressed. Items only one version has are listed as not comparable.
 */
export function compareEditions(before: EditionScores, after: EditionScores, chains: VersionChains): EditionComparison {
  const slugs = [
    ...new Set([...after.snapshot.groups.map((g) => g.group), ...before.snapshot.groups.map((g) => g.group)]),
  ];
  const groups = slugs.map((slug) =>
    compareGroup(
      slug,
      before.snapshot.groups.find((g) => g.group === slug),
      after.snapshot.groups.find((g) => g.group === slug),
      chains.get(slug),
    ),
  );
  const movements = groups.flatMap((g) =>
    g.items
      .filter((i) => i.delta !== null && i.delta !== 0)
      .map((i): ItemMovement => ({
        group: g.group,
        key: i.key,
        previousKey: i.previousKey,
        label: i.label,
        before: i.before.points!,
        after: i.after.points!,
        delta: i.delta!,
      })),
  );
  const iBefore = before.snapshot.index.index;
  const iAfter = after.snapshot.index.index;
  const delta = diff(iAfter, iBefore);
  const changed = groups
    .filter((g) => g.comparability !== 'same-questionnaire')
    .map((g) => message('progress.compare.group-name', { name: groupName(g.group, chains.get(g.group)) }));
  const years = { from: before.editionYear, to: after.editionYear, before: iBefore, after: iAfter };
  return {
    from: before.editionYear,
    to: after.editionYear,
    index: {
      before: iBefore,
      after: iAfter,
      delta,
      explanation: joinTexts([
        delta === null
          ? message('progress.compare.index', years)
          : message('progress.compare.index-delta', { ...years, delta: { signed: delta } }),
        changed.length > 0
          ? message('progress.compare.index-scope-changed', { groups: { list: changed } })
          : message('progress.compare.index-same'),
      ]),
    },
    groups,
    improved: movements.filter((m) => m.delta > 0),
    regressed: movements.filter((m) => m.delta < 0),
  };
}
