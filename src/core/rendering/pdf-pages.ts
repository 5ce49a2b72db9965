import { PDFDocument } from 'pdf-lib';

/**
 * Splits a printed document into one document per page. Printing many seals as pages of one document and
 * splitting it is several times faster than printing each one: Chromium's fixed cost per print is paid once.
 */
export async function splitPages(pdf: Uint8Array): Promise<PDFDocument[]> {
  const source = await PDFDocument.load(pdf);
  const pages: PDFDocument[] = [];
  for (let i = 0; i < source.getPageCount(); i++) {
    const single = await PDFDocument.create();
    const [page] = await single.copyPages(source, [i]);
    single.addPage(page);
    pages.push(single);
  }
  return pages;
}
