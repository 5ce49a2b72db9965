import type { FieldProblem } from '../../core/errors/domain-error';
import type { LocalizedText } from '../../core/i18n/localized-text';
import { type Language, type MessageKey, translate } from '../../core/i18n/message';
import type { FormProblem } from '../web-pages.service';
import { isoDay } from '../official/enrolment/course-form';
import { errorOf, fieldId, formProblems } from '../official/enrolment/form-problems';

export const CALENDAR_FIELDS = [
  'enrolmentOpens',
  'enrolmentCloses',
  'diagnosisDeadline',
  'reviewDeadline',
  'certificationDate',
] as const;

export const RULE_KINDS = ['all-stages', 'minimum-index', 'minimum-levels'] as const;
export const LEVELS = ['initial', 'developing', 'consolidated', 'reference'] as const;
export const VALIDITY_KINDS = ['one-year', 'until-next-certification', 'fixed'] as const;

/** A group as the form offers it: its slug, title and published versions (the latest last). */
export interface GroupChoice {
  readonly slug: string;
  readonly title: LocalizedText;
  readonly versions: readonly number[];
}

export type EditionValues = Readonly<Record<string, string>>;

/** Every field of the edition form by its name, in the form's order (the names are the API's paths). */
export function editionFieldNames(groups: readonly GroupChoice[]): string[] {
  return [
    'year',
    ...CALENDAR_FIELDS.map((f) => `calendar.${f}`),
    ...groups.map((g) => `pinnedVersions.${g.slug}`),
    'certificationRule.kind',
    'certificationRule.minimumIndex',
    'certificationRule.minimumLevel',
    'sealValidity.kind',
    'sealValidity.until',
  ];
}

