import { createDeflateRaw, crc32 as zlibCrc32, deflateSync } from 'node:zlib';
import { samplePdf, type ZipEntry, zipArchive } from '../fixtures/sample-files';

/**
 * Hostile and well-formed files built byte by byte for the upload checks: ZIP archives (deflated, with what
 * an attacker controls: declared sizes, flags, nesting), PDFs with markup or actions, images that are not.
 */

// Node 20.15+ has zlib.crc32; its types may not say so yet.
const crc32 = zlibCrc32 as unknown as (data: Uint8Array, previous?: number) => number;

/** An entry of `zipArchive` (one ZIP writer serves the sample files and these). */
export type CraftedEntry = ZipEntry;
export { zipArchive };

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts of a minimal Word document, to which `extra` entries are added. */
export function docxEntries(extra: readonly CraftedEntry[] = []): CraftedEntry[] {
  const main = 'word/document.xml';
  return [
    {
      name: '[Content_Types].xml',
      data:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
    },
    {
      name: main,
      data: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Plano municipal de atendimento a migrantes</w:t></w:r></w:p></w:body></w:document>`,
    },
    ...extra,
  ];
}

/** A real, deflated Word document with some text. */
export const deflatedDocx = (extra: readonly CraftedEntry[] = []) => zipArchive(docxEntries(extra));

/** `megabytes` MB of zeros, deflated as a stream (never held inflated), with their CRC. */
export async function deflatedZeros(megabytes: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size: megabytes * chunk.length, crc };
}

/** A Word document of about 408 KB whose one picture inflates to `megabytes` MB (400 by default). */
export async function zipBombDocx(megabytes = 400): Promise<Buffer> {
  return deflatedDocx([{ name: 'word/media/image1.png', deflated: await deflatedZeros(megabytes) }]);
}

/** Starts as a PDF, goes on as an HTML page with a script, and ends as a PDF again. */
export function pdfHtmlPolyglot(): Buffer {
  const pdf = samplePdf().toString('latin1');
  const header = pdf.slice(0, pdf.indexOf('\n', 10) + 1);
  const page =
    '<!DOCTYPE html><html><body><script>fetch("/api/auth/me").then(r=>r.text()).then(alert)</script></body></html>\n';
  return Buffer.from(header + page + pdf.slice(header.length), 'latin1');
}

/** A one-page PDF whose catalogue runs JavaScript when opened, written with `name` for the key (e.g. `/J#53`). */
export function pdfWithAction(action = '/S /JavaScript /JS (app.alert\\(1\\))'): Buffer {
  return Buffer.from(
    samplePdf()
      .toString('latin1')
      .replace('<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Catalog /Pages 2 0 R /OpenAction << ${action} >> >>`),
    'latin1',
  );
}

/** A PDF whose JavaScript action hides in a compressed object stream (PDF 1.5), invisible to a search of the bytes. */
export function pdfWithHiddenAction(): Buffer {
  const objects = Buffer.from('6 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>');
  const stream = deflateSync(objects);
  const objStm = Buffer.concat([
    Buffer.from(`6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`),
    stream,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  const pdf = samplePdf();
  const end = pdf.lastIndexOf('xref');
  return Buffer.concat([pdf.subarray(0, end), objStm, pdf.subarray(end)]);
}

/** The PNG signature followed by an HTML page: an image by its first bytes only. */
export function fakePng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('<html><body><script>alert(document.domain)</script></body></html>'),
  ]);
}

/** A baseline JPEG's structure: SOI, JFIF, quantisation and Huffman tables, frame, scan, data, EOI. */
export function structuredJpeg(): Buffer {
  const segment = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])),
    segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00])),
    segment(0xc4, Buffer.concat([Buffer.from([0x00]), Buffer.from([0, 1, ...Array(14).fill(0)]), Buffer.from([0])])),
    segment(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])),
    Buffer.from([0xfb, 0xd3, 0x28, 0xa0, 0xff, 0x00, 0x0f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function u16be(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
