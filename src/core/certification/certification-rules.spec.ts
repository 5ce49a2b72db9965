import type { ScoreSnapshot } from '../assessment/assessment.types';
import { certificationEligibility, sealStatus } from './certification-rules';

const snapshot = (index: number, levels: (string | null)[]): ScoreSnapshot => ({
  takenAt: '2025-08-01T00:00:00Z',
  round: 1,
  index: { index, level: null, groups: [], missing: [], excluded: [], explanation: { 'pt-BR': '', en: '' } },
  groups: levels.map((level, i) => ({
    group: `g${i}`,
    questionnaireVersion: 1,
    scoringVersion: 'engine-1/standard-1',
    score: 50,
    level,
    items: [],
  })),
});

describe('certification rules', () => {
  it.each([
    ['every stage complete', 'priorities-set', snapshot(12, ['initial']), { kind: 'all-stages' }, true, null],
    ['priorities not set yet', 'approved', snapshot(90, ['reference']), { kind: 'all-stages' }, false, null],
    [
      'index at the minimum',
      'priorities-set',
      snapshot(50, ['consolidated']),
      { kind: 'minimum-index', minimumIndex: 50 },
      true,
      null,
    ],
    [
      'index below the minimum',
      'priorities-set',
      snapshot(49.9, ['consolidated']),
      { kind: 'minimum-index', minimumIndex: 50 },
      false,
      null,
    ],
    [
      'every group at the level: the seal states the lowest',
      'priorities-set',
      snapshot(70, ['consolidated', 'reference']),
      { kind: 'minimum-levels', minimumLevel: 'developing' },
      true,
      'consolidated',
    ],
    [
      'a group below the level',
      'priorities-set',
      snapshot(70, ['initial', 'reference']),
      { kind: 'minimum-levels', minimumLevel: 'developing' },
      false,
      'initial',
    ],
  ] as const)('%s', (_name, state, snap, rule, eligible, level) => {
    const r = certificationEligibility(state, snap, rule);
    expect(r.eligible).toBe(eligible);
    expect(r.level).toBe(level);
    expect(r.reasons.length === 0).toBe(eligible);
    for (const reason of r.reasons) expect(reason['pt-BR'].length).toBeGreaterThan(0);
  });

  it('explains every unmet condition', () => {
    const r = certificationEligibility('in-review', snapshot(10, ['initial']), {
      kind: 'minimum-index',
      minimumIndex: 50,
    });
    expect(r.reasons.map((x) => x.en)).toEqual([
      'every stage must be complete (diagnosis approved and priorities set); the assessment is "in-review"',
      'index 10 below the minimum 50',
    ]);
  });

  it.each([
    [{ revokedAt: null, validUntil: '2026-10-15' }, '2026-10-15', 'valid'],
    [{ revokedAt: null, validUntil: '2026-10-15' }, '2026-10-16', 'expired'],
    [{ revokedAt: new Date('2026-01-01'), validUntil: '2026-10-15' }, '2026-02-01', 'revoked'],
    [{ revokedAt: new Date('2026-01-01'), validUntil: '2026-10-15' }, '2027-01-01', 'revoked'],
  ])('seal %j on %s is %s', (seal, today, status) => {
    expect(sealStatus(seal, today)).toBe(status);
  });
});
