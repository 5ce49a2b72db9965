import { PDFDocument } from 'pdf-lib';

/**
 * How many objects pdf-lib reads or writes before it lets other work run (its defaults, 100 and 50, wait for a
 * timer every few objects: a 50-page print has thousands). Still bounded, so that a chunk being split does not
 * hold the event loop (the pages, the API) for the whole of it.
 */
const OBJECTS_PER_TICK = 2_000;

/**
 * Splits a printed document into one document per page. Printing many seals as pages of one document and
 * splitting it is several times faster than printing each one: Chromium's fixed cost per print is paid once.
 */
export async function splitPages(pdf: Uint8Array): Promise<PDFDocument[]> {
  const source = await PDFDocument.load(pdf, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
  const pages: PDFDocument[] = [];
  for (let i = 0; i < source.getPageCount(); i++) {
    const single = await PDFDocument.create();
    const [page] = await single.copyPages(source, [i]);
    single.addPage(page);
    pages.push(single);
  }
  return pages;
}

/**
 * One page's document as bytes. Without object streams: a one-page document has a few dozen objects, and
 * compressing them into streams (a deflate each) cost more time than the few kilobytes it saved.
 */
export async function savePage(doc: PDFDocument): Promise<Buffer> {
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: OBJECTS_PER_TICK });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
