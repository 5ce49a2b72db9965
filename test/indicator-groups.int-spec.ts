import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INDICATOR_GROUP_MODULES } from '../src/indicators';
import { IndicatorGroupModule, IndicatorRegistryModule } from '../src/core/indicators/indicator-group.module';
import { IndicatorRegistry } from '../src/core/indicators/indicator-registry';
import { STANDARD_SCORING_POLICY } from '../src/core/scoring/scoring-policy';
import { readQuestionnaireFiles } from '../src/core/questionnaire/questionnaire.loader';
import { parseQuestionnaire } from '../src/core/questionnaire/questionnaire.parser';
import { INDICATOR_GROUP_MODULES as TEN } from '../src/indicators';
import { bootApp, copyAssessments, REPO_ASSESSMENTS, scratchDir, testConfig } from './support/test-app';
import { sampleQuestionnaire, toYaml } from './fixtures/questionnaires';

const folders = (dir: string) =>
  readdirSync(dir)
    .filter((e) => statSync(join(dir, e)).isDirectory())
    .sort();

async function registeredGroups(modules = INDICATOR_GROUP_MODULES) {
  const moduleRef = await Test.createTestingModule({ imports: [IndicatorRegistryModule, ...modules] }).compile();
  return moduleRef.get(IndicatorRegistry).list();
}

describe('the ten indicator groups', () => {
  it('agree: registered modules, folders under src/indicators/ and folders under assessments/', async () => {
    const registered = (await registeredGroups()).map((g) => g.slug).sort();
    expect(registered).toHaveLength(10);
    expect(folders(resolve(__dirname, '../src/indicators'))).toEqual(registered);
    expect(folders(REPO_ASSESSMENTS)).toEqual(registered);
    for (const slug of registered) {
      const files = readdirSync(resolve(__dirname, '../src/indicators', slug));
      expect(files).toEqual(
        expect.arrayContaining([`${slug}.module.ts`, `${slug}.definition.ts`, `${slug}.recommendations.ts`]),
      );
    }
  });

  it('are numbered 1 to 10, and each recommends something for every scored item of every version', async () => {
    const groups = await registeredGroups();
    expect(groups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const { files, problems } = readQuestionnaireFiles(REPO_ASSESSMENTS, resolve(REPO_ASSESSMENTS, '..'));
    expect(problems).toEqual([]);
    for (const group of groups) {
      const versions = files.filter((f) => f.group === group.slug).map((f) => parseQuestionnaire(f.source, f));
      const scored = versions.flatMap((q) => q.items.filter((i) => i.weight > 0).map((i) => i.key));
      const missing = scored.filter((key) => !group.recommendations[key]?.['pt-BR'] || !group.recommendations[key]?.en);
      expect({ group: group.slug, missing }).toEqual({ group: group.slug, missing: [] });
      const stale = Object.keys(group.recommendations).filter((key) => !scored.includes(key));
      expect({ group: group.slug, stale }).toEqual({ group: group.slug, stale: [] });
    }
  });

  it('group 10 has v1 (2020 scope) and v2 (2021 scope) with a key map that keeps, renames and drops', () => {
    const { files } = readQuestionnaireFiles(REPO_ASSESSMENTS, resolve(REPO_ASSESSMENTS, '..'));
    const protection = files.filter((f) => f.group === 'protection').map((f) => parseQuestionnaire(f.source, f));
    expect(protection.map((q) => q.version)).toEqual([1, 2]);
    const entries = Object.values(protection[1].keyMap!);
    expect(entries).toContain('kept');
    expect(entries).toContain('dropped');
    expect(entries.some((e) => typeof e === 'object' && 'renamedTo' in e)).toBe(true);
    const v2Text = JSON.stringify(protection[1]).toLowerCase();
    expect(v2Text).toContain('lgbtiq');
    expect(v2Text).toMatch(/racial|raça/);
  });

  const versionsOf = (slug: string) => {
    const { files } = readQuestionnaireFiles(REPO_ASSESSMENTS, resolve(REPO_ASSESSMENTS, '..'));
    return files.filter((f) => f.group === slug).map((f) => parseQuestionnaire(f.source, f));
  };

  it('group 8 has v2 from 2021 under the programme name "Acesso à assistência e proteção social"', () => {
    const [v1, v2] = versionsOf('social-assistance');
    expect([v1.version, v2.version, v2.follows]).toEqual([1, 2, 1]);
    expect(v2.publishedAt.slice(0, 4)).toBe('2021');
    expect(v2.title).toEqual({
      'pt-BR': 'Acesso à assistência e proteção social',
      en: 'Access to social assistance and social protection',
    });
    expect(v2.keyMap).toMatchObject({
      'cadunico-registration': 'kept',
      'creas-referral': { renamedTo: 'paefi-follow-up' },
    });
    const keys = v2.items.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining(['unaccompanied-children', 'trafficking-referral', 'child-protection-network']),
    );
    // Policy facts with a document that proves them keep asking for it.
    const required = v2.items.filter((i) => i.evidence === 'required').map((i) => i.key);
    expect(required).toEqual(
      expect.arrayContaining([
        'cadunico-registration',
        'eventual-benefits',
        'paefi-follow-up',
        'unaccompanied-children',
        'trafficking-referral',
        'shelter-places',
      ]),
    );
  });

  it('health v2 follows eMulti (Portaria GM/MS 635/2023) from 2024 and no longer cites NASF', () => {
    const [v1, v2] = versionsOf('health');
    expect(JSON.stringify(v1)).toContain('NASF');
    expect([v2.version, v2.follows]).toEqual([2, 1]);
    // After the 2023 enrolment closed (15 April), before the 2024 one did.
    expect(v2.publishedAt > '2023-04-15' && v2.publishedAt <= '2024-04-15').toBe(true);
    const text = JSON.stringify(v2);
    expect(text).not.toContain('NASF');
    expect(text).toContain('eMulti');
    expect(text).toContain('635/2023');
    expect(v2.keyMap).toMatchObject({
      'sus-registration': 'kept',
      interpreters: 'kept',
      outreach: { renamedTo: 'community-outreach' },
      'outreach-actions': 'dropped',
    });
    expect(v2.items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['emulti-support', 'vaccination-outreach', 'mental-health', 'sexual-reproductive-health']),
    );
    expect(v2.items.find((i) => i.key === 'sus-registration')?.evidence).toBe('required');
  });
});

