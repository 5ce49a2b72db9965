import { message } from '../../../core/i18n/message';
import { buildDocumentsModel, type DocumentsSource } from './documents-view';
import { attachment, downloadName } from './file-names';

const base: DocumentsSource = {
  id: 'a1',
  editionYear: 2026,
  government: { name: 'Porto Alegre' },
  stateLabel: message('diagnosis.state.in-review'),
  reportReady: false,
  seal: null,
  certificationDate: '2026-12-15',
};

describe('the documents of an assessment', () => {
  it('says why the report and the seal are not there yet, and when the seal is due', () => {
    const model = buildDocumentsModel(base, 'pt-BR');
    expect(model.report.available).toBe(false);
    expect(model.report.why).toContain('quando a revisão aprovar o diagnóstico');
    expect(model.seal.facts).toBeNull();
    expect(model.seal.when).toBe('Data prevista para a certificação da edição: 15/12/2026.');
    expect(model.print.href).toBe('/avaliacoes/a1/imprimir');
  });

  it('offers the report in both languages and the seal with its facts', () => {
    const model = buildDocumentsModel(
      {
        ...base,
        reportReady: true,
        seal: {
          number: 'MC-2026-00001',
          status: 'revoked',
          levelLabel: message('scoring.level.reference'),
          validFrom: '2026-12-15',
          validUntil: '2027-12-14',
          revokedAt: new Date('2027-01-10T12:00:00Z'),
          revocationReason: 'Dados incorretos.',
          verificationUrl: 'https://x.test/verify/MC-2026-00001',
        },
      },
      'en',
    );
    expect(model.report).toMatchObject({
      available: true,
      href: '/avaliacoes/a1/relatorio.pdf?idioma=en',
      otherHref: '/avaliacoes/a1/relatorio.pdf?idioma=pt-BR',
      why: null,
    });
    expect(model.seal.facts).toMatchObject({
      level: 'Reference',
      validity: 'from 15 Dec 2026 to 14 Dec 2027',
      status: 'Revoked seal',
      revoked: 'Revoked on 10 Jan 2027. Reason: Dados incorretos.',
      href: '/avaliacoes/a1/selo.pdf',
    });
  });

  it('names downloads readably, in ASCII', () => {
    expect(downloadName('diagnostico-migracidades', 2026, { name: 'São José dos Campos', uf: 'SP' })).toBe(
      'diagnostico-migracidades-2026-sao-jose-dos-campos-sp.pdf',
    );
    expect(attachment('relatório final.pdf')).toBe('attachment; filename="relatorio-final.pdf"');
  });
});
