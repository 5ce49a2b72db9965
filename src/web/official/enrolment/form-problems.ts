import type { FieldProblem } from '../../../core/errors/domain-error';
import type { UploadedFile } from '../../../core/http/multipart';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import type { FormProblem } from '../../web-pages.service';

/** A form field's id from its name: `focalPerson.email` → `focalPerson-email` (dots would need escaping in `#` links). */
export const fieldId = (name: string): string => name.replace(/[^A-Za-z0-9_-]/g, '-');

/** A file input left empty: browsers still send the part, with no name and no bytes. */
export function chosenFile(files: readonly UploadedFile[], field: string): UploadedFile | undefined {
  const file = files.find((f) => f.field === field);
  return file && (file.fileName !== '' || file.bytes.length > 0) ? file : undefined;
}

/**
 * The API's field problems as the form's: each path mapped to the form field at fault (or dropped when the form
 * has none), its text written by `text`, one problem per field (the first), in the order of the form.
 */
export function formProblems(
  fields: readonly FieldProblem[],
  fieldFor: (path: string) => string | null,
  text: (field: string, reason: LocalizedText, problem: FieldProblem) => string,
  order: readonly string[] = [],
): FormProblem[] {
  const seen = new Map<string, FormProblem>();
  for (const f of fields) {
    const field = fieldFor(f.field);
    if (field && !seen.has(field)) seen.set(field, { field, text: text(field, f.message, f) });
  }
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...seen.values()].sort((a, b) => rank(a.field) - rank(b.field));
}

/** Each field's first problem, for the message beside it. */
export function errorOf(problems: readonly FormProblem[], field: string): string | null {
  return problems.find((p) => p.field === field)?.text ?? null;
}

/** The largest upload in megabytes, to one decimal (the hint's number, written in the reader's language). */
export const uploadLimitMb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
