import type { ScoreSnapshot } from '../assessment/assessment.types';
import type { AssessmentState } from '../assessment/assessment-state';
import { assessmentStages, type CertificationRule, sealValidUntil } from '../editions/edition-rules';
import { certificationEligibility, countSeals, indexLevel, sealStatus, wouldBeExpired } from './certification-rules';

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

const stages = (state: AssessmentState, course = true) =>
  assessmentStages({ state, letterOfIntent: true, focalPerson: true, course, progressReported: false });

describe('certification rules', () => {
  it.each([
    ['every stage complete', 'priorities-set', true, snapshot(12, ['initial']), { kind: 'all-stages' }, true],
    ['priorities not set yet', 'approved', true, snapshot(90, ['reference']), { kind: 'all-stages' }, false],
    ['the focal person has no ENAP course', 'priorities-set', false, snapshot(90, []), { kind: 'all-stages' }, false],
    [
      'index at the minimum',
      'priorities-set',
      true,
      snapshot(50, ['consolidated']),
      { kind: 'minimum-index', minimumIndex: 50 },
      true,
    ],
    [
      'index below the minimum',
      'priorities-set',
      true,
      snapshot(49.9, ['consolidated']),
      { kind: 'minimum-index', minimumIndex: 50 },
      false,
    ],
    [
      'every group at the level',
      'priorities-set',
      true,
      snapshot(70, ['consolidated', 'reference']),
      { kind: 'minimum-levels', minimumLevel: 'developing' },
      true,
    ],
    [
      'a group below the level',
      'priorities-set',
      true,
      snapshot(70, ['initial', 'reference']),
      { kind: 'minimum-levels', minimumLevel: 'developing' },
      false,
    ],
  ] as const)('%s', (_name, state, course, snap, rule, eligible) => {
    const r = certificationEligibility(stages(state, course), snap, rule as CertificationRule);
    expect(r.eligible).toBe(eligible);
    expect(r.reasons.length === 0).toBe(eligible);
    for (const reason of r.reasons) expect(reason['pt-BR'].length).toBeGreaterThan(0);
  });

  it('states the index\u2019s level: 84.1 is "Referência"', () => {
    expect(indexLevel(snapshot(84.1, []))).toBe('reference');
    expect(indexLevel(snapshot(24.9, []))).toBe('initial');
    expect(indexLevel(null)).toBeNull();
    expect(certificationEligibility(stages('priorities-set'), snapshot(84.1, []), { kind: 'all-stages' }).level).toBe(
      'reference',
    );
  });

  it('explains every unmet condition, naming the stages missing', () => {
    const r = certificationEligibility(stages('in-review', false), snapshot(10, ['initial']), {
      kind: 'minimum-index',
      minimumIndex: 50,
    });
    expect(r.missingStages.map((s) => s.stage)).toEqual(['enrolment', 'diagnosis', 'prioritisation']);
    expect(r.reasons.map((x) => x.en)).toEqual([
      'stage "Enrolment" incomplete: missing the focal person\u2019s completion of the ENAP course',
      'stage "Diagnosis" incomplete: missing diagnosis awaiting the reviewers\u2019 validation',
      'stage "Prioritisation" incomplete: missing priorities not chosen yet',
      'index 10 below the minimum 50',
    ]);
    expect(r.reasons[0]['pt-BR']).toBe(
      'etapa "Inscrição" incompleta: falta conclusão do curso da ENAP pelo ponto focal',
    );
  });

  it('gives each stage a status: complete, current, missing or upcoming', () => {
    expect(stages('diagnosis-in-progress', false).map((s) => [s.stage, s.status])).toEqual([
      ['enrolment', 'missing'],
      ['diagnosis', 'current'],
      ['prioritisation', 'upcoming'],
      ['certification', 'upcoming'],
      ['monitoring', 'upcoming'],
    ]);
    expect(stages('certified').map((s) => s.status)).toEqual([
      'complete',
      'complete',
      'complete',
      'complete',
      'current',
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

  it.each([
    [{ kind: 'one-year' }, '2026-12-01', null, '2027-12-01'],
    [{ kind: 'one-year' }, '2028-02-29', null, '2029-02-28'],
    [{ kind: 'until-next-certification' }, '2026-12-01', '2027-10-15', '2027-10-15'],
    [{ kind: 'until-next-certification' }, '2026-12-01', null, '2027-12-01'],
    [{ kind: 'fixed', until: '2025-10-15' }, '2026-12-01', '2027-10-15', '2025-10-15'],
  ] as const)('validity %j issued %s (next certification %s) ends %s', (validity, issued, next, until) => {
    expect(sealValidUntil(validity, issued, next)).toBe(until);
  });

  it('refuses a seal that would already be expired on its issue day, not one that ends that day', () => {
    expect(wouldBeExpired('2025-10-15', '2026-12-01')).toBe(true);
    expect(wouldBeExpired('2026-12-01', '2026-12-01')).toBe(false);
  });

  it('counts issued seals apart from valid ones', () => {
    expect(
      countSeals(
        [
          { revokedAt: null, validUntil: '2027-12-01' },
          { revokedAt: null, validUntil: '2025-10-15' },
          { revokedAt: '2026-05-01T00:00:00Z', validUntil: '2027-12-01' },
        ],
        '2026-12-01',
      ),
    ).toEqual({ issued: 3, valid: 1, expired: 1, revoked: 1 });
  });
});