const text = (body: Readonly<Record<string, unknown>>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';

/** The submitted values, trimmed, every field present (a group left alone gets its latest version). */
export function editionValues(body: Readonly<Record<string, unknown>>, groups: readonly GroupChoice[]): EditionValues {
  const values = Object.fromEntries(editionFieldNames(groups).map((n) => [n, text(body, n)]));
  for (const g of groups) values[`pinnedVersions.${g.slug}`] ||= String(g.versions[g.versions.length - 1]);
  values['certificationRule.kind'] ||= 'all-stages';
  values['sealValidity.kind'] ||= 'one-year';
  return values;
}

/** A number typed with a decimal comma or point; anything else is kept as typed, for validation to refuse. */
const numberOf = (typed: string): number | string =>
  /^\d+([.,]\d+)?$/.test(typed) ? Number(typed.replace(',', '.')) : typed;

/** What the API's create takes, from the form: dates typed dd/mm/aaaa turned around, optional parts left out. */
export function editionInput(values: EditionValues, groups: readonly GroupChoice[]) {
  const kind = values['certificationRule.kind'];
  const validity = values['sealValidity.kind'];
  return {
    year: /^\d+$/.test(values.year) ? Number(values.year) : values.year,
    calendar: Object.fromEntries(CALENDAR_FIELDS.map((f) => [f, isoDay(values[`calendar.${f}`])])),
    pinnedVersions: Object.fromEntries(groups.map((g) => [g.slug, Number(values[`pinnedVersions.${g.slug}`])])),
    certificationRule: {
      kind,
      ...(kind === 'minimum-index' && values['certificationRule.minimumIndex'] !== ''
        ? { minimumIndex: numberOf(values['certificationRule.minimumIndex']) }
        : {}),
      ...(kind === 'minimum-levels' && values['certificationRule.minimumLevel'] !== ''
        ? { minimumLevel: values['certificationRule.minimumLevel'] }
        : {}),
    },
    sealValidity: {
      kind: validity,
      ...(validity === 'fixed' && values['sealValidity.until'] !== ''
        ? { until: isoDay(values['sealValidity.until']) }
        : {}),
    },
  };
}

/** The label of a field of the form, for the error summary. */
export function editionFieldLabel(name: string, lang: Language, groups: readonly GroupChoice[]): string {
  const [section, key] = name.split('.');
  if (section === 'pinnedVersions') {
    const group = groups.find((g) => g.slug === key);
    return translate('web.admin.edition.pinned-field', lang, { group: group?.title ?? key });
  }
  return translate(`web.admin.edition.field.${name}` as MessageKey, lang);
}

/** The problems of a submission by form field: "Prazo do diagnóstico: ...". */
export function editionProblems(
  lang: Language,
  fields: readonly FieldProblem[],
  groups: readonly GroupChoice[],
): FormProblem[] {
  const names = editionFieldNames(groups);
  const fieldFor = (path: string) => (names.includes(path) ? fieldId(path) : null);
  const labelOf = (field: string) =>
    editionFieldLabel(
      names.find((n) => fieldId(n) === field)!,
      lang,
      groups,
    );
  return formProblems(
    fields,
    fieldFor,
    (field, reason) => translate('web.admin.problem', lang, { field: labelOf(field), reason }),
    names.map(fieldId),
  );
}

const describedBy = (...ids: (string | null)[]) => ids.filter(Boolean).join(' ') || null;

/** The form as the template draws it. */
export function editionFormView(
  lang: Language,
  values: EditionValues,
  problems: readonly FormProblem[],
  groups: readonly GroupChoice[],
) {
  const input = (name: string, hint: boolean) => {
    const id = fieldId(name);
    const error = errorOf(problems, id);
    return {
      id,
      name,
      label: editionFieldLabel(name, lang, groups),
      value: values[name] ?? '',
      error,
      hintId: hint ? `${id}-hint` : null,
      describedBy: describedBy(hint ? `${id}-hint` : null, error ? `${id}-error` : null),
    };
  };
  const radios = (name: string, kinds: readonly string[]) => ({
    ...input(name, false),
    options: kinds.map((k) => ({
      id: `${fieldId(name)}-${k}`,
      value: k,
      label: translate(`web.admin.edition.${name}.${k}` as MessageKey, lang),
      checked: values[name] === k,
    })),
  });
  return {
    year: input('year', false),
    calendar: CALENDAR_FIELDS.map((f) => input(`calendar.${f}`, true)),
    groups: groups.map((g) => ({
      ...input(`pinnedVersions.${g.slug}`, false),
      options: g.versions.map((v) => ({
        value: String(v),
        label: translate('web.admin.version', lang, { version: v }),
        selected: values[`pinnedVersions.${g.slug}`] === String(v),
      })),
    })),
    ruleKind: radios('certificationRule.kind', RULE_KINDS),
    minimumIndex: input('certificationRule.minimumIndex', true),
    minimumLevel: {
      ...input('certificationRule.minimumLevel', false),
      options: LEVELS.map((l) => ({
        value: l,
        label: translate(`scoring.level.${l}` as MessageKey, lang),
        selected: values['certificationRule.minimumLevel'] === l,
      })),
    },
    validityKind: radios('sealValidity.kind', VALIDITY_KINDS),
    validityUntil: input('sealValidity.until', true),
  };
}

/** An edition's settings as the form's values, to change them. */
export function editionValuesOf(
  edition: {
    readonly year: number;
    readonly calendar: Readonly<Record<(typeof CALENDAR_FIELDS)[number], string>>;
    readonly pinnedVersions: Readonly<Record<string, number>>;
    readonly certificationRule: {
      readonly kind: string;
      readonly minimumIndex?: number;
      readonly minimumLevel?: string;
    };
    readonly sealValidity: { readonly kind: string; readonly until?: string };
  },
  groups: readonly GroupChoice[],
): EditionValues {
  const values: Record<string, string> = {
    year: String(edition.year),
    'certificationRule.kind': edition.certificationRule.kind,
    'certificationRule.minimumIndex': edition.certificationRule.minimumIndex?.toString() ?? '',
    'certificationRule.minimumLevel': edition.certificationRule.minimumLevel ?? '',
    'sealValidity.kind': edition.sealValidity.kind,
    'sealValidity.until': edition.sealValidity.until ?? '',
  };
  for (const f of CALENDAR_FIELDS) values[`calendar.${f}`] = edition.calendar[f];
  for (const g of groups) values[`pinnedVersions.${g.slug}`] = String(edition.pinnedVersions[g.slug] ?? '');
  return editionValues(values, groups);
}
