import type { LocalizedText } from '../i18n/localized-text';
import { joinTexts, message, verbatim } from '../i18n/message';
import { findHtmlMarkup, findPdfActiveContent, type ImageFormat, imageFault } from './content-structure';

/** What a file's bytes show it to be, whatever its name says. */
export interface SniffedType {
  mime: string;
  extension: string;
  kind: 'pdf' | 'image' | 'office';
}

type TypeId = 'pdf' | 'png' | 'jpeg' | 'webp' | 'gif' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'ole';

const same = verbatim;

const TYPES: Record<TypeId, { type: SniffedType; label: LocalizedText }> = {
  pdf: { type: { mime: 'application/pdf', extension: 'pdf', kind: 'pdf' }, label: same('PDF') },
  png: { type: { mime: 'image/png', extension: 'png', kind: 'image' }, label: same('PNG') },
  jpeg: { type: { mime: 'image/jpeg', extension: 'jpg', kind: 'image' }, label: same('JPEG') },
  webp: { type: { mime: 'image/webp', extension: 'webp', kind: 'image' }, label: same('WebP') },
  gif: { type: { mime: 'image/gif', extension: 'gif', kind: 'image' }, label: same('GIF') },
  docx: {
    type: {
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
      kind: 'office',
    },
    label: same('DOCX'),
  },
  xlsx: {
    type: {
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
      kind: 'office',
    },
    label: same('XLSX'),
  },
  pptx: {
    type: {
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
      kind: 'office',
    },
    label: same('PPTX'),
  },
  odt: {
    type: { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt', kind: 'office' },
    label: same('ODT'),
  },
  ods: {
    type: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods', kind: 'office' },
    label: same('ODS'),
  },
  odp: {
    type: { mime: 'application/vnd.oasis.opendocument.presentation', extension: 'odp', kind: 'office' },
    label: same('ODP'),
  },
  // Whether an OLE2 compound file holds a DOC, XLS or PPT is only known after reading its sector
  // allocation table and directory stream; not worth it here, so the container is reported as such.
  ole: {
    type: { mime: 'application/x-ole-storage', extension: 'doc', kind: 'office' },
    label: message('files.type.legacy-office'),
  },
};

const ODF_MIMES: Record<string, TypeId> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const OOXML_FOLDERS: readonly [string, TypeId][] = [
  ['word/', 'docx'],
  ['xl/', 'xlsx'],
  ['ppt/', 'pptx'],
];

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

export function sniffContentType(bytes: Uint8Array): SniffedType | null {
  const id = sniffId(bytes);
  return id ? { ...TYPES[id].type } : null;
}

function sniffId(bytes: Uint8Array): TypeId | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // A ZIP must start with a local header: one found only further in (e.g. appended to an executable) is not a document.
  if (bytes.length >= 30 && u32(bytes, 0) === LOCAL_HEADER) return sniffZip(bytes);
  return null;
}

function sniffZip(bytes: Uint8Array): TypeId | null {
  const odf = odfMimetype(bytes);
  if (odf !== null) return ODF_MIMES[odf] ?? null;
  const names = centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
  if (!names.includes('[Content_Types].xml')) return null;
  return OOXML_FOLDERS.find(([folder]) => names.some((n) => n.startsWith(folder)))?.[1] ?? null;
}

/** ODF puts an uncompressed `mimetype` entry first so that its type can be read at a fixed offset. */
function odfMimetype(bytes: Uint8Array): string | null {
  const method = u16(bytes, 8);
  const size = u32(bytes, 18);
  const nameLength = u16(bytes, 26);
  const start = 30 + nameLength + u16(bytes, 28);
  if (method !== 0 || ascii(bytes, 30, nameLength) !== 'mimetype' || size > 100 || start + size > bytes.length)
    return null;
  return ascii(bytes, start, size);
}

/** Entry names from the central directory, the archive's own index; null if it cannot be found or read. */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (offset + size > end) return null;
  const names: string[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL_HEADER) return null;
    const nameLength = u16(bytes, p + 28);
    names.push(ascii(bytes, p + 46, nameLength));
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return p <= end ? names : null;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes followed by a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (u32(bytes, p) === END_OF_CENTRAL_DIRECTORY && p + 22 + u16(bytes, p + 20) <= bytes.length) return p;
  }
  return -1;
}

/** Entry names from walking the local headers, for an archive without a readable central directory. */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= bytes.length && u32(bytes, p) === LOCAL_HEADER) {
    const nameLength = u16(bytes, p + 26);
    names.push(ascii(bytes, p + 30, nameLength));
    const compressedSize = u32(bytes, p + 18);
    // With a data descriptor (flag bit 3) the size is only known after the data: the walk cannot go on.
    if (u16(bytes, p + 6) & 0x08 && compressedSize === 0) break;
    p += 30 + nameLength + u16(bytes, p + 28) + compressedSize;
  }
  return names;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function u16(bytes: Uint8Array, p: number): number {
  return p + 2 <= bytes.length ? bytes[p] | (bytes[p + 1] << 8) : -1;
}

