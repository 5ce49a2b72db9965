import type { FieldProblem } from '../../../core/errors/domain-error';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { type Language, type MessageKey, translate } from '../../../core/i18n/message';
import type { FormProblem } from '../../web-pages.service';
import { errorOf, fieldId, formProblems } from './form-problems';

/** Rows for substitutes in the form without JavaScript (the multipart reader takes 20 text fields: 8 + 4 per row). */
export const SUBSTITUTE_ROWS = 2;

type Section = 'focalPerson' | 'substitutes' | 'migrantService';

interface FieldSpec {
  readonly name: string;
  readonly label: MessageKey;
  readonly type: 'text' | 'email' | 'tel';
  readonly autocomplete: string;
  readonly required: boolean;
  readonly hint?: MessageKey;
}

const PERSON: readonly FieldSpec[] = [
  { name: 'name', label: 'web.enrolment.person.name', type: 'text', autocomplete: 'name', required: true },
  { name: 'email', label: 'web.enrolment.person.email', type: 'email', autocomplete: 'email', required: true },
  {
    name: 'phone',
    label: 'web.enrolment.person.phone',
    type: 'tel',
    autocomplete: 'tel',
    required: false,
    hint: 'web.enrolment.optional',
  },
  {
    name: 'department',
    label: 'web.enrolment.person.department',
    type: 'text',
    autocomplete: 'organization',
    required: true,
    hint: 'web.enrolment.person.department-hint',
  },
];

const SERVICE: readonly FieldSpec[] = [
  { name: 'name', label: 'web.enrolment.service.name', type: 'text', autocomplete: 'off', required: true },
  {
    name: 'phone',
    label: 'web.enrolment.service.phone',
    type: 'tel',
    autocomplete: 'off',
    required: true,
    hint: 'web.enrolment.service.phone-hint',
  },
  { name: 'email', label: 'web.enrolment.service.email', type: 'email', autocomplete: 'off', required: true },
  { name: 'address', label: 'web.enrolment.service.address', type: 'text', autocomplete: 'off', required: true },
];

/** Every text field of the form by its name (`focalPerson.email`, `substitutes.1.name`), in the form's order. */
export function enrolmentFieldNames(): string[] {
  return [
    ...PERSON.map((f) => `focalPerson.${f.name}`),
    ...Array.from({ length: SUBSTITUTE_ROWS }, (_, row) => PERSON.map((f) => `substitutes.${row}.${f.name}`)).flat(),
    ...SERVICE.map((f) => `migrantService.${f.name}`),
  ];
}

export type EnrolmentValues = Readonly<Record<string, string>>;

/** The form's values from the submitted text fields, trimmed; every field present. */
export function enrolmentValues(fields: Readonly<Record<string, string>>): EnrolmentValues {
  return Object.fromEntries(enrolmentFieldNames().map((n) => [n, (fields[n] ?? '').trim()]));
}

const person = (values: EnrolmentValues, prefix: string) => {
  const phone = values[`${prefix}.phone`];
  return {
    name: values[`${prefix}.name`],
    email: values[`${prefix}.email`],
    ...(phone ? { phone } : {}),
    department: values[`${prefix}.department`],
  };
};

/**
 * What the API's `data` field takes, from the form: substitutes' rows left empty are not sent, and `rows` says
 * which form row each substitute sent came from (to put a problem back beside its field).
 */
export function enrolmentData(values: EnrolmentValues, governmentCode: string) {
  const rows = Array.from({ length: SUBSTITUTE_ROWS }, (_, row) => row).filter((row) =>
    PERSON.some((f) => values[`substitutes.${row}.${f.name}`] !== ''),
  );
  return {
    data: {
      governmentCode,
      focalPerson: person(values, 'focalPerson'),
      substitutes: rows.map((row) => person(values, `substitutes.${row}`)),
      migrantService: {
        name: values['migrantService.name'],
        phone: values['migrantService.phone'],
        email: values['migrantService.email'],
        address: values['migrantService.address'],
      },
    },
    rows,
  };
}

