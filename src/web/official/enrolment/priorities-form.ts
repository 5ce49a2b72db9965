import type { ScoreSnapshot } from '../../../core/assessment/assessment.types';
import type { FieldProblem } from '../../../core/errors/domain-error';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { type Language, message, translate } from '../../../core/i18n/message';
import type { FormProblem } from '../../web-pages.service';
import { errorOf, fieldId, formProblems } from './form-problems';

/** An item not fully met in the approved diagnosis: what can be chosen as a priority. */
export interface Gap {
  readonly group: string;
  readonly groupTitle: LocalizedText;
  readonly itemKey: string;
  readonly label: LocalizedText;
  readonly points: number;
}

interface ViewGroup {
  readonly group: string;
  readonly title: LocalizedText;
  readonly items: readonly { readonly key: string; readonly label: LocalizedText }[];
}

/** The counted items under 100 points in the snapshot, in the order of the groups and their questionnaires. */
export function gapsOf(snapshot: ScoreSnapshot, groups: readonly ViewGroup[]): Gap[] {
  return groups.flatMap((g) => {
    const scored = snapshot.groups.find((s) => s.group === g.group);
    return g.items.flatMap((item) => {
      const score = scored?.items.find((i) => i.key === item.key);
      if (!score || !score.counted || (score.points ?? 0) >= 100) return [];
      return [{ group: g.group, groupTitle: g.title, itemKey: item.key, label: item.label, points: score.points ?? 0 }];
    });
  });
}

export const pickName = (g: { group: string; itemKey: string }) => `pick.${g.group}.${g.itemKey}`;
export const commitmentName = (g: { group: string; itemKey: string }) => `commitment.${g.group}.${g.itemKey}`;

export interface PriorityChoice {
  readonly group: string;
  readonly itemKey: string;
  readonly commitment: string;
}

/** What the form sent: every gap's tick and commitment. */
export function prioritiesValues(body: Readonly<Record<string, unknown>>, gaps: readonly Gap[]) {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  return gaps.map((g) => ({
    group: g.group,
    itemKey: g.itemKey,
    picked: body[pickName(g)] !== undefined,
    commitment: text(commitmentName(g)),
  }));
}

type Values = ReturnType<typeof prioritiesValues>;

/**
 * The problems the API's rules would not name in the words of the form: nothing ticked, or a commitment written
 * for an item left unticked (it would be lost).
 */
export function choiceProblems(values: Values): FieldProblem[] {
  const unticked = values
    .filter((v) => !v.picked && v.commitment !== '')
    .map((v) => ({ field: pickName(v), code: 'UNTICKED', message: message('web.priorities.unticked') }));
  if (values.some((v) => v.picked)) return unticked;
  const first = values[0];
  return [
    ...(first ? [{ field: pickName(first), code: 'NONE', message: message('web.priorities.none-chosen') }] : []),
    ...unticked,
  ];
}

export const chosen = (values: Values): PriorityChoice[] =>
  values.filter((v) => v.picked).map(({ group, itemKey, commitment }) => ({ group, itemKey, commitment }));

/** The form field a problem names: the API's `priorities.<i>.commitment` is the commitment of the i-th chosen. */
export function priorityFieldFor(path: string, sent: readonly PriorityChoice[]): string | null {
  if (path.startsWith('pick.')) return fieldId(path);
  const match = /^priorities\.(\d+)\.(itemKey|commitment|group)$/.exec(path);
  const choice = match ? sent[Number(match[1])] : undefined;
  if (!choice) return null;
  return fieldId(match![2] === 'commitment' ? commitmentName(choice) : pickName(choice));
}

export function priorityProblems(
  lang: Language,
  gaps: readonly Gap[],
  values: Values,
  fields: readonly FieldProblem[],
  sent: readonly PriorityChoice[],
): FormProblem[] {
  const order = gaps.flatMap((g) => [fieldId(pickName(g)), fieldId(commitmentName(g))]);
  const text = (field: string, reason: LocalizedText, problem: FieldProblem) => {
    if (problem.code === 'NONE') return reason[lang];
    const index = order.indexOf(field);
    const gap = gaps[Math.floor(index / 2)];
    const value = values[Math.floor(index / 2)];
    const item = gap ? gap.label[lang] : '';
    if (index % 2 === 0) return translate('web.priorities.problem.item', lang, { item, reason });
    return value?.commitment === ''
      ? translate('web.priorities.problem.empty', lang, { item })
      : translate('web.priorities.problem.commitment', lang, { item, reason });
  };
  return formProblems(fields, (p) => priorityFieldFor(p, sent), text, order);
}

/** Each group's gaps as the form draws them, ticked and filled from `values` (or from the priorities saved). */
export function prioritiesView(
  lang: Language,
  gaps: readonly Gap[],
  values: readonly { picked: boolean; commitment: string }[],
  problems: readonly FormProblem[],
) {
  const groups = new Map<string, { title: string; id: string; items: unknown[] }>();
  gaps.forEach((g, i) => {
    const pickId = fieldId(pickName(g));
    const commitmentId = fieldId(commitmentName(g));
    const pickError = errorOf(problems, pickId);
    const commitmentError = errorOf(problems, commitmentId);
    const group = groups.get(g.group) ?? { title: g.groupTitle[lang], id: `group-${g.group}`, items: [] };
    group.items.push({
      label: g.label[lang],
      rating: translate(g.points > 0 ? 'web.priorities.partly-met' : 'web.priorities.not-met', lang, {
        points: g.points,
      }),
      pickId,
      pickName: pickName(g),
      picked: values[i]?.picked ?? false,
      pickError,
      pickDescribedBy: [`${pickId}-rating`, pickError ? `${pickId}-error` : null].filter(Boolean).join(' '),
      commitmentId,
      commitmentName: commitmentName(g),
      commitment: values[i]?.commitment ?? '',
      commitmentError,
      commitmentDescribedBy: [`${commitmentId}-hint`, commitmentError ? `${commitmentId}-error` : null]
        .filter(Boolean)
        .join(' '),
    });
    groups.set(g.group, group);
  });
  return [...groups.values()];
}
