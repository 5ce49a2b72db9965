import { inflateSync } from 'node:zlib';

/**
 * Checks of what a PDF or an image holds beyond its first bytes: markup or script a browser or a PDF reader
 * would run, and images whose structure does not hold. Pure functions of the bytes.
 */

export interface ActiveContent {
  readonly kind: 'html' | 'javascript' | 'launch' | 'embedded-file' | 'rich-media';
  /** What was found, as it reads in the file (`<script`, `/JavaScript`). */
  readonly marker: string;
}

/**
 * HTML a browser would render if the file were ever served as a page, anywhere in the file: a polyglot hides it
 * after a valid start. Tag names must end (space, `/` or `>`), so that binary data hardly ever matches by chance.
 */
const HTML_MARKUP =
  /<(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|svg|meta|style|base|form)(?=[\s/>])|(?:java|vb)script:/i;

/** PDF names that run script, start programs or carry other files, with what each is. */
const PDF_ACTIVE_NAMES: Readonly<Record<string, ActiveContent['kind']>> = {
  JavaScript: 'javascript',
  JS: 'javascript',
  Launch: 'launch',
  EmbeddedFile: 'embedded-file',
  EmbeddedFiles: 'embedded-file',
  RichMedia: 'rich-media',
};

/** A PDF name: `/` then regular characters, any of them possibly written `#xx` (`/J#53` is `/JS`). */
const PDF_NAME = /\/((?:[^\s\0()<>[\]{}/%#]|#[0-9A-Fa-f]{2})+)/g;

/** Object streams (PDF 1.5) compress whole objects, actions included: they are inflated and read too. */
const OBJECT_STREAM = /\/Type\s*\/ObjStm\b/g;
const MAX_INFLATED_OBJECTS = 64 * 1024 * 1024;

export function findHtmlMarkup(bytes: Uint8Array): ActiveContent | null {
  const found = HTML_MARKUP.exec(latin1(bytes));
  return found ? { kind: 'html', marker: found[0] } : null;
}

/** HTML anywhere in the file, or an action or attachment in its objects, compressed object streams included. */
export function findPdfActiveContent(bytes: Uint8Array): ActiveContent | null {
  const text = latin1(bytes);
  const html = HTML_MARKUP.exec(text);
  if (html) return { kind: 'html', marker: html[0] };
  const named = findActiveName(text);
  if (named) return named;
  let inflated = 0;
  for (const objects of objectStreams(bytes, text)) {
    inflated += objects?.length ?? Infinity;
    // Object streams past this are a compression bomb of their own: what they hide cannot be read cheaply.
    if (objects === null || inflated > MAX_INFLATED_OBJECTS) return { kind: 'javascript', marker: '/ObjStm' };
    const hidden = findActiveName(objects);
    if (hidden) return hidden;
  }
  return null;
}

function findActiveName(text: string): ActiveContent | null {
  for (const match of text.matchAll(PDF_NAME)) {
    const name = match[1].includes('#')
      ? match[1].replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      : match[1];
    const kind = PDF_ACTIVE_NAMES[name];
    if (kind) return { kind, marker: match[0] };
  }
  return null;
}

/**
 * The inflated text of each object stream, null for one that inflates past the limit. One that does not
 * inflate (another filter, or damaged) is skipped: a reader could not take actions out of it either.
 */
function* objectStreams(bytes: Uint8Array, text: string): Generator<string | null> {
  for (const found of text.matchAll(OBJECT_STREAM)) {
    const keyword = text.indexOf('stream', found.index);
    if (keyword < 0) return;
    const start = keyword + (text.startsWith('stream\r\n', keyword) ? 8 : 7);
    const end = text.indexOf('endstream', start);
    if (end < 0) return;
    try {
      yield latin1(inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_INFLATED_OBJECTS }));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') yield null;
    }
  }
}

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/** What is wrong with an image's structure: no valid header, no image data, or no end (cut short). */
export type ImageFault = 'header' | 'data' | 'end';

export function imageFault(format: ImageFormat, bytes: Uint8Array): ImageFault | null {
  switch (format) {
    case 'png':
      return pngFault(bytes);
    case 'jpeg':
      return jpegFault(bytes);
    case 'gif':
      return gifFault(bytes);
    case 'webp':
      return webpFault(bytes);
  }
}

/** Signature, IHDR first, chunks that fit, at least one IDAT, then IEND. */
function pngFault(b: Uint8Array): ImageFault | null {
  if (u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return 'header';
  let sawData = false;
  for (let p = 8; p + 12 <= b.length;) {
    const length = u32be(b, p);
    const type = ascii(b, p + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type) || p + 12 + length > b.length) return 'end';
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? null : 'data';
    p += 12 + length;
  }
  return 'end';
}

const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** SOI, segments that fit up to the first scan, a frame header before it, and an EOI after it. */
function jpegFault(b: Uint8Array): ImageFault | null {
  let sawFrame = false;
  for (let p = 2; p + 2 <= b.length;) {
    if (b[p] !== 0xff) return 'header';
    const marker = b[p + 1];
    if (marker === 0xff) {
      p += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      p += 2;
      continue;
    }
    if (marker === 0xd9) return 'data';
    if (marker < 0xc0) return 'header';
    const length = u16be(b, p + 2);
    if (length < 2 || p + 2 + length > b.length) return 'end';
    if (JPEG_FRAMES.has(marker)) sawFrame = true;
    if (marker === 0xda) {
      if (!sawFrame) return 'header';
      // Entropy-coded data escapes 0xFF as FF 00, so FF D9 after the scan header is the end marker.
      return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(JPEG_END, p + 2 + length) >= 0 ? null : 'end';
    }
    p += 2 + length;
  }
  return 'end';
}

const JPEG_END = Buffer.from([0xff, 0xd9]);

/** Logical screen, colour table, then extensions and images as sub-block chains, at least one image, a trailer. */
function gifFault(b: Uint8Array): ImageFault | null {
  if (b.length < 13) return 'header';
  let p = 13 + colourTableSize(b[10]);
  let images = 0;
  while (p < b.length) {
    const block = b[p];
    if (block === 0x3b) return images > 0 ? null : 'data';
    if (block === 0x21) p = skipSubBlocks(b, p + 2);
    else if (block === 0x2c) {
      if (p + 10 > b.length) return 'end';
      p = skipSubBlocks(b, p + 10 + colourTableSize(b[p + 9]) + 1); // +1: the LZW minimum code size
      images++;
    } else return images > 0 ? 'end' : 'data';
    if (p < 0) return 'end';
  }
  return 'end';
}

const colourTableSize = (packed: number) => (packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);

/** The offset after a chain of sub-blocks (ended by a zero size), or -1 if the file ends first. */
function skipSubBlocks(b: Uint8Array, p: number): number {
  while (p < b.length) {
    const size = b[p];
    p += 1 + size;
    if (size === 0) return p;
  }
  return -1;
}

/** A RIFF size that fits the file, a VP8, VP8L or VP8X chunk first, chunks that fit, and image data. */
function webpFault(b: Uint8Array): ImageFault | null {
  const riffEnd = 8 + u32le(b, 4);
  const first = ascii(b, 12, 4);
  if (b.length < 20 || !['VP8 ', 'VP8L', 'VP8X'].includes(first)) return 'header';
  if (riffEnd > b.length) return 'end';
  let sawImage = false;
  for (let p = 12; p < riffEnd;) {
    if (p + 8 > riffEnd) return 'end';
    const size = u32le(b, p + 4);
    if (['VP8 ', 'VP8L', 'ANMF'].includes(ascii(b, p, 4))) sawImage = true;
    p += 8 + size + (size % 2);
    if (p > riffEnd) return 'end';
  }
  return sawImage ? null : 'data';
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function ascii(b: Uint8Array, start: number, length: number): string {
  return start + length <= b.length ? String.fromCharCode(...b.subarray(start, start + length)) : '';
}

const u16be = (b: Uint8Array, p: number) => (p + 2 <= b.length ? (b[p] << 8) | b[p + 1] : -1);
const u32be = (b: Uint8Array, p: number) =>
  p + 4 <= b.length ? ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0 : -1;
const u32le = (b: Uint8Array, p: number) =>
  p + 4 <= b.length ? ((b[p + 3] << 24) | (b[p + 2] << 16) | (b[p + 1] << 8) | b[p]) >>> 0 : -1;
