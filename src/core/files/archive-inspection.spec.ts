import { sampleDocx, sampleOdt, sampleXlsx } from '../../../test/fixtures/sample-files';
import {
  type CraftedEntry,
  deflatedDocx,
  deflatedZeros,
  docxEntries,
  zipArchive,
} from '../../../test/support/crafted-files';
import { archiveLimits, type ArchiveLimits, archiveProblemMessage, inspectArchive } from './archive-inspection';
import { verbatim } from '../i18n/message';

const MB = 1024 * 1024;
/** Small limits, so that each refusal is reached with a few kilobytes. */
const SMALL: ArchiveLimits = { maxEntries: 20, maxUnpackedBytes: 2 * MB, maxRatio: 50, ratioFloorBytes: 64 * 1024 };
const filler = (name: string, kb: number): CraftedEntry => ({ name, data: Buffer.alloc(kb * 1024, 'x'), stored: true });

describe('inspectArchive', () => {
  it.each([
    ['a DOCX with stored entries', sampleDocx(), 'ooxml'],
    ['an XLSX', sampleXlsx(), 'ooxml'],
    ['an ODT', sampleOdt(), 'odf'],
    ['a deflated DOCX', deflatedDocx(), 'ooxml'],
    [
      'a DOCX with an embedded spreadsheet (an archive inside)',
      deflatedDocx([{ name: 'word/embeddings/sheet.xlsx', data: sampleXlsx() }]),
      'ooxml',
    ],
  ] as const)('accepts %s', async (_name, bytes, format) => {
    await expect(inspectArchive(bytes, format, SMALL)).resolves.toMatchObject({ ok: true });
  });

  it('counts what the entries inflate to', async () => {
    const docx = deflatedDocx([filler('word/media/a.bin', 100)]);
    const result = await inspectArchive(docx, 'ooxml', SMALL);
    expect(result).toMatchObject({ ok: true, entries: 4 });
    expect(result.ok && result.unpackedBytes).toBeGreaterThan(100 * 1024);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, object]>([
    [
      'more entries than the limit',
      () => deflatedDocx(Array.from({ length: 18 }, (_, i) => ({ name: `word/media/${i}.xml`, data: '<x/>' }))),
      { problem: 'TOO_MANY_ENTRIES', count: 21, limit: 20 },
    ],
    [
      'entries that inflate past the total, none past its ratio',
      () => deflatedDocx(Array.from({ length: 5 }, (_, i) => filler(`word/media/${i}.bin`, 500))),
      { problem: 'TOO_LARGE_UNPACKED', limit: 2 * MB },
    ],
    [
      'an entry that inflates 1,000 times its size (a compression bomb)',
      async () => deflatedDocx([{ name: 'word/media/image1.png', deflated: await deflatedZeros(1) }]),
      { problem: 'RATIO', entry: 'word/media/image1.png', limit: 50 },
    ],
    [
      'a bomb that declares a small size (the counting stops it, not the header)',
      async () =>
        deflatedDocx([{ name: 'word/media/image1.png', deflated: await deflatedZeros(1), declaredSize: 1000 }]),
      { problem: 'DAMAGED' },
    ],
    [
      'an encrypted entry',
      () => deflatedDocx([{ name: 'word/secret.xml', data: 'x', encrypted: true }]),
      { problem: 'ENCRYPTED', entry: 'word/secret.xml' },
    ],
    [
      'a bomb inside an embedded archive',
      async () =>
        deflatedDocx([
          {
            name: 'word/embeddings/sheet.xlsx',
            data: zipArchive([{ name: 'xl/bomb.xml', deflated: await deflatedZeros(1) }]),
            stored: true,
          },
        ]),
      { problem: 'RATIO', entry: 'xl/bomb.xml', limit: 50 },
    ],
    [
      'an archive inside an embedded archive',
      () =>
        deflatedDocx([
          {
            name: 'word/embeddings/outer.zip',
            data: zipArchive([{ name: 'inner.zip', data: zipArchive([{ name: 'a.txt', data: 'a' }]) }]),
          },
        ]),
      { problem: 'NESTED', entry: 'inner.zip' },
    ],
    [
      'an OOXML archive without [Content_Types].xml',
      () => zipArchive(docxEntries().slice(1)),
      { problem: 'MISSING_PART', part: '[Content_Types].xml' },
    ],
    ['bytes that are no archive', () => Buffer.from('PK\x03\x04 not really a zip'), { problem: 'DAMAGED' }],
    [
      'an entry whose name climbs out of the archive',
      () => zipArchive([...docxEntries(), { name: '../../etc/cron.d/x', data: 'x' }]),
      { problem: 'DAMAGED' },
    ],
  ])('refuses %s', async (_name, bytes, problem) => {
    await expect(inspectArchive(await bytes(), 'ooxml', SMALL)).resolves.toEqual({ ok: false, ...problem });
  });

  it('refuses an ODF archive without its mimetype entry', async () => {
    await expect(inspectArchive(deflatedDocx(), 'odf', SMALL)).resolves.toEqual({
      ok: false,
      problem: 'MISSING_PART',
      part: 'mimetype',
    });
  });

  it('refuses a bomb by its declared size at once, with the default limits: the total, then the ratio', async () => {
    const zeros = await deflatedZeros(120);
    const bomb = (declaredSize?: number) =>
      deflatedDocx([{ name: 'word/media/image1.png', deflated: zeros, declaredSize }]);
    const limits = archiveLimits(10 * MB);
    await expect(inspectArchive(bomb(), 'ooxml', limits)).resolves.toEqual({
      ok: false,
      problem: 'TOO_LARGE_UNPACKED',
      limit: 100 * MB,
    });
    await expect(inspectArchive(bomb(50 * MB), 'ooxml', limits)).resolves.toEqual({
      ok: false,
      problem: 'RATIO',
      entry: 'word/media/image1.png',
      limit: 200,
    });
  });

  it('stops counting past the total even when each header agrees with its data', async () => {
    const entries = Array.from({ length: 3 }, (_, i) => filler(`word/media/${i}.bin`, 900));
    await expect(inspectArchive(deflatedDocx(entries), 'ooxml', SMALL)).resolves.toEqual({
      ok: false,
      problem: 'TOO_LARGE_UNPACKED',
      limit: 2 * MB,
    });
  });

  it('has limits of 1,000 entries and 100 MB unpacked, or twice a larger upload limit', () => {
    expect(archiveLimits(10 * MB)).toEqual({
      maxEntries: 1000,
      maxUnpackedBytes: 100 * MB,
      maxRatio: 200,
      ratioFloorBytes: MB,
    });
    expect(archiveLimits(80 * MB).maxUnpackedBytes).toBe(160 * MB);
  });

  it('says why, in both languages', () => {
    const text = archiveProblemMessage({ problem: 'TOO_LARGE_UNPACKED', limit: 100 * MB }, verbatim('DOCX'));
    expect(text['pt-BR']).toBe(
      'Descompactado, o documento passaria do limite de 100 MB: ele é recusado para proteger o servidor.',
    );
    expect(text.en).toBe(
      'Unpacked, the document would exceed the limit of 100 MB: it is refused to protect the server.',
    );
    expect(archiveProblemMessage({ problem: 'MISSING_PART', part: 'mimetype' }, verbatim('ODT')).en).toBe(
      'The document lacks the "mimetype" part every ODT has.',
    );
  });
});
