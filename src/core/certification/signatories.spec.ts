import { applySignatories, defaultSignatories, imageDataUrl, MAX_IMAGE_BYTES } from './signatories';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const texts = {
  universityName: '  Profa.   Marcia Barbosa ',
  universityTitle: 'Reitora',
  iomName: 'Paolo Caputo',
  iomTitle: 'Chefe de Missão',
};

describe('the signatories printed on an edition’s seals', () => {
  it('prints the offices without names until someone names them', () => {
    const d = defaultSignatories(2026);
    expect(d).toMatchObject({
      configured: false,
      university: { name: 'Reitoria', signature: null },
      iom: { name: 'Chefia de Missão' },
    });
  });

  it('takes names and titles (spaces tidied) and a PNG signature by its bytes, whatever its name says', () => {
    const result = applySignatories(defaultSignatories(2026), {
      texts,
      images: { universitySignature: PNG },
      remove: [],
    });
    expect('ok' in result && result.ok).toMatchObject({
      configured: true,
      university: {
        name: 'Profa. Marcia Barbosa',
        title: 'Reitora',
        signature: expect.stringMatching(/^data:image\/png;base64,/),
      },
      iom: { name: 'Paolo Caputo', signature: null },
    });
  });

  it('refuses each field at fault: a missing name, a title too long, a file that is not PNG or JPEG', () => {
    const result = applySignatories(defaultSignatories(2026), {
      texts: { ...texts, iomName: ' ', universityTitle: 'x'.repeat(161) },
      images: { iomLogo: Buffer.from('%PDF-1.7') },
      remove: [],
    });
    expect('problems' in result && result.problems.map((p) => [p.field, p.message['pt-BR']])).toEqual([
      ['universityTitle', 'no máximo 160 caracteres'],
      ['iomName', 'obrigatório'],
      ['iomLogo', 'a imagem precisa ser PNG ou JPEG'],
    ]);
  });

  it('keeps the images already set unless taken off, and refuses one too large', () => {
    const first = applySignatories(defaultSignatories(2026), {
      texts,
      images: { iomLogo: PNG, iomSignature: PNG },
      remove: [],
    });
    if (!('ok' in first)) throw new Error('refused');
    const second = applySignatories(first.ok, { texts, images: {}, remove: ['iomSignature'] });
    expect('ok' in second && [second.ok.iomLogo !== null, second.ok.iom.signature]).toEqual([true, null]);
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    expect(imageDataUrl(big)).toEqual({ problem: 'size' });
  });
});
