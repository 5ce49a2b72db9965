import { inlineDisposition } from './evidence-file';

describe('inlineDisposition', () => {
  it.each([
    ['application/pdf', 'inline'],
    ['image/png', 'inline'],
    ['image/jpeg', 'inline'],
    ['text/html', 'attachment'],
    ['image/svg+xml', 'attachment'],
    ['application/octet-stream', 'attachment'],
  ])('%s is shown %s', (mime, kind) => {
    expect(inlineDisposition(mime, 'a.bin').startsWith(`${kind};`)).toBe(true);
  });

  it('keeps quotes, line breaks and non-ASCII out of the header', () => {
    expect(inlineDisposition('application/pdf', 'lei "nº" 1\r\n.pdf')).toBe('inline; filename="lei _n__ 1__.pdf"');
  });
});
