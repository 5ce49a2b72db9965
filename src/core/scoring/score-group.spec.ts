import { sampleQuestionnaire, toYaml } from '../../../test/fixtures/questionnaires';
import { parseQuestionnaire } from '../questionnaire/questionnaire.parser';
import type { AnswerSet } from '../questionnaire/questionnaire.types';
import { scoreGroup } from './score-group';
import { levelFor, MATURITY_LEVELS, STANDARD_SCORING_POLICY } from './scoring-policy';

const questionnaire = parseQuestionnaire(toYaml(sampleQuestionnaire()), {
  file: 'sample/v1.yaml',
  group: 'sample',
  version: 1,
});
const url = { url: 'https://example.org/plano.pdf' };

// Weights: policy 4 (evidence required), instrument 1 (only when policy is yes/partial), shelter 2 (N/A
// allowed), languages 2 (sum of option points, capped), served 1 (bands 1→50, 100→100), plan-file 1.
describe('scoreGroup with fixture answer sets (scores computed by hand)', () => {
  it.each<[string, AnswerSet, string[], number | null, string | null]>([
    ['nothing answered: visible items count as 0', {}, [], 0, 'initial'],
    [
      'everything fully met',
      {
        policy: 'yes',
        instrument: 'law',
        shelter: 'yes',
        languages: ['es', 'en', 'ar'],
        served: 150,
        'plan-file': url,
      },
      ['policy'],
      100,
      'reference',
    ],
    // policy pending (0 × 4), decree 60 × 1, shelter N/A left out, en 40 × 2, 5 served 50 × 1, no plan 0 × 1: 190 / 9
    [
      'evidence not yet accepted, "not applicable" left out',
      { policy: 'yes', instrument: 'decree', shelter: 'not-applicable', languages: ['en'], served: 5 },
      [],
      21.1,
      'initial',
    ],
    // the same with the evidence accepted: (400 + 60 + 80 + 50) / 9 = 65.56
    [
      'the same once the evidence is accepted',
      { policy: 'yes', instrument: 'decree', shelter: 'not-applicable', languages: ['en'], served: 5 },
      ['policy'],
      65.6,
      'consolidated',
    ],
    // (50×4 + 100×1 + 50×2 + 50×2 + 0×1 + 100×1) / 11 = 600 / 11
    [
      'partial answers and a number below the first band',
      { policy: 'partial', instrument: 'law', shelter: 'partial', languages: ['es'], served: 0, 'plan-file': url },
      ['policy'],
      54.5,
      'consolidated',
    ],
    // instrument hidden by policy "no": its answer is ignored and it leaves the denominator
    [
      'an answer to a hidden item is ignored',
      { policy: 'no', instrument: 'law', shelter: 'yes', languages: [], served: 1 },
      [],
      25,
      'developing',
    ],
  ])('%s', (_name, answers, accepted, expectedScore, expectedLevel) => {
    const result = scoreGroup(questionnaire, STANDARD_SCORING_POLICY, { answers, acceptedEvidence: accepted });
    expect(result.score).toBe(expectedScore);
    expect(result.level?.key ?? null).toBe(expectedLevel);
    const sum = result.items.reduce((s, i) => s + i.contribution, 0);
    expect(Math.abs(sum - (result.score ?? 0))).toBeLessThan(0.06);
  });

  it('explains each item: status, points and why', () => {
    const r = scoreGroup(questionnaire, STANDARD_SCORING_POLICY, {
      answers: {
        policy: 'yes',
        instrument: 'decree',
        shelter: 'not-applicable',
        languages: ['es', 'en', 'ar'],
        notes: 'ok',
      },
    });
    const byKey = Object.fromEntries(r.items.map((i) => [i.key, i]));
    expect(byKey.policy).toMatchObject({ status: 'pending-evidence', counted: true, points: 0 });
    expect(byKey.policy.explanation['pt-BR']).toContain('evidência ainda não foi aceita');
    expect(byKey.instrument).toMatchObject({ status: 'scored', points: 60 });
    expect(byKey.instrument.explanation.en).toBe('Option "Decree": 60 points × weight 1.');
    expect(byKey.shelter).toMatchObject({ status: 'not-applicable', counted: false, points: null, contribution: 0 });
    expect(byKey.languages).toMatchObject({ points: 100 });
    expect(byKey.languages.explanation.en).toContain('add up to 120, capped at 100');
    expect(byKey['policy-year']).toMatchObject({ status: 'informative', counted: false });
    expect(byKey.notes).toMatchObject({ status: 'informative' });
    expect(byKey.served).toMatchObject({ status: 'unanswered', points: 0 });
  });

  it('tells "no evidence given" from "evidence not accepted yet"; either way the item counts as 0', () => {
    const answers: AnswerSet = { policy: 'yes', instrument: 'law', shelter: 'yes', languages: [], served: 1 };
    const score = (acceptedEvidence: string[], evidenceGiven: string[]) =>
      scoreGroup(questionnaire, STANDARD_SCORING_POLICY, { answers, acceptedEvidence, evidenceGiven });
    const missing = score([], []);
    const policy = (r: ReturnType<typeof score>) => r.items.find((i) => i.key === 'policy')!;
    expect(policy(missing)).toMatchObject({ status: 'missing-evidence', counted: true, points: 0 });
    expect(policy(missing).explanation['pt-BR']).toContain('nenhuma evidência foi apresentada');
    expect(policy(missing).explanation.en).toBe(
      'Answer "Yes", but no evidence was given: counts as 0 until evidence is attached and accepted by the review.',
    );
    // Accepted without evidence (which the review refuses) still does not count.
    expect(policy(score(['policy'], []))).toMatchObject({ status: 'missing-evidence', points: 0 });
    const pending = score([], ['policy']);
    expect(policy(pending)).toMatchObject({ status: 'pending-evidence', points: 0 });
    expect(policy(pending).explanation.en).toContain('not accepted yet');
    // (100×1 + 100×2 + 0×2 + 50×1 + 0×1) / 11 without the policy's 400; with it, 750 / 11
    expect(missing.score).toBe(pending.score);
    expect(missing.score).toBe(31.8);
    expect(score(['policy'], ['policy'])).toMatchObject({ score: 68.2 });
    // A negative answer needs no evidence.
    const no = scoreGroup(questionnaire, STANDARD_SCORING_POLICY, { answers: { policy: 'no' }, evidenceGiven: [] });
    expect(no.items.find((i) => i.key === 'policy')).toMatchObject({ status: 'scored', points: 0 });
  });

  it('names the questionnaire version and the scoring version', () => {
    const r = scoreGroup(questionnaire, STANDARD_SCORING_POLICY, { answers: {} });
    expect(r).toMatchObject({ group: 'sample', questionnaireVersion: 1, scoringVersion: 'engine-1/standard-1' });
  });

  it('follows the group policy: another value for "Parcial" changes the score and the version named', () => {
    const strict = { ...STANDARD_SCORING_POLICY, version: 'strict-1', answerPoints: { yes: 100, partial: 25, no: 0 } };
    const r = scoreGroup(questionnaire, strict, {
      answers: { policy: 'partial', shelter: 'partial', languages: ['es', 'en'], served: 100, 'plan-file': url },
      acceptedEvidence: ['policy'],
    });
    // (25×4 + 0×1 instrument unanswered + 25×2 + 90×2 + 100 + 100) / 11 = 530 / 11
    expect(r.score).toBe(48.2);
    expect(r.scoringVersion).toBe('engine-1/strict-1');
  });

  it('gives no score when nothing counts', () => {
    const q = parseQuestionnaire(toYaml({ ...sampleQuestionnaire(), items: [sampleQuestionnaire().items[3]] }), {
      file: 'sample/v1.yaml',
      group: 'sample',
      version: 1,
    });
    const r = scoreGroup(q, STANDARD_SCORING_POLICY, { answers: { shelter: 'not-applicable' } });
    expect(r.score).toBeNull();
    expect(r.level).toBeNull();
  });
});

describe('maturity levels', () => {
  it.each([
    [0, 'initial'],
    [24.9, 'initial'],
    [25, 'developing'],
    [49.9, 'developing'],
    [50, 'consolidated'],
    [74.9, 'consolidated'],
    [75, 'reference'],
    [100, 'reference'],
  ])('%d is %s', (score, level) => {
    expect(levelFor(score, MATURITY_LEVELS).key).toBe(level);
  });
});
