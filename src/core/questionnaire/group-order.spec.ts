import { inGroupOrder } from './group-order';

describe('inGroupOrder', () => {
  const programme = ['governance', 'protection', 'health'];

  it('lists groups in programme order, as jsonb gives them sorted by key length', () => {
    const fromJsonb = { health: 1, protection: 2, governance: 1 };
    expect(Object.keys(inGroupOrder(fromJsonb, programme))).toEqual(['governance', 'protection', 'health']);
  });

  it('keeps the versions and puts groups the programme does not know last, by name', () => {
    const read = { zeta: 3, health: 2, alpha: 1 };
    expect(Object.entries(inGroupOrder(read, programme))).toEqual([
      ['health', 2],
      ['alpha', 1],
      ['zeta', 3],
    ]);
  });
});
