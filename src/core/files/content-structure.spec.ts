import { deflateSync } from 'node:zlib';
import { sampleGif, samplePdf, samplePng, sampleWebp } from '../../../test/fixtures/sample-files';
import {
  fakePng,
  pdfHtmlPolyglot,
  pdfWithAction,
  pdfWithHiddenAction,
  structuredJpeg,
} from '../../../test/support/crafted-files';
import { findHtmlMarkup, findPdfActiveContent, type ImageFormat, imageFault } from './content-structure';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('findPdfActiveContent', () => {
  it.each([
    ['a plain one-page PDF', samplePdf()],
    ['a PDF whose text speaks of <scripts> and Javascripts', samplePdf('O <scriptorium> e o Javascripting')],
    ['a PDF with an ordinary open action (show page 1)', pdfWithAction('/D [3 0 R /Fit] /S /GoTo')],
    [
      'a PDF with names that only start like the refused ones',
      pdfWithAction('/S /GoTo /JSON 1 /Launcher 2 /D [3 0 R /Fit]'),
    ],
  ])('finds nothing in %s', (_name, bytes) => {
    expect(findPdfActiveContent(bytes)).toBeNull();
  });

  it.each<[string, Buffer, string, string]>([
    ['an HTML page after the PDF header', pdfHtmlPolyglot(), 'html', '<!DOCTYPE html'],
    [
      'a script tag in upper case at the very end',
      Buffer.concat([samplePdf(), latin1('<SCRIPT>x</SCRIPT>')]),
      'html',
      '<SCRIPT',
    ],
    ['an iframe', Buffer.concat([samplePdf(), latin1('<iframe src=x>')]), 'html', '<iframe'],
    ['a javascript: link', pdfWithAction('/S /URI /URI (javascript:alert\\(1\\))'), 'html', 'javascript:'],
    ['a JavaScript open action', pdfWithAction(), 'javascript', '/JavaScript'],
    ['a JavaScript action written with #xx escapes', pdfWithAction('/S /J#61vaScript'), 'javascript', '/J#61vaScript'],
    ['a /JS key alone', pdfWithAction('/JS (app.alert\\(1\\))'), 'javascript', '/JS'],
    ['a launch action', pdfWithAction('/S /Launch /F (cmd.exe)'), 'launch', '/Launch'],
    [
      'an embedded file',
      pdfWithAction('/S /GoTo /D [3 0 R] /Names << /EmbeddedFiles 7 0 R >>'),
      'embedded-file',
      '/EmbeddedFiles',
    ],
    ['rich media (Flash)', pdfWithAction('/Subtype /RichMedia'), 'rich-media', '/RichMedia'],
    ['a JavaScript action inside a compressed object stream', pdfWithHiddenAction(), 'javascript', '/JavaScript'],
  ])('finds %s', (_name, bytes, kind, marker) => {
    expect(findPdfActiveContent(bytes)).toEqual({ kind, marker });
  });

  it('refuses an object stream that would inflate past 64 MB (a bomb of its own)', () => {
    const bomb = deflateSync(Buffer.alloc(65 * 1024 * 1024));
    const pdf = Buffer.concat([
      samplePdf(),
      latin1(`7 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`),
      bomb,
      latin1('\nendstream\nendobj\n'),
    ]);
    expect(findPdfActiveContent(pdf)).toEqual({ kind: 'javascript', marker: '/ObjStm' });
  });
});

describe('findHtmlMarkup', () => {
  it('finds a page appended to a valid PNG, and nothing in the PNG alone', () => {
    expect(findHtmlMarkup(samplePng())).toBeNull();
    expect(findHtmlMarkup(Buffer.concat([samplePng(), latin1('<html><body>')]))).toEqual({
      kind: 'html',
      marker: '<html',
    });
  });
});

describe('imageFault', () => {
  it.each<[string, ImageFormat, Buffer]>([
    ['a PNG', 'png', samplePng()],
    ['a baseline JPEG', 'jpeg', structuredJpeg()],
    ['a JPEG with bytes after its end (as phones append)', 'jpeg', Buffer.concat([structuredJpeg(), Buffer.alloc(10)])],
    ['a GIF', 'gif', sampleGif()],
    ['a WebP', 'webp', sampleWebp()],
  ])('finds nothing wrong with %s', (_name, format, bytes) => {
    expect(imageFault(format, bytes)).toBeNull();
  });

  const png = samplePng();
  const jpeg = structuredJpeg();
  const gif = sampleGif();
  const webp = sampleWebp();
  it.each<[string, ImageFormat, Buffer, string]>([
    ['the PNG signature followed by HTML', 'png', fakePng(), 'header'],
    ['a PNG cut after its header', 'png', png.subarray(0, 33), 'end'],
    ['a PNG without its IEND', 'png', png.subarray(0, png.length - 12), 'end'],
    ['a PNG with no IDAT', 'png', Buffer.concat([png.subarray(0, 33), png.subarray(png.length - 12)]), 'data'],
    [
      'a JPEG that is SOI, APP0 and EOI only',
      'jpeg',
      Buffer.concat([jpeg.subarray(0, 20), Buffer.from([0xff, 0xd9])]),
      'data',
    ],
    ['a JPEG whose segments run past the file', 'jpeg', jpeg.subarray(0, 30), 'end'],
    ['a JPEG with no end marker', 'jpeg', jpeg.subarray(0, jpeg.length - 2), 'end'],
    [
      'a JPEG magic followed by HTML',
      'jpeg',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), latin1('<html>')]),
      'header',
    ],
    [
      'a GIF with no image before the trailer',
      'gif',
      Buffer.concat([gif.subarray(0, 19), Buffer.from([0x3b])]),
      'data',
    ],
    ['a GIF without a trailer', 'gif', gif.subarray(0, gif.length - 1), 'end'],
    [
      'a GIF header followed by HTML',
      'gif',
      Buffer.concat([gif.subarray(0, 6), latin1('<html><body>hi</body></html>')]),
      'data',
    ],
    ['a WebP whose RIFF size runs past the file', 'webp', webp.subarray(0, webp.length - 4), 'end'],
    [
      'a WebP with an unknown first chunk',
      'webp',
      Buffer.concat([webp.subarray(0, 12), latin1('HTML'), webp.subarray(16)]),
      'header',
    ],
  ])('finds %s faulty (%s)', (_name, format, bytes, fault) => {
    expect(imageFault(format, bytes)).toBe(fault);
  });
});