describe('an eleventh group', () => {
  it('is one module, one definition and its YAML: the core needs no change', async () => {
    const definition = {
      number: 11,
      slug: 'housing',
      dimension: 'rights-and-services' as const,
      scoring: STANDARD_SCORING_POLICY,
      recommendations: { policy: { 'pt-BR': 'Criar', en: 'Create' } },
    };
    @Module({ imports: [IndicatorGroupModule.forGroup(definition)] })
    class HousingModule {}

    const { dir, cleanup } = scratchDir();
    const assessments = copyAssessments(dir);
    mkdirSync(join(assessments, 'housing'));
    writeFileSync(join(assessments, 'housing', 'v1.yaml'), toYaml({ ...sampleQuestionnaire(), group: 'housing' }));
    const app = await bootApp(testConfig(dir, { ASSESSMENTS_DIR: assessments }), [...TEN, HousingModule]);
    try {
      const groups = (await app.request('GET', '/api/indicator-groups')).body;
      expect(groups.map((g: { slug: string }) => g.slug)).toHaveLength(11);
      expect(groups[10]).toMatchObject({ number: 11, slug: 'housing' });
      const r = await app.request('POST', '/api/indicator-groups/housing/versions/1/score', {
        answers: { policy: 'no' },
      });
      expect(r.status).toBe(200);
      expect(r.body.recommendations).toEqual([
        { key: 'policy', status: 'not-met', recommendation: { 'pt-BR': 'Criar', en: 'Create' } },
      ]);
    } finally {
      await app.close();
      cleanup();
    }
  });
});
