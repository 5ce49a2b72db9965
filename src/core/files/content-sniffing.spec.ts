import {
  executableWithZip,
  opcPackageWithoutOfficePart,
  sampleDocx,
  sampleGif,
  sampleHtml,
  sampleJpeg,
  sampleOdg,
  sampleOdp,
  sampleOds,
  sampleOdt,
  sampleOle2,
  samplePdf,
  samplePlainText,
  samplePng,
  samplePptx,
  sampleWebp,
  sampleXlsx,
  sampleZip,
  zipMentioningOfficeParts,
} from '../../../test/fixtures/sample-files';
import { fakePng, pdfHtmlPolyglot, pdfWithAction, structuredJpeg } from '../../../test/support/crafted-files';
import { checkUpload, sniffContentType, type SniffedType } from './content-sniffing';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

describe('sniffContentType', () => {
  it.each<[string, () => Uint8Array, string, string, SniffedType['kind']]>([
    ['a PDF', samplePdf, 'application/pdf', 'pdf', 'pdf'],
    ['a PNG', samplePng, 'image/png', 'png', 'image'],
    ['a JPEG', sampleJpeg, 'image/jpeg', 'jpg', 'image'],
    ['a WebP', sampleWebp, 'image/webp', 'webp', 'image'],
    ['a GIF', sampleGif, 'image/gif', 'gif', 'image'],
    ['a DOCX', () => sampleDocx(), DOCX, 'docx', 'office'],
    [
      'a DOCX written with data descriptors (no sizes in its local headers)',
      () => sampleDocx({ dataDescriptor: true }),
      DOCX,
      'docx',
      'office',
    ],
    ['an XLSX', sampleXlsx, XLSX, 'xlsx', 'office'],
    ['a PPTX', samplePptx, PPTX, 'pptx', 'office'],
    ['an ODT', sampleOdt, 'application/vnd.oasis.opendocument.text', 'odt', 'office'],
    ['an ODS', sampleOds, 'application/vnd.oasis.opendocument.spreadsheet', 'ods', 'office'],
    ['an ODP', sampleOdp, 'application/vnd.oasis.opendocument.presentation', 'odp', 'office'],
    [
      'an OLE2 compound file (DOC, XLS or PPT: not told apart)',
      sampleOle2,
      'application/x-ole-storage',
      'doc',
      'office',
    ],
    [
      'a PDF given as a Uint8Array view into a larger buffer',
      () => new Uint8Array(Buffer.concat([Buffer.from('xx'), samplePdf()])).subarray(2),
      'application/pdf',
      'pdf',
      'pdf',
    ],
  ])('recognises %s', (_name, bytes, mime, extension, kind) => {
    expect(sniffContentType(bytes())).toEqual({ mime, extension, kind });
  });

  it.each<[string, () => Uint8Array]>([
    ['an empty file', () => new Uint8Array(0)],
    ['plain text', samplePlainText],
    ['an HTML page', sampleHtml],
    ['an executable, even with a DOCX appended', executableWithZip],
    ['a ZIP of ordinary files', sampleZip],
    ['a ZIP whose text mentions [Content_Types].xml and word/', zipMentioningOfficeParts],
    ['a ZIP with [Content_Types].xml but no word/, xl/ or ppt/ part', opcPackageWithoutOfficePart],
    ['an OpenDocument drawing (not an accepted ODF type)', sampleOdg],
    ['a ZIP cut short after its first header', () => sampleDocx().subarray(0, 40)],
    ['a bare PDF signature prefix', () => Buffer.from('%PD')],
  ])('recognises nothing in %s', (_name, bytes) => {
    expect(sniffContentType(bytes())).toBeNull();
  });
});

