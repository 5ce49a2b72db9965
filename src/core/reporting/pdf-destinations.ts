import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/**
 * The page (1-based) of each named destination in a PDF. Chromium writes one for every element an
 * in-document link points to (`<a href="#id">`), named by the element's id, so a first print tells on which
 * page each section of a document landed.
 */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const found = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return found;
  for (const [name, value] of dests.entries()) {
    const target = value instanceof PDFRef ? doc.context.lookup(value) : value;
    const destination = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('D'), PDFArray) : target;
    const pageRef = destination instanceof PDFArray ? destination.get(0) : undefined;
    const page = pageRef instanceof PDFRef ? pageOf.get(pageRef.toString()) : undefined;
    if (page !== undefined) found.set(name.decodeText(), page);
  }
  return found;
}