function u32(bytes: Uint8Array, p: number): number {
  return p + 4 <= bytes.length
    ? (bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24)) >>> 0
    : -1;
}

/** What to call content that is none of the accepted types, so a refusal can say what was found. */
function describeUnrecognised(bytes: Uint8Array): LocalizedText {
  const head = ascii(bytes, 0, 1024)
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|script)\b/.test(head)) return same('HTML');
  if (/^<svg\b/.test(head) || (head.startsWith('<?xml') && head.includes('<svg'))) return same('SVG');
  if (ascii(bytes, 0, 2) === 'MZ' || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) {
    return message('files.found.executable');
  }
  if (u32(bytes, 0) === LOCAL_HEADER) {
    return message('files.found.zip');
  }
  if (
    !bytes
      .subarray(0, 1024)
      .some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f)
  ) {
    return message('files.found.plain-text');
  }
  return message('files.found.unknown');
}

interface Claim {
  accepts: readonly TypeId[];
  label: string;
}

const EXTENSION_CLAIMS: Record<string, Claim> = {
  pdf: { accepts: ['pdf'], label: 'PDF' },
  png: { accepts: ['png'], label: 'PNG' },
  jpg: { accepts: ['jpeg'], label: 'JPEG' },
  jpeg: { accepts: ['jpeg'], label: 'JPEG' },
  jpe: { accepts: ['jpeg'], label: 'JPEG' },
  jfif: { accepts: ['jpeg'], label: 'JPEG' },
  webp: { accepts: ['webp'], label: 'WebP' },
  gif: { accepts: ['gif'], label: 'GIF' },
  docx: { accepts: ['docx'], label: 'DOCX' },
  xlsx: { accepts: ['xlsx'], label: 'XLSX' },
  pptx: { accepts: ['pptx'], label: 'PPTX' },
  odt: { accepts: ['odt'], label: 'ODT' },
  ods: { accepts: ['ods'], label: 'ODS' },
  odp: { accepts: ['odp'], label: 'ODP' },
  doc: { accepts: ['ole'], label: 'DOC' },
  xls: { accepts: ['ole'], label: 'XLS' },
  ppt: { accepts: ['ole'], label: 'PPT' },
};

const MIME_CLAIMS: Record<string, Claim> = {
  'application/pdf': EXTENSION_CLAIMS.pdf,
  'application/x-pdf': EXTENSION_CLAIMS.pdf,
  'image/png': EXTENSION_CLAIMS.png,
  'image/x-png': EXTENSION_CLAIMS.png,
  'image/jpeg': EXTENSION_CLAIMS.jpeg,
  'image/jpg': EXTENSION_CLAIMS.jpeg,
  'image/pjpeg': EXTENSION_CLAIMS.jpeg,
  'image/webp': EXTENSION_CLAIMS.webp,
  'image/gif': EXTENSION_CLAIMS.gif,
  ...Object.fromEntries(
    (['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'] as const).map((id) => [TYPES[id].type.mime, EXTENSION_CLAIMS[id]]),
  ),
  'application/msword': EXTENSION_CLAIMS.doc,
  'application/vnd.ms-excel': EXTENSION_CLAIMS.xls,
  'application/vnd.ms-powerpoint': EXTENSION_CLAIMS.ppt,
  'application/x-ole-storage': { accepts: ['ole'], label: 'OLE2' },
};

const KIND_LABELS: Record<SniffedType['kind'], LocalizedText> = {
  pdf: same('PDF'),
  image: message('files.kind.image'),
  office: message('files.kind.office'),
};

export type UploadCheck =
  | { ok: true; type: SniffedType }
  | {
      ok: false;
      code:
        | 'EMPTY'
        | 'TOO_LARGE'
        | 'UNSUPPORTED_TYPE'
        | 'MISLABELLED'
        | 'KIND_NOT_ALLOWED'
        | 'MALFORMED'
        | 'ACTIVE_CONTENT';
      message: LocalizedText;
    };

/**
 * Decides whether an upload may be stored, by what its bytes are. The name and declared MIME type are only
 * checked for consistency: a name or type this module does not know claims nothing, since real names often
 * carry dates ("Ata 12.03.2024") or no extension and browsers send application/octet-stream when unsure.
 */
