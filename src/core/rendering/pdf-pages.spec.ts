import { PDFDocument } from 'pdf-lib';
import { eachPage, savePage } from './pdf-pages';

/** A document of pages of different widths, so that each split page can be told apart. */
async function printed(widths: readonly number[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const width of widths) doc.addPage([width, 400]);
  return doc.save();
}

describe('eachPage', () => {
  it('hands each page, in order, as a document of its own, and saves each as a one-page PDF', async () => {
    const seen: number[] = [];
    const saved = await eachPage(await printed([300, 310, 320]), 3, async (page, i) => {
      seen.push(i);
      return savePage(page);
    });
    expect(seen).toEqual([0, 1, 2]);
    const widths = await Promise.all(
      saved.map(async (bytes) => {
        const doc = await PDFDocument.load(bytes);
        expect(doc.getPageCount()).toBe(1);
        return doc.getPage(0).getWidth();
      }),
    );
    expect(widths).toEqual([300, 310, 320]);
  });

  it('refuses a document whose page count is not the one expected, before handing any page', async () => {
    const each = jest.fn(async () => 'finished');
    await expect(eachPage(await printed([300, 310, 320]), 2, each)).rejects.toThrow(
      'Printed 3 pages where 2 were expected',
    );
    expect(each).not.toHaveBeenCalled();
  });
});