export const LETTER_FIELD = 'letterOfIntent';

/** The form field a problem of the API names (`substitutes.0.email` is the first substitute row sent). */
export function enrolmentFieldFor(path: string, rows: readonly number[]): string | null {
  if (path === LETTER_FIELD || path === 'file') return LETTER_FIELD;
  const substitute = /^substitutes\.(\d+)\.(\w+)$/.exec(path);
  const name = substitute ? `substitutes.${rows[Number(substitute[1])] ?? substitute[1]}.${substitute[2]}` : path;
  return enrolmentFieldNames().includes(name) ? fieldId(name) : null;
}

function specOf(name: string): { section: Section; row: number | null; spec: FieldSpec } | null {
  const [section, ...rest] = name.split('.') as [Section, ...string[]];
  const row = section === 'substitutes' ? Number(rest.shift()) : null;
  const spec = (section === 'migrantService' ? SERVICE : PERSON).find((f) => f.name === rest[0]);
  return spec ? { section, row, spec } : null;
}

/** "Ponto focal, E-mail: deve ser um endereço de e-mail." — or "preencha este campo" when it was left empty. */
export function enrolmentProblemText(
  lang: Language,
  values: EnrolmentValues,
): (field: string, reason: LocalizedText) => string {
  return (field, reason) => {
    if (field === fieldId(LETTER_FIELD)) return translate('web.enrolment.letter.problem', lang, { reason });
    const name = enrolmentFieldNames().find((n) => fieldId(n) === field)!;
    const { section, row, spec } = specOf(name)!;
    const params = {
      section: translate(`web.enrolment.section.${section}`, lang, { n: (row ?? 0) + 1 }),
      field: translate(spec.label, lang),
      reason,
    };
    return values[name] === ''
      ? translate('web.enrolment.problem.empty', lang, params)
      : translate('web.enrolment.problem', lang, params);
  };
}

/** The problems of a submission, by form field, with the missing letter when no file was chosen. */
export function enrolmentProblems(
  lang: Language,
  values: EnrolmentValues,
  fields: readonly FieldProblem[],
  rows: readonly number[],
): FormProblem[] {
  const order = [...enrolmentFieldNames().map(fieldId), LETTER_FIELD];
  return formProblems(fields, (p) => enrolmentFieldFor(p, rows), enrolmentProblemText(lang, values), order);
}

/** The form as the template draws it: each section's fields with their value, hint and error. */
export function enrolmentFormView(lang: Language, values: EnrolmentValues, problems: readonly FormProblem[]) {
  const field = (name: string, spec: FieldSpec, required = spec.required) => {
    const id = fieldId(name);
    const error = errorOf(problems, id);
    const hintId = spec.hint ? `${id}-hint` : null;
    const describedBy = [hintId, error ? `${id}-error` : null].filter(Boolean).join(' ');
    return {
      id,
      name,
      type: spec.type,
      autocomplete: spec.autocomplete,
      label: translate(spec.label, lang),
      value: values[name] ?? '',
      required,
      hint: spec.hint ? translate(spec.hint, lang) : null,
      hintId,
      error,
      describedBy: describedBy || null,
    };
  };
  return {
    focalPerson: PERSON.map((f) => field(`focalPerson.${f.name}`, f)),
    substitutes: Array.from({ length: SUBSTITUTE_ROWS }, (_, row) => ({
      id: `substitute-${row}`,
      legend: translate('web.enrolment.section.substitutes', lang, { n: row + 1 }),
      // A substitute is optional; once a row is started, its fields are required as the focal person's.
      fields: PERSON.map((f) => field(`substitutes.${row}.${f.name}`, f, false)),
    })),
    migrantService: SERVICE.map((f) => field(`migrantService.${f.name}`, f)),
    letter: {
      id: LETTER_FIELD,
      error: errorOf(problems, LETTER_FIELD),
    },
  };
}
