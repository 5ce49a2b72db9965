import type { AnswerSet, AnswerValue, KeyMapEntry, Questionnaire } from '../questionnaire/questionnaire.types';
import { visibleItemKeys } from '../questionnaire/visibility';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One indicator group with every published version of its questionnaire. */
export interface ExportGroup {
  readonly slug: string;
  readonly versions: readonly Questionnaire[];
}

/** The columns every row starts with, before the per-group ones. */
export const GOVERNMENT_COLUMNS = ['ibge_code', 'government', 'uf', 'region', 'kind', 'edition', 'state'] as const;

/** One item across the versions of its group: the same item under its key in each version that has it. */
export interface ItemColumn {
  readonly name: string;
  readonly group: string;
  /** The item's key by version number. */
  readonly keys: ReadonlyMap<number, string>;
}

export interface ExportLayout {
  /** Every header, in order: government columns, `version.<group>`, `index`, `score.<group>`, then the items. */
  readonly columns: readonly string[];
  readonly items: readonly ItemColumn[];
  /** The column of item `key` of `group` version `version`; undefined when it is not an item of that version. */
  itemColumn(group: string, version: number, key: string): string | undefined;
  /** Every item of `group` version `version`, key → column. */
  itemColumns(group: string, version: number): ReadonlyMap<string, string>;
  /** A row with every column, all null. */
  emptyRecord(): ExportRecord;
}

export const versionColumn = (group: string) => `version.${group}`;
export const scoreColumn = (group: string) => `score.${group}`;

function targetKey(key: string, entry: KeyMapEntry | undefined): string | null {
  if (entry === undefined || entry === 'dropped') return null;
  return entry === 'kept' ? key : entry.renamedTo;
}

/**
 * The items of a group across its versions. An item carried by a key map (kept or renamed) is the same item
 * in both versions, as answers are carried and compared; anything else is a distinct item.
 */
function lineagesOf(versions: readonly Questionnaire[]): Map<number, Map<string, Map<number, string>>> {
  const byVersion = new Map<number, Map<string, Map<number, string>>>();
  for (const q of [...versions].sort((a, b) => a.version - b.version)) {
    const mine = new Map<string, Map<number, string>>();
    const previous = q.follows === undefined ? undefined : byVersion.get(q.follows);
    const keys = new Set(q.items.map((i) => i.key));
    for (const [oldKey, lineage] of previous ?? []) {
      const target = targetKey(oldKey, q.keyMap?.[oldKey]);
      if (target === null || !keys.has(target) || mine.has(target)) continue;
      lineage.set(q.version, target);
      mine.set(target, lineage);
    }
    for (const item of q.items) if (!mine.has(item.key)) mine.set(item.key, new Map([[q.version, item.key]]));
    byVersion.set(q.version, mine);
  }
  return byVersion;
}

const latestOf = (lineage: ReadonlyMap<number, string>) => Math.max(...lineage.keys());

/**
 * The columns of one group's items: one per item across versions, named `<group>.<key>` after the item's key
 * in the latest version that has it (so a renamed item shares the column of its new key). Ordered as the
 * latest version lists them; an item of an earlier version only follows the item it followed there. If a
 * dropped key is reused later by another item, the older one becomes `<group>.<key>@v<last version>`.
 */
function groupColumns(group: ExportGroup): ItemColumn[] {
  const byVersion = lineagesOf(group.versions);
  const order: Map<number, string>[] = [];
  for (const q of [...group.versions].sort((a, b) => b.version - a.version)) {
    let anchor = -1;
    for (const item of q.items) {
      const lineage = byVersion.get(q.version)!.get(item.key)!;
      const at = order.indexOf(lineage);
      if (at >= 0) {
        anchor = at;
      } else {
        order.splice(anchor + 1, 0, lineage);
        anchor += 1;
      }
    }
  }
  const newest = new Map<string, number>();
  for (const lineage of order) {
    const key = lineage.get(latestOf(lineage))!;
    newest.set(key, Math.max(newest.get(key) ?? 0, latestOf(lineage)));
  }
  return order.map((lineage) => {
    const last = latestOf(lineage);
    const key = lineage.get(last)!;
    return {
      name: `${group.slug}.${newest.get(key) === last ? key : `${key}@v${last}`}`,
      group: group.slug,
      keys: lineage,
    };
  });
}

