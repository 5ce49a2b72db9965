import type { files as pt } from '../pt-BR/files';

/** Messages: uploaded files (content checks, missing files). */
export const files: Record<keyof typeof pt, string> = {
  'files.missing': 'A required file is missing.',
  'files.missing.field': 'file required',
  'files.not-found': 'File not found.',
  'files.not-in-assessment': 'No such file in this assessment.',
  'files.too-large': 'File too large.',
  'files.too-large.field': 'the file exceeds the size limit',
  'files.empty': 'The file is empty.',
  'files.over-limit': 'The file is {size}, over the limit of {limit}.',
  'files.by-extension': 'By its .{extension} extension',
  'files.by-declared-type': 'By its declared type ({mime})',
  'files.mislabelled': '{by}, the file claims to be {claimed}, but its content is {found}.',
  'files.unsupported': 'Unsupported file type: the content is {found}. Send {accepted}.',
  'files.kind-not-allowed': 'The file is {found}, but only {accepted} is accepted here.',
  'files.size': '{size} {unit}',
  'files.or': 'or',
  'files.kind.image': 'image (PNG, JPEG, WebP or GIF)',
  'files.kind.office': 'Office or OpenDocument file (DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT)',
  'files.type.legacy-office': 'legacy Office (DOC/XLS/PPT)',
  'files.found.executable': 'an executable program',
  'files.found.zip': 'a ZIP that is neither an Office nor an OpenDocument file',
  'files.found.plain-text': 'plain text',
  'files.found.unknown': 'of an unrecognised type',
};
