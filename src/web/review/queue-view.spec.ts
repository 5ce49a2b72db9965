import { QUEUE_PAGE_SIZE, queueFilter, queueHref, queueView, readQueueQuery } from './queue-view';

describe('the review queue page', () => {
  it('reads the filters of the form, ignoring what it does not know', () => {
    const q = readQueueQuery({ edicao: '2026', uf: 'rs', situacao: 'submitted', revisor: 'r1', pagina: '3' });
    expect(q).toEqual({ edicao: '2026', uf: 'RS', situacao: 'submitted', revisor: 'r1', pagina: 3 });
    expect(queueFilter(q)).toEqual({
      edition: 2026,
      uf: 'RS',
      status: 'submitted',
      reviewer: 'r1',
      limit: QUEUE_PAGE_SIZE,
      offset: 2 * QUEUE_PAGE_SIZE,
    });
    const bad = readQueueQuery({ edicao: 'x', uf: 'ZZ', situacao: 'gone', pagina: '-1' });
    expect(bad).toEqual({ edicao: '', uf: '', situacao: '', revisor: '', pagina: 1 });
    expect(queueFilter(bad)).toEqual({ limit: QUEUE_PAGE_SIZE, offset: 0 });
  });

  it('links the pages keeping the filters, without the empty ones', () => {
    const q = readQueueQuery({ uf: 'PE', pagina: '2' });
    expect(queueHref(q, 1)).toBe('/revisao?uf=PE');
    expect(queueHref(q, 3)).toBe('/revisao?uf=PE&pagina=3');
    const page = { total: 60, limit: QUEUE_PAGE_SIZE, offset: QUEUE_PAGE_SIZE, items: [] };
    const view = queueView({ page, reviewers: [], editionYears: [2026], filter: queueFilter(q) }, q, 'pt-BR');
    expect(view.paging).toEqual({
      show: true,
      text: 'Página 2 de 3',
      previous: '/revisao?uf=PE',
      next: '/revisao?uf=PE&pagina=3',
    });
    expect(view.total).toBe('Diagnósticos encontrados: 60');
  });

  it('shows each row with its government, state in words, date in pt-BR and reviewer', () => {
    const q = readQueueQuery({});
    const item = {
      id: 'a1',
      editionYear: 2026,
      government: { ibgeCode: '4314902', name: 'Porto Alegre', uf: 'RS', kind: 'municipality' },
      state: 'in-review' as const,
      round: 2,
      submittedAt: '2026-12-01T15:00:00.000Z',
      reviewerId: 'r1',
      reviewerName: 'Revisora',
    };
    const view = queueView(
      {
        page: { total: 1, limit: 25, offset: 0, items: [item, { ...item, reviewerId: null, reviewerName: null }] },
        reviewers: [{ id: 'r1', name: 'Revisora' }],
        editionYears: [2026],
        filter: queueFilter(q),
      },
      q,
      'pt-BR',
    );
    expect(view.rows[0]).toMatchObject({
      href: '/revisao/a1',
      government: 'Porto Alegre (RS)',
      submitted: '01/12/2026',
      reviewer: 'Revisora',
      round: 2,
    });
    expect(view.rows[1].reviewer).toBe('ninguém ainda');
    expect(view.paging.show).toBe(false);
  });

  it('shows the reviewer filter as the queue applied it: one it does not know is not chosen', () => {
    const asked = readQueueQuery({ revisor: 'nobody' });
    const page = { total: 0, limit: 25, offset: 0, items: [] };
    const reviewers = [{ id: 'r1', name: 'Revisora' }];
    const view = queueView({ page, reviewers, editionYears: [], filter: { limit: 25, offset: 0 } }, asked, 'pt-BR');
    expect(view.reviewers).toEqual([{ value: 'r1', label: 'Revisora', selected: false }]);
  });
});