export function checkUpload(input: {
  bytes: Uint8Array;
  fileName?: string;
  declaredMime?: string;
  allowed: readonly SniffedType['kind'][];
  maxBytes: number;
  /** A file the engine made itself (a seal, with its credential attached): its PDF attachments are meant. */
  generated?: boolean;
}): UploadCheck {
  const { bytes, allowed, maxBytes } = input;
  if (bytes.length === 0) {
    return { ok: false, code: 'EMPTY', message: message('files.empty') };
  }
  if (bytes.length > maxBytes) {
    const [size, limit] = sizes(bytes.length, maxBytes);
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: message('files.over-limit', { size, limit }),
    };
  }
  const id = sniffId(bytes);
  const found = id ? TYPES[id].label : describeUnrecognised(bytes);
  const extension = extensionOf(input.fileName);
  const mime = input.declaredMime?.split(';')[0].trim().toLowerCase() ?? '';
  const claims: [Claim | undefined, LocalizedText][] = [
    [EXTENSION_CLAIMS[extension], message('files.by-extension', { extension })],
    [MIME_CLAIMS[mime], message('files.by-declared-type', { mime })],
  ];
  for (const [claim, by] of claims) {
    if (claim && !(id && claim.accepts.includes(id))) {
      return {
        ok: false,
        code: 'MISLABELLED',
        message: message('files.mislabelled', { by, claimed: claim.label, found }),
      };
    }
  }
  const accepted = listOf(allowed.map((k) => KIND_LABELS[k]));
  if (!id) {
    return {
      ok: false,
      code: 'UNSUPPORTED_TYPE',
      message: message('files.unsupported', { found, accepted }),
    };
  }
  const type = TYPES[id].type;
  if (!allowed.includes(type.kind)) {
    return {
      ok: false,
      code: 'KIND_NOT_ALLOWED',
      message: message('files.kind-not-allowed', { found, accepted }),
    };
  }
  return structureProblem(id, bytes, input.generated ?? false) ?? { ok: true, type: { ...type } };
}

const IMAGE_FORMATS: Partial<Record<TypeId, ImageFormat>> = { png: 'png', jpeg: 'jpeg', gif: 'gif', webp: 'webp' };

/** An image whose structure does not hold past its first bytes, or a PDF or image carrying markup or script. */
function structureProblem(id: TypeId, bytes: Uint8Array, generated: boolean): UploadCheck | null {
  const format = IMAGE_FORMATS[id];
  const fault = format ? imageFault(format, bytes) : null;
  if (fault) {
    const reason = message(`files.image-fault.${fault}`);
    return {
      ok: false,
      code: 'MALFORMED',
      message: message('files.malformed-image', { type: TYPES[id].label, reason }),
    };
  }
  if (generated || (id !== 'pdf' && !format)) return null;
  const active = id === 'pdf' ? findPdfActiveContent(bytes) : findHtmlMarkup(bytes);
  if (!active) return null;
  const found = message(`files.active.${active.kind}`, { marker: active.marker });
  return { ok: false, code: 'ACTIVE_CONTENT', message: message('files.active-content', { found }) };
}

/** How an Office archive is laid out: OOXML (DOCX, XLSX, PPTX) or OpenDocument (ODT, ODS, ODP). */
export type ArchiveFormat = 'ooxml' | 'odf';

/** The archive an Office or OpenDocument type is (OLE2 files are not archives), to be inspected entry by entry. */
export function archiveFormatOf(type: SniffedType): ArchiveFormat | null {
  if (type.mime.startsWith('application/vnd.openxmlformats-officedocument.')) return 'ooxml';
  if (type.mime.startsWith('application/vnd.oasis.opendocument.')) return 'odf';
  return null;
}

function extensionOf(fileName: string | undefined): string {
  // Browsers on Windows may send a full path; Windows itself ignores trailing dots and spaces.
  const base = ((fileName ?? '').split(/[\\/]/).at(-1) ?? '').replace(/[. ]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** "A, B or C" in each language. */
function listOf(items: readonly LocalizedText[]): LocalizedText {
  if (items.length < 2) return joinTexts(items);
  return joinTexts([joinTexts(items.slice(0, -1), ', '), message('files.or'), items[items.length - 1]]);
}

/** The size and the limit in the limit's unit, rounded so that the size never reads as within the limit. */
function sizes(size: number, limit: number): [LocalizedText, LocalizedText] {
  const [divisor, unit] = limit >= 1024 * 1024 ? [1024 * 1024, 'MB'] : limit >= 1024 ? [1024, 'KB'] : [1, 'bytes'];
  const format = (n: number): LocalizedText => message('files.size', { size: n, unit });
  return [format(Math.ceil((size / divisor) * 10) / 10), format(Math.floor((limit / divisor) * 10) / 10)];
}
