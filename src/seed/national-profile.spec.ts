import { stringify as toYaml } from 'yaml';
import { validateAnswers } from '../core/questionnaire/answer-validation';
import { parseQuestionnaire } from '../core/questionnaire/questionnaire.parser';
import { visibleItemKeys } from '../core/questionnaire/visibility';
import { scoreGroup } from '../core/scoring/score-group';
import { STANDARD_SCORING_POLICY } from '../core/scoring/scoring-policy';
import { CAPITALS, generateGroup, governmentProfile, seededUuid, unit } from './national-profile';

const t = (pt: string, en: string) => ({ 'pt-BR': pt, en });
// Every item type, a condition, "not applicable" and an item that needs evidence.
const questionnaire = parseQuestionnaire(
  toYaml({
    group: 'sample',
    version: 1,
    publishedAt: '2020-03-02',
    title: t('Exemplo', 'Sample'),
    items: [
      { key: 'policy', type: 'yes-partial-no', label: t('Política?', 'Policy?'), weight: 4, evidence: 'required' },
      {
        key: 'policy-year',
        type: 'number',
        integer: true,
        min: 1950,
        max: 2100,
        label: t('Ano', 'Year'),
        weight: 0,
        visibleWhen: { item: 'policy', in: ['yes', 'partial'] },
      },
      {
        key: 'instrument',
        type: 'single-choice',
        label: t('Instrumento', 'Instrument'),
        weight: 1,
        options: [
          { key: 'law', label: t('Lei', 'Law'), points: 100 },
          { key: 'decree', label: t('Decreto', 'Decree'), points: 60 },
        ],
        visibleWhen: { item: 'policy', in: ['yes', 'partial'] },
      },
      { key: 'shelter', type: 'yes-partial-no', allowNotApplicable: true, label: t('Abrigo?', 'Shelter?'), weight: 2 },
      {
        key: 'languages',
        type: 'multiple-choice',
        label: t('Idiomas', 'Languages'),
        weight: 2,
        options: [
          { key: 'es', label: t('Espanhol', 'Spanish'), points: 50 },
          { key: 'en', label: t('Inglês', 'English'), points: 40 },
        ],
      },
      {
        key: 'served',
        type: 'number',
        min: 0,
        label: t('Atendidos', 'Served'),
        weight: 1,
        bands: [
          { atLeast: 1, points: 50 },
          { atLeast: 100, points: 100 },
        ],
      },
      { key: 'notes', type: 'text', maxLength: 40, label: t('Notas', 'Notes'), weight: 0, required: false },
      { key: 'plan-file', type: 'evidence', label: t('Plano', 'Plan'), weight: 1, required: false },
    ],
  }),
  { file: 'sample/v1.yaml', group: 'sample', version: 1 },
);
const municipalities = Array.from({ length: 5000 }, (_v, i) => ({
  ibgeCode: String(4300000 + i * 7),
  kind: 'municipality',
}));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('deterministic draws', () => {
  it('gives the same number and id for the same label, and different ones for different labels', () => {
    expect(unit('seed/4314902/2024')).toBe(unit('seed/4314902/2024'));
    expect(unit('seed/4314902/2024')).not.toBe(unit('seed/4314902/2023'));
    expect(seededUuid('x')).toBe(seededUuid('x'));
    expect(seededUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const draws = Array.from({ length: 10000 }, (_v, i) => unit(`d/${i}`));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(mean(draws)).toBeCloseTo(0.5, 1);
  });
});

describe('governmentProfile', () => {
  const profiles = municipalities.map((g) => governmentProfile('s', g));

  it('leaves most municipalities beginning, with a long tail of engaged and advanced ones', () => {
    const share = (tier: string) => profiles.filter((p) => p.tier === tier).length / profiles.length;
    expect(share('beginning')).toBeGreaterThan(0.8);
    expect(share('engaged')).toBeGreaterThan(0.08);
    expect(share('advanced')).toBeGreaterThan(0.01);
  });

  it('starts states, capitals and large cities further on than a typical municipality', () => {
    const typical = mean(profiles.map((p) => p.base));
    const states = ['11', '12', '13', '14', '15', '16', '17', '21', '22', '23'].map(
      (code) => governmentProfile('s', { ibgeCode: code, kind: 'state' }).base,
    );
    const capitals = [...CAPITALS].map((code) => governmentProfile('s', { ibgeCode: code, kind: 'municipality' }).base);
    const large = municipalities.slice(0, 200).map((g) => governmentProfile('s', { ...g, population: 500_000 }).base);
    expect(mean(states)).toBeGreaterThan(typical + 0.2);
    expect(mean(capitals)).toBeGreaterThan(typical + 0.3);
    expect(mean(large)).toBeGreaterThan(typical + 0.1);
  });

  it('makes about a third improve and a fifth regress', () => {
    const share = (trend: string) => profiles.filter((p) => p.trend === trend).length / profiles.length;
    expect(share('improving')).toBeCloseTo(0.35, 1);
    expect(share('regressing')).toBeCloseTo(0.2, 1);
  });
});

describe('generateGroup', () => {
  const draw = (maturity: number, code: string, year = 2024) =>
    generateGroup(questionnaire, {
      seed: 's',
      ibgeCode: code,
      governmentName: 'Exemplo',
      year,
      maturity,
      identity: (key) => `sample.${key}`,
      prioritised: new Set(),
    });

  it('gives valid answers to visible items only, with evidence for positive answers that need it', () => {
    for (const [i, maturity] of [0, 0.1, 0.5, 0.9, 1].entries()) {
      for (let n = 0; n < 50; n++) {
        const { answers, evidence } = draw(maturity, `${i}-${n}`);
        expect(validateAnswers(questionnaire, answers)).toEqual([]);
        const visible = visibleItemKeys(questionnaire, answers);
        expect(Object.keys(answers).every((k) => visible.has(k))).toBe(true);
        const positive = answers.policy === 'yes' || answers.policy === 'partial';
        expect(evidence.get('policy')?.length ?? 0).toBe(positive ? 1 : 0);
      }
    }
  });

  it('scores higher as maturity grows, and keeps an item\u2019s draw from one year to the next', () => {
    const score = (maturity: number) =>
      mean(
        Array.from(
          { length: 200 },
          (_v, n) =>
            scoreGroup(questionnaire, STANDARD_SCORING_POLICY, {
              answers: draw(maturity, `g${n}`).answers,
              acceptedEvidence: ['policy'],
            }).score ?? 0,
        ),
      );
    expect(score(0.05)).toBeLessThan(score(0.4));
    expect(score(0.4)).toBeLessThan(score(0.8));
    const same = Array.from(
      { length: 200 },
      (_v, n) => draw(0.4, `g${n}`, 2023).answers.shelter === draw(0.42, `g${n}`, 2024).answers.shelter,
    );
    expect(same.filter(Boolean).length).toBeGreaterThan(150);
  });
});
