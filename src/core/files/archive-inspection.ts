import type { Readable } from 'node:stream';
import { type Entry, fromBuffer, type ZipFile } from 'yauzl';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import type { ArchiveFormat } from './content-sniffing';

/** What an Office (OOXML) or OpenDocument archive may unpack to before it is refused. */
export interface ArchiveLimits {
  readonly maxEntries: number;
  /** Bytes of all entries together once inflated, nested archives included. */
  readonly maxUnpackedBytes: number;
  /** Inflated bytes per compressed byte of one entry, once that entry passes `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/**
 * 1,000 entries (a long DOCX has a few dozen), 100 MB unpacked or twice the upload limit if that is higher,
 * and a ratio of 200:1 for entries past 1 MB: XML compresses 10-40:1, a compression bomb about 1,000:1.
 */
export function archiveLimits(maxUploadBytes: number): ArchiveLimits {
  return {
    maxEntries: 1000,
    maxUnpackedBytes: Math.max(100 * MB, 2 * maxUploadBytes),
    maxRatio: 200,
    ratioFloorBytes: MB,
  };
}

export type ArchiveProblem =
  | { problem: 'DAMAGED' }
  | { problem: 'TOO_MANY_ENTRIES'; count: number; limit: number }
  | { problem: 'TOO_LARGE_UNPACKED'; limit: number }
  | { problem: 'RATIO'; entry: string; limit: number }
  | { problem: 'ENCRYPTED'; entry: string }
  | { problem: 'NESTED'; entry: string }
  | { problem: 'MISSING_PART'; part: string };

export type ArchiveInspection = { ok: true; entries: number; unpackedBytes: number } | ({ ok: false } & ArchiveProblem);

/** The part every archive of the format holds, whatever else it has. */
const REQUIRED_PART: Record<ArchiveFormat, string> = { ooxml: '[Content_Types].xml', odf: 'mimetype' };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Thrown inside the walk to stop it; turned into the result. */
class Refusal extends Error {
  constructor(readonly found: ArchiveProblem) {
    super(found.problem);
  }
}

/**
 * Reads every entry of an Office or OpenDocument archive by inflating it, counting the bytes as they come
 * and stopping past the limits: the sizes an archive declares may lie. An archive inside (an embedded
 * spreadsheet) is inspected the same way within what is left of the budget, one level deep.
 */
export async function inspectArchive(
  bytes: Uint8Array,
  format: ArchiveFormat,
  limits: ArchiveLimits,
): Promise<ArchiveInspection> {
  const budget = { left: limits.maxUnpackedBytes };
  try {
    const names = await walk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits, budget, 0);
    if (!names.includes(REQUIRED_PART[format]))
      throw new Refusal({ problem: 'MISSING_PART', part: REQUIRED_PART[format] });
    return { ok: true, entries: names.length, unpackedBytes: limits.maxUnpackedBytes - budget.left };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, ...e.found };
    return { ok: false, problem: 'DAMAGED' };
  }
}

/** The names of the archive's entries, once each has been inflated within the limits. */
async function walk(buffer: Buffer, limits: ArchiveLimits, budget: { left: number }, depth: number): Promise<string[]> {
  const zip = await open(buffer);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new Refusal({ problem: 'TOO_MANY_ENTRIES', count: zip.entryCount, limit: limits.maxEntries });
    }
    const names: string[] = [];
    for (let entry = await next(zip); entry; entry = await next(zip)) {
      names.push(entry.fileName);
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw new Refusal({ problem: 'ENCRYPTED', entry: entry.fileName });
      const nested = await inflateCounting(zip, entry, limits, budget);
      if (nested) {
        if (depth > 0) throw new Refusal({ problem: 'NESTED', entry: entry.fileName });
        await walk(nested, limits, budget, depth + 1);
      }
    }
    return names;
  } finally {
    zip.close();
  }
}

/**
 * Inflates one entry, counting: past the budget left or the entry's ratio, it stops and refuses. Returns the
 * entry's bytes when they are themselves a ZIP (to be inspected in turn), otherwise null and keeps nothing.
 */
async function inflateCounting(
  zip: ZipFile,
  entry: Entry,
  limits: ArchiveLimits,
  budget: { left: number },
): Promise<Buffer | null> {
  const ratioCap = Math.max(limits.ratioFloorBytes, entry.compressedSize * limits.maxRatio);
  const overRatio = (): ArchiveProblem => ({ problem: 'RATIO', entry: entry.fileName, limit: limits.maxRatio });
  const overTotal = (): ArchiveProblem => ({ problem: 'TOO_LARGE_UNPACKED', limit: limits.maxUnpackedBytes });
  // The declared sizes alone can refuse at once; they cannot accept, so the bytes are counted below.
  if (entry.uncompressedSize > budget.left) throw new Refusal(overTotal());
  if (entry.uncompressedSize > ratioCap) throw new Refusal(overRatio());
  const stream = await openStream(zip, entry);
  const kept: Buffer[] = [];
  let size = 0;
  let nested: boolean | undefined;
  await new Promise<void>((resolve, reject) => {
    const stop = (found: ArchiveProblem) => {
      stream.destroy();
      reject(new Refusal(found));
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      budget.left -= chunk.length;
      if (budget.left < 0) return stop(overTotal());
      if (size > ratioCap) return stop(overRatio());
      nested ??= chunk.subarray(0, 4).equals(ZIP_MAGIC);
      if (nested) kept.push(chunk);
    });
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return nested ? Buffer.concat(kept) : null;
}

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip.on('error', () => undefined)),
    ),
  );
}

/** The next entry, or null at the end of the central directory. */
function next(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    zip.once('entry', (entry: Entry) => (cleanup(), resolve(entry)));
    zip.once('end', () => (cleanup(), resolve(null)));
    zip.once('error', (err: Error) => (cleanup(), reject(err)));
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

/** Why the archive is refused, for the person who sent it; `type` names what it was taken for (DOCX). */
export function archiveProblemMessage(found: ArchiveProblem, type: LocalizedText): LocalizedText {
  switch (found.problem) {
    case 'DAMAGED':
      return message('files.archive.damaged', { type });
    case 'TOO_MANY_ENTRIES':
      return message('files.archive.too-many-entries', { count: found.count, limit: found.limit });
    case 'TOO_LARGE_UNPACKED':
      return message('files.archive.too-large-unpacked', {
        limit: message('files.size', { size: Math.floor(found.limit / MB), unit: 'MB' }),
      });
    case 'RATIO':
      return message('files.archive.ratio', { entry: found.entry.slice(0, 100), limit: found.limit });
    case 'ENCRYPTED':
      return message('files.archive.encrypted', { entry: found.entry.slice(0, 100) });
    case 'NESTED':
      return message('files.archive.nested', { entry: found.entry.slice(0, 100) });
    case 'MISSING_PART':
      return message('files.archive.missing-part', { part: found.part, type });
  }
}
