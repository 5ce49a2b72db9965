import { ASSESSMENT_STATES, type AssessmentEvent, type AssessmentState, transition } from './assessment-state';
import type { Role } from '../auth/role';

describe('assessment state machine', () => {
  it('walks a whole edition: enrolment to certification, with one round of changes', () => {
    const steps: [AssessmentEvent, Role, AssessmentState][] = [
      ['start-diagnosis', 'official', 'diagnosis-in-progress'],
      ['submit', 'official', 'submitted'],
      ['start-review', 'reviewer', 'in-review'],
      ['request-changes', 'reviewer', 'changes-requested'],
      ['submit', 'official', 'resubmitted'],
      ['start-review', 'reviewer', 'in-review'],
      ['approve', 'reviewer', 'approved'],
      ['set-priorities', 'official', 'priorities-set'],
      ['certify', 'certifier', 'certified'],
    ];
    let state: AssessmentState = 'enrolled';
    for (const [event, role, expected] of steps) {
      const r = transition(state, event, role);
      expect(r).toEqual({ ok: true, to: expected });
      state = expected;
    }
  });

  it('reopens an approved diagnosis into review', () => {
    expect(transition('approved', 'reopen', 'reviewer')).toEqual({ ok: true, to: 'in-review' });
    expect(transition('priorities-set', 'reopen', 'admin')).toEqual({ ok: true, to: 'in-review' });
  });

  it.each<[AssessmentState, AssessmentEvent, Role]>([
    ['enrolled', 'submit', 'official'],
    ['submitted', 'submit', 'official'],
    ['diagnosis-in-progress', 'approve', 'reviewer'],
    ['changes-requested', 'approve', 'reviewer'],
    ['in-review', 'set-priorities', 'official'],
    ['approved', 'certify', 'certifier'],
    ['certified', 'reopen', 'reviewer'],
    ['certified', 'start-diagnosis', 'official'],
  ])('refuses %s --%s--> as illegal, naming the states it needs', (from, event, role) => {
    const r = transition(from, event, role);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ reason: 'ILLEGAL_TRANSITION' });
  });

  it.each<[AssessmentState, AssessmentEvent, Role]>([
    ['in-review', 'approve', 'official'],
    ['diagnosis-in-progress', 'submit', 'reviewer'],
    ['priorities-set', 'certify', 'reviewer'],
    ['approved', 'set-priorities', 'certifier'],
  ])('refuses %s --%s--> by the wrong role (%s)', (from, event, role) => {
    expect(transition(from, event, role)).toMatchObject({ ok: false, reason: 'ROLE_NOT_ALLOWED' });
  });

  it('lets no event leave "certified" except by a new edition', () => {
    const events: AssessmentEvent[] = [
      'start-diagnosis',
      'submit',
      'start-review',
      'request-changes',
      'approve',
      'reopen',
      'set-priorities',
      'certify',
    ];
    const roles: Role[] = ['official', 'reviewer', 'certifier', 'admin'];
    for (const e of events) for (const r of roles) expect(transition('certified', e, r).ok).toBe(false);
    expect(ASSESSMENT_STATES).toHaveLength(9);
  });
});
