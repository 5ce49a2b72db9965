import type { DefinitionProblem } from './questionnaire-definition.error';
import type { AnswerSet, KeyMapEntry, Questionnaire } from './questionnaire.types';
import { validateAnswers } from './answer-validation';

/**
 * Checks how the versions of one group follow each other: numbered 1..N without gaps, each later version
 * following an earlier one with a key map that names every earlier key exactly once, and whose targets exist
 * with the same item type.
 */
export function checkVersionChain(
  versions: readonly Questionnaire[],
  fileOf: (version: number) => string,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const byNumber = new Map(versions.map((q) => [q.version, q]));
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1)
      problems.push({ file: fileOf(n), problem: `version ${n} is published but version ${i + 1} is not` });
  });
  for (const q of versions) {
    if (q.follows === undefined || q.keyMap === undefined) continue;
    const previous = byNumber.get(q.follows);
    const file = fileOf(q.version);
    if (!previous) {
      problems.push({ file, problem: `follows version ${q.follows}, which does not exist` });
      continue;
    }
    const targets = new Map(q.items.map((i) => [i.key, i]));
    const claimed = new Map<string, string>();
    for (const item of previous.items) {
      const entry = q.keyMap[item.key];
      if (entry === undefined) {
        problems.push({
          file,
          itemKey: item.key,
          problem: `keyMap must say what became of v${previous.version} item "${item.key}" (kept, renamedTo or dropped)`,
        });
        continue;
      }
      const target = targetKey(item.key, entry);
      if (target === null) continue;
      const next = targets.get(target);
      if (!next) {
        problems.push({
          file,
          itemKey: item.key,
          problem: `keyMap maps it to "${target}", which is not an item of v${q.version}`,
        });
      } else if (next.type !== item.type) {
        problems.push({
          file,
          itemKey: item.key,
          problem: `keyMap maps a ${item.type} item to "${target}", a ${next.type} item`,
        });
      }
      const earlier = claimed.get(target);
      if (earlier) {
        problems.push({
          file,
          itemKey: item.key,
          problem: `keyMap maps both "${earlier}" and "${item.key}" to "${target}"`,
        });
      }
      claimed.set(target, item.key);
    }
    const known = new Set(previous.items.map((i) => i.key));
    for (const key of Object.keys(q.keyMap)) {
      if (!known.has(key)) {
        problems.push({
          file,
          itemKey: key,
          problem: `keyMap names "${key}", which is not an item of v${previous.version}`,
        });
      }
    }
  }
  return problems;
}

function targetKey(key: string, entry: KeyMapEntry): string | null {
  if (entry === 'dropped') return null;
  if (entry === 'kept') return key;
  return entry.renamedTo;
}

/** The versions from `from` to `to` (inclusive, oldest first) along `follows`, or null when `to` does not descend from `from`. */
export function versionPath(
  versions: ReadonlyMap<number, Questionnaire>,
  from: number,
  to: number,
): Questionnaire[] | null {
  const path: Questionnaire[] = [];
  let current = versions.get(to);
  while (current) {
    path.unshift(current);
    if (current.version === from) return path;
    current = current.follows === undefined ? undefined : versions.get(current.follows);
  }
  return null;
}

/** Where each item key of the first version of `path` ends up in its last version (null: dropped on the way). */
export function mapKeysAlong(path: readonly Questionnaire[]): Map<string, string | null> {
  const mapping = new Map<string, string | null>(path[0].items.map((i) => [i.key, i.key]));
  for (const next of path.slice(1)) {
    for (const [origin, current] of mapping) {
      if (current === null) continue;
      const entry = next.keyMap?.[current];
      mapping.set(origin, entry === undefined ? null : targetKey(current, entry));
    }
  }
  return mapping;
}

export interface ItemCorrespondence {
  readonly fromKey: string;
  readonly toKey: string;
}

/** How two versions of a group compare: items they share (through the key maps) and items only one has. */
export interface VersionComparison {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly shared: readonly ItemCorrespondence[];
  readonly onlyInFrom: readonly string[];
  readonly onlyInTo: readonly string[];
}

export function compareVersions(
  versions: ReadonlyMap<number, Questionnaire>,
  from: number,
  to: number,
): VersionComparison {
  const [older, newer] = from <= to ? [from, to] : [to, from];
  const path = versionPath(versions, older, newer);
  if (!path) throw new Error(`version ${newer} does not descend from version ${older}`);
  const mapping = mapKeysAlong(path);
  const pairs = [...mapping].filter((e): e is [string, string] => e[1] !== null);
  const shared = pairs.map(([a, b]) => (from <= to ? { fromKey: a, toKey: b } : { fromKey: b, toKey: a }));
  const olderOnly = [...mapping].filter(([, b]) => b === null).map(([a]) => a);
  const reached = new Set(pairs.map(([, b]) => b));
  const newerOnly = path[path.length - 1].items.map((i) => i.key).filter((k) => !reached.has(k));
  return {
    fromVersion: from,
    toVersion: to,
    shared,
    onlyInFrom: from <= to ? olderOnly : newerOnly,
    onlyInTo: from <= to ? newerOnly : olderOnly,
  };
}

export interface CarriedAnswers {
  readonly answers: AnswerSet;
  /** Keys (in the target version) whose answers were carried. */
  readonly carried: readonly string[];
  /** Answers left behind, by their key in the source version, with the reason. */
  readonly leftBehind: readonly { readonly key: string; readonly reason: string }[];
}

/**
 * Carries an answer set from one version of a group to a later one through the key maps. An answer is
 * carried only when its item survives and the value is still valid there (e.g. its option still exists).
 */
export function carryForward(
  versions: ReadonlyMap<number, Questionnaire>,
  from: number,
  to: number,
  answers: AnswerSet,
): CarriedAnswers {
  const path = versionPath(versions, from, to);
  if (!path) throw new Error(`version ${to} does not descend from version ${from}`);
  const mapping = mapKeysAlong(path);
  const target = path[path.length - 1];
  const carried: Record<string, AnswerSet[string]> = {};
  const leftBehind: { key: string; reason: string }[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const newKey = mapping.get(key);
    if (newKey === undefined) {
      leftBehind.push({ key, reason: `not an item of version ${from}` });
    } else if (newKey === null) {
      leftBehind.push({ key, reason: `dropped before version ${to}` });
    } else {
      const errors = validateAnswers(target, { [newKey]: value });
      if (errors.length > 0) leftBehind.push({ key, reason: `no longer valid as "${newKey}": ${errors[0].reason}` });
      else carried[newKey] = value;
    }
  }
  return { answers: carried, carried: Object.keys(carried), leftBehind };
}
