import type { ScoreSnapshot } from '../assessment/assessment.types';
import { progressAcrossEditions } from './report-progress';

/** A snapshot with just what progress reads: the index and each group's score and questionnaire version. */
function snapshot(
  index: number | null,
  groups: Record<string, [score: number | null, version: number]>,
): Pick<ScoreSnapshot, 'index' | 'groups'> {
  return {
    index: { index, level: null, groups: [], missing: [], excluded: [], explanation: { 'pt-BR': '', en: '' } },
    groups: Object.entries(groups).map(([group, [score, questionnaireVersion]]) => ({
      group,
      score,
      questionnaireVersion,
      scoringVersion: 'engine-1/standard-1',
      level: null,
      items: [],
    })),
  };
}

describe('progressAcrossEditions', () => {
  const order = ['governance', 'health', 'protection'];

  it.each([
    {
      name: 'one edition: a single column, no change',
      editions: [{ year: 2024, snapshot: snapshot(40, { governance: [40, 1], health: [40, 1], protection: [40, 1] }) }],
      years: [2024],
      index: [40],
      indexChange: null,
      rows: [
        ['governance', [40], null, false],
        ['health', [40], null, false],
        ['protection', [40], null, false],
      ],
    },
    {
      name: 'editions come sorted by year, and the change is the last one against the one before it',
      editions: [
        { year: 2022, snapshot: snapshot(50, { governance: [50, 1], health: [60, 1], protection: [40, 1] }) },
        { year: 2020, snapshot: snapshot(20, { governance: [10, 1], health: [30, 1], protection: [20, 1] }) },
        { year: 2021, snapshot: snapshot(35.5, { governance: [30, 1], health: [45, 1], protection: [31.5, 1] }) },
      ],
      years: [2020, 2021, 2022],
      index: [20, 35.5, 50],
      indexChange: 14.5,
      rows: [
        ['governance', [10, 30, 50], 20, false],
        ['health', [30, 45, 60], 15, false],
        ['protection', [20, 31.5, 40], 8.5, false],
      ],
    },
    {
      name: 'a group scored in one edition only is null (never 0) elsewhere, and has no change',
      editions: [
        { year: 2020, snapshot: snapshot(30, { governance: [30, 1] }) },
        { year: 2021, snapshot: snapshot(55, { governance: [50, 1], health: [60, 1] }) },
      ],
      years: [2020, 2021],
      index: [30, 55],
      indexChange: 25,
      rows: [
        ['governance', [30, 50], 20, false],
        ['health', [null, 60], null, false],
      ],
    },
    {
      name: 'a questionnaire that changed version is still compared, and flagged',
      editions: [
        { year: 2020, snapshot: snapshot(45, { protection: [40, 1] }) },
        { year: 2021, snapshot: snapshot(47, { protection: [47, 2] }) },
      ],
      years: [2020, 2021],
      index: [45, 47],
      indexChange: 2,
      rows: [['protection', [40, 47], 7, true]],
    },
    {
      name: 'a group where nothing counted (score null) and an edition without an index',
      editions: [
        { year: 2020, snapshot: snapshot(null, { governance: [null, 1], health: [70, 1] }) },
        { year: 2021, snapshot: snapshot(65, { governance: [60, 1], health: [70, 1] }) },
      ],
      years: [2020, 2021],
      index: [null, 65],
      indexChange: null,
      rows: [
        ['governance', [null, 60], null, false],
        ['health', [70, 70], 0, false],
      ],
    },
  ])('$name', ({ editions, years, index, indexChange, rows }) => {
    const table = progressAcrossEditions(editions, order);
    expect(table.years).toEqual(years);
    expect(table.index).toEqual(index);
    expect(table.indexChange).toBe(indexChange);
    expect(table.groups.map((g) => [g.slug, g.scores, g.change, g.versionChanged])).toEqual(rows);
  });

  it('lists the groups in programme order, then groups the order does not know', () => {
    const table = progressAcrossEditions(
      [{ year: 2024, snapshot: snapshot(50, { extra: [50, 1], health: [50, 1], governance: [50, 1] }) }],
      order,
    );
    expect(table.groups.map((g) => g.slug)).toEqual(['governance', 'health', 'extra']);
  });
});
