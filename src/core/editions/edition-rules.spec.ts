import { assessmentStages, diagnosisDeadline, diagnosisOpen, type StageFacts } from './edition-rules';

const enrolled: StageFacts = {
  state: 'diagnosis-in-progress',
  letterOfIntent: true,
  focalPerson: true,
  course: true,
  progressReported: false,
};

const statuses = (f: StageFacts) => Object.fromEntries(assessmentStages(f).map((s) => [s.stage, s.status]));

describe('the five stages of an assessment', () => {
  it('reads a diagnosis being filled as enrolment done, diagnosis in progress, the rest to come', () => {
    expect(statuses(enrolled)).toEqual({
      enrolment: 'complete',
      diagnosis: 'current',
      prioritisation: 'upcoming',
      certification: 'upcoming',
      monitoring: 'upcoming',
    });
  });

  it('names an enrolment stage left behind as missing, with what it lacks', () => {
    const stages = assessmentStages({ ...enrolled, course: false });
    expect(stages[0]).toMatchObject({ stage: 'enrolment', status: 'missing' });
    expect(stages[0].missing.map((m) => m['pt-BR'])).toEqual([expect.stringMatching(/curso/i)]);
  });

  it('reads certification as skipped, not in progress, when progress was reported without a seal', () => {
    expect(statuses({ ...enrolled, state: 'priorities-set', progressReported: true })).toEqual({
      enrolment: 'complete',
      diagnosis: 'complete',
      prioritisation: 'complete',
      certification: 'missing',
      monitoring: 'complete',
    });
  });

  it('reads a certified assessment as monitoring in progress until progress is reported', () => {
    expect(statuses({ ...enrolled, state: 'certified' }).monitoring).toBe('current');
    expect(statuses({ ...enrolled, state: 'certified', progressReported: true }).monitoring).toBe('complete');
  });
});

describe('the diagnosis deadline', () => {
  it("is the edition's unless extended, and the latest extension counts even when it is earlier", () => {
    expect(diagnosisDeadline('2026-09-30', null)).toEqual({ deadline: '2026-09-30', extended: false });
    expect(diagnosisDeadline('2026-09-30', '2026-10-15')).toEqual({ deadline: '2026-10-15', extended: true });
    expect(diagnosisDeadline('2026-09-30', '2026-09-20')).toEqual({ deadline: '2026-09-20', extended: true });
  });

  it('is open through its last day, and after it only on items sent back', () => {
    expect(diagnosisOpen('diagnosis-in-progress', '2026-09-30', '2026-09-30')).toBe(true);
    expect(diagnosisOpen('diagnosis-in-progress', '2026-10-01', '2026-09-30')).toBe(false);
    expect(diagnosisOpen('changes-requested', '2026-10-01', '2026-09-30')).toBe(true);
  });
});