describe('checkUpload', () => {
  const MB = 1024 * 1024;
  const check = (
    bytes: Uint8Array,
    more: { fileName?: string; declaredMime?: string; allowed?: SniffedType['kind'][]; maxBytes?: number } = {},
  ) => checkUpload({ bytes, allowed: ['pdf', 'image', 'office'], maxBytes: 10 * MB, ...more });

  it.each<[string, Uint8Array, string | undefined, string | undefined, string]>([
    ['a PDF named and declared as such', samplePdf(), 'carta.pdf', 'application/pdf', 'application/pdf'],
    [
      'a JPEG with an upper-case .JPEG name and a charset parameter',
      structuredJpeg(),
      'FOTO.JPEG',
      'image/jpeg; charset=binary',
      'image/jpeg',
    ],
    [
      'a PNG sent with a browser path and the generic octet-stream type',
      samplePng(),
      'C:\\fakepath\\certificado.png',
      'application/octet-stream',
      'image/png',
    ],
    ['a PDF whose name holds a date, not an extension', samplePdf(), 'Ata 12.03.2024', undefined, 'application/pdf'],
    ['a PDF with no name or type at all', samplePdf(), undefined, undefined, 'application/pdf'],
    ['a PDF whose name ends in a dot and a space', samplePdf(), 'lei.pdf. ', '', 'application/pdf'],
    ['an XLSX with its official type', sampleXlsx(), 'dados.xlsx', XLSX, XLSX],
    [
      'an ODT',
      sampleOdt(),
      'plano.odt',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.text',
    ],
    [
      'a legacy XLS sent as application/vnd.ms-excel',
      sampleOle2(),
      'planilha.xls',
      'application/vnd.ms-excel',
      'application/x-ole-storage',
    ],
  ])('accepts %s', (_name, bytes, fileName, declaredMime, mime) => {
    const result = check(bytes, { fileName, declaredMime });
    expect(result).toMatchObject({ ok: true, type: { mime } });
  });

  it.each<[string, Uint8Array, Parameters<typeof check>[1], string, string, string]>([
    [
      'an empty file',
      new Uint8Array(0),
      { fileName: 'carta.pdf' },
      'EMPTY',
      'O arquivo está vazio.',
      'The file is empty.',
    ],
    [
      'a file over the limit',
      Buffer.concat([samplePdf(), Buffer.alloc(2 * MB)]),
      { maxBytes: 2 * MB },
      'TOO_LARGE',
      'acima do limite de 2 MB',
      'over the limit of 2 MB',
    ],
    [
      'a file one byte over a limit in KB',
      Buffer.alloc(51201, 0x20),
      { maxBytes: 51200 },
      'TOO_LARGE',
      'O arquivo tem 50,1 KB, acima do limite de 50 KB.',
      'The file is 50.1 KB, over the limit of 50 KB.',
    ],
    [
      'an HTML page named .pdf',
      sampleHtml(),
      { fileName: 'carta.pdf', declaredMime: 'text/html' },
      'MISLABELLED',
      'Pela extensão .pdf, o arquivo se diz PDF, mas o conteúdo é HTML.',
      'By its .pdf extension, the file claims to be PDF, but its content is HTML.',
    ],
    [
      'a PNG declared as application/pdf',
      samplePng(),
      { fileName: 'carta', declaredMime: 'application/pdf' },
      'MISLABELLED',
      'o arquivo se diz PDF, mas o conteúdo é PNG',
      'By its declared type (application/pdf), the file claims to be PDF, but its content is PNG.',
    ],
    [
      'a PNG named .jpg',
      samplePng(),
      { fileName: 'foto.jpg', declaredMime: 'image/png' },
      'MISLABELLED',
      'o arquivo se diz JPEG, mas o conteúdo é PNG',
      'claims to be JPEG',
    ],
    [
      'a DOCX named .doc',
      sampleDocx(),
      { fileName: 'plano.doc' },
      'MISLABELLED',
      'o arquivo se diz DOC, mas o conteúdo é DOCX',
      'claims to be DOC',
    ],
    [
      'a ZIP named .docx',
      sampleZip(),
      { fileName: 'plano.docx' },
      'MISLABELLED',
      'mas o conteúdo é um ZIP que não é documento do Office nem OpenDocument',
      'a ZIP that is neither',
    ],
    [
      'plain text',
      samplePlainText(),
      { fileName: 'notas.txt', declaredMime: 'text/plain' },
      'UNSUPPORTED_TYPE',
      'o conteúdo é texto simples',
      'the content is plain text',
    ],
    [
      'an executable',
      executableWithZip(),
      { fileName: 'setup.exe' },
      'UNSUPPORTED_TYPE',
      'o conteúdo é um programa executável',
      'an executable program',
    ],
    [
      'an unaccepted type, naming what is accepted here',
      sampleHtml(),
      { allowed: ['pdf', 'image'] },
      'UNSUPPORTED_TYPE',
      'Tipo de arquivo não aceito: o conteúdo é HTML. Envie PDF ou imagem (PNG, JPEG, WebP ou GIF).',
      'Send PDF or image (PNG, JPEG, WebP or GIF).',
    ],
    [
      'a PDF where only images are allowed',
      samplePdf(),
      { fileName: 'certificado.pdf', allowed: ['image'] },
      'KIND_NOT_ALLOWED',
      'O arquivo é PDF, mas aqui só se aceita imagem (PNG, JPEG, WebP ou GIF).',
      'The file is PDF, but only image (PNG, JPEG, WebP or GIF) is accepted here.',
    ],
    [
      'an image where only PDF is allowed',
      samplePng(),
      { fileName: 'carta.png', allowed: ['pdf'] },
      'KIND_NOT_ALLOWED',
      'O arquivo é PNG, mas aqui só se aceita PDF.',
      'only PDF is accepted',
    ],
    [
      'a PDF that goes on as an HTML page with a script',
      pdfHtmlPolyglot(),
      { fileName: 'carta.pdf', declaredMime: 'application/pdf' },
      'ACTIVE_CONTENT',
      'O arquivo contém marcação HTML (<!DOCTYPE html), o que não se aceita em documentos enviados.',
      'The file contains HTML markup (<!DOCTYPE html), which is not accepted in uploaded documents.',
    ],
    [
      'a PDF that runs JavaScript when opened',
      pdfWithAction(),
      { fileName: 'carta.pdf' },
      'ACTIVE_CONTENT',
      'O arquivo contém JavaScript (/JavaScript)',
      'The file contains JavaScript (/JavaScript)',
    ],
    [
      'a PDF that starts a program',
      pdfWithAction('/S /Launch /F (cmd.exe)'),
      {},
      'ACTIVE_CONTENT',
      'uma ação que abre programas (/Launch)',
      'an action that starts programs (/Launch)',
    ],
    [
      'a PNG signature followed by HTML',
      fakePng(),
      { fileName: 'foto.png', declaredMime: 'image/png' },
      'MALFORMED',
      'O arquivo começa como PNG, mas não é uma imagem PNG válida: falta o cabeçalho da imagem, ou ele está danificado.',
      'The file starts as PNG but is not a valid PNG image: its header is missing or damaged.',
    ],
    [
      'a JPEG that has no image in it',
      sampleJpeg(),
      { fileName: 'foto.jpg' },
      'MALFORMED',
      'não é uma imagem JPEG válida: não há dados de imagem',
      'it holds no image data',
    ],
    [
      'a valid PNG with an HTML page appended',
      Buffer.concat([samplePng(), Buffer.from('<html><script>alert(1)</script></html>')]),
      { fileName: 'foto.png' },
      'ACTIVE_CONTENT',
      'marcação HTML (<html)',
      'HTML markup (<html)',
    ],
  ])('refuses %s', (_name, bytes, more, code, pt, en) => {
    const result = check(bytes, more);
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(result.message['pt-BR']).toContain(pt);
    expect(result.message.en).toContain(en);
  });

  it('accepts attachments in a PDF the engine made itself (a seal with its credential), and only there', () => {
    const seal = pdfWithAction('/S /GoTo /D [3 0 R] /Names << /EmbeddedFiles 7 0 R >>');
    expect(check(seal)).toMatchObject({ ok: false, code: 'ACTIVE_CONTENT' });
    expect(checkUpload({ bytes: seal, allowed: ['pdf'], maxBytes: MB, generated: true })).toMatchObject({ ok: true });
  });
});
