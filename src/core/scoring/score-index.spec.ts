import type { GroupScore } from './score-group';
import { scoreIndex } from './score-index';

const group = (slug: string, score: number | null): GroupScore => ({
  group: slug,
  questionnaireVersion: 1,
  scoringVersion: 'engine-1/standard-1',
  score,
  level: null,
  countedWeight: score === null ? 0 : 10,
  items: [],
});

describe('scoreIndex', () => {
  const expected = ['a', 'b', 'c', 'd'];

  it('is the plain mean of the group scores, with its level', () => {
    const r = scoreIndex(expected, [group('a', 100), group('b', 50), group('c', 0), group('d', 25)]);
    expect(r.index).toBe(43.8); // 175 / 4 = 43.75
    expect(r.level?.key).toBe('developing');
    expect(r.groups.map((g) => g.group)).toEqual(expected);
  });

  it('is unavailable while a group is missing, and names it', () => {
    const r = scoreIndex(expected, [group('a', 100), group('c', 50)]);
    expect(r.index).toBeNull();
    expect(r.missing).toEqual(['b', 'd']);
    expect(r.explanation.en).toContain('b, d');
  });

  it('leaves out a group where nothing counts, and says so', () => {
    const r = scoreIndex(expected, [group('a', 90), group('b', null), group('c', 60), group('d', 30)]);
    expect(r.index).toBe(60);
    expect(r.excluded).toEqual(['b']);
    expect(r.explanation['pt-BR']).toContain('sem itens pontuáveis: b');
  });
});