/** The export's columns, computed from the questionnaires alone, before any row is read. */
export function exportLayout(groups: readonly ExportGroup[]): ExportLayout {
  const items = groups.flatMap(groupColumns);
  const columns = [
    ...GOVERNMENT_COLUMNS,
    ...groups.map((g) => versionColumn(g.slug)),
    'index',
    ...groups.map((g) => scoreColumn(g.slug)),
    ...items.map((i) => i.name),
  ];
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c))
      throw new Error(`export column "${c}" would appear twice (a group slug clashes with a fixed column)`);
    seen.add(c);
  }
  const byVersion = new Map<string, Map<number, Map<string, string>>>();
  for (const item of items) {
    const versions = byVersion.get(item.group) ?? byVersion.set(item.group, new Map()).get(item.group)!;
    for (const [version, key] of item.keys)
      (versions.get(version) ?? versions.set(version, new Map()).get(version)!).set(key, item.name);
  }
  const none: ReadonlyMap<string, string> = new Map();
  const itemColumns = (group: string, version: number) => byVersion.get(group)?.get(version) ?? none;
  const empty: ExportRecord = Object.fromEntries(columns.map((c) => [c, null]));
  return {
    columns,
    items,
    itemColumns,
    itemColumn: (group, version, key) => itemColumns(group, version).get(key),
    emptyRecord: () => ({ ...empty }),
  };
}

/** A cell as read from the database: typed answers stay typed (JSON keeps lists and evidence objects). */
export type ExportValue = AnswerValue | null;
export type ExportRecord = Record<string, ExportValue>;

export interface ExportSource {
  readonly ibgeCode: string;
  readonly government: string;
  readonly uf: string;
  readonly region: string;
  readonly kind: string;
  readonly edition: number;
  readonly state: string;
  readonly versions: Readonly<Record<string, number>>;
  readonly index: number | null;
  readonly groupScores: readonly { readonly group: string; readonly score: number | null }[];
  /** Answers per group, as reviewed (see `answersAsReviewed`). */
  readonly answers: Readonly<Record<string, AnswerSet>>;
}

/** One row, written by column name: every column present, null where the assessment has nothing. */
export function exportRecord(layout: ExportLayout, source: ExportSource): ExportRecord {
  const record = layout.emptyRecord();
  const put = (column: string, value: ExportValue) => {
    if (!(column in record)) throw new Error(`no export column "${column}"`);
    record[column] = value;
  };
  put('ibge_code', source.ibgeCode);
  put('government', source.government);
  put('uf', source.uf);
  put('region', source.region);
  put('kind', source.kind);
  put('edition', source.edition);
  put('state', source.state);
  put('index', source.index);
  for (const [group, version] of Object.entries(source.versions)) {
    put(versionColumn(group), version);
    const columns = layout.itemColumns(group, version);
    for (const [key, value] of Object.entries(source.answers[group] ?? {})) {
      const column = columns.get(key);
      if (column) record[column] = value;
    }
  }
  for (const g of source.groupScores) put(scoreColumn(g.group), g.score);
  return record;
}

/**
 * The answers the scores were computed from: the reviewer's rating where the reviewer adjusted one, and
 * nothing for items hidden by earlier answers (the engine ignores those).
 */
export function answersAsReviewed(
  questionnaire: Questionnaire,
  rows: readonly {
    readonly itemKey: string;
    readonly value: AnswerValue | null;
    readonly reviewerRating: AnswerValue | null;
  }[],
): AnswerSet {
  const answers: Record<string, AnswerValue> = {};
  for (const r of rows) {
    const value = r.reviewerRating ?? r.value;
    if (value !== null) answers[r.itemKey] = value;
  }
  const visible = visibleItemKeys(questionnaire, answers);
  for (const key of Object.keys(answers)) if (!visible.has(key)) delete answers[key];
  return answers;
}

/** A cell for CSV and XLSX: lists joined with "; ", evidence as its link or `file:<sha256>`. */
export function flatCell(value: ExportValue): string | number | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.join('; ');
  const evidence = value as { url?: string; file?: string };
  return evidence.url ?? `file:${evidence.file}`;
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe in CSV files (OWASP "CSV injection"); numbers are left alone.
 */
export function csvSafe(cell: string | number | null): string | number | null {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
