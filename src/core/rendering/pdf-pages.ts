import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * How many objects pdf-lib reads or writes before it lets other work run (its defaults, 100 and 50, wait for a
 * timer every few objects: a 50-page print has thousands). Still bounded, so that a chunk being split does not
 * hold the event loop (the pages, the API) for the whole of it.
 */
const OBJECTS_PER_TICK = 2_000;

/**
 * Splits a printed document into one document per page, for `each` to finish and save. Printing many seals as
 * pages of one document and splitting it is several times faster than printing each one: Chromium's fixed cost
 * per print is paid once. The pages are made one at a time, each finished before the next is made (measured:
 * no faster than making them all first, but only one page's objects are held at once). Refuses, before making
 * any, a document whose page count is not `expected` (one seal per page).
 */
export async function eachPage<T>(
  pdf: Uint8Array,
  expected: number,
  each: (page: PDFDocument, index: number) => Promise<T>,
): Promise<T[]> {
  const source = await PDFDocument.load(pdf, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
  const count = source.getPageCount();
  if (count !== expected) throw new Error(`Printed ${count} pages where ${expected} were expected`);
  const results: T[] = [];
  for (let i = 0; i < count; i++) {
    const single = await PDFDocument.create();
    const [page] = await single.copyPages(source, [i]);
    single.addPage(page);
    results.push(await each(single, i));
  }
  return results;
}

/**
 * One page's document as bytes. Without object streams: a one-page document has a few dozen objects, and
 * compressing them into streams (a deflate each) cost more time than the few kilobytes it saved.
 */
export async function savePage(doc: PDFDocument): Promise<Buffer> {
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: OBJECTS_PER_TICK });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface Attachment {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly description: string;
}

/**
 * Embeds files in a document as `doc.attach` does (an embedded file stream and its file specification, named
 * in the catalogue's EmbeddedFiles and listed in its AF array, as PDF/A-3 asks), compressed by Node's zlib:
 * pdf-lib's own deflate, in JavaScript, set up a compressor of its own for each file and cost more than the
 * rest of the seal's finishing. For a document with no attachment yet (a page just split off).
 */
export function attachFiles(doc: PDFDocument, files: readonly Attachment[]): void {
  const { context } = doc;
  const specs = files.map((file) => {
    const stream = context.stream(deflateSync(file.bytes), {
      Type: 'EmbeddedFile',
      Subtype: file.mimeType,
      Filter: 'FlateDecode',
      Params: { Size: file.bytes.length },
    });
    const spec = context.obj({
      Type: 'Filespec',
      F: PDFString.of(file.name),
      UF: PDFHexString.fromText(file.name),
      EF: { F: context.register(stream) },
      Desc: PDFHexString.fromText(file.description),
    });
    return { name: file.name, ref: context.register(spec) };
  });
  // A name tree's names are in order.
  const names = [...specs].sort((a, b) => (a.name < b.name ? -1 : 1));
  doc.catalog.set(
    PDFName.of('Names'),
    context.obj({ EmbeddedFiles: { Names: names.flatMap((s) => [PDFHexString.fromText(s.name), s.ref]) } }),
  );
  doc.catalog.set(PDFName.of('AF'), context.obj(specs.map((s) => s.ref)));
}
