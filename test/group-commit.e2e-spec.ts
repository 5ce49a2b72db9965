import { bootForSaves, prepareWriters } from './support/autosave-load';
import { auth, createUser } from './support/lifecycle';

const GOVERNMENTS = 6;
const ITEMS = ['focal-body', 'local-policy', 'intersectoral-committee', 'budget-line'];

interface Fired {
  readonly kind: 'valid' | 'stale' | 'invalid' | 'mixed' | 'race' | 'foreign';
  readonly assessment: number;
  readonly answers: { group: string; itemKey: string; value: unknown; expectedVersion: number }[];
  readonly token: string;
}

/**
 * Saves that arrive together share one transaction (group commit): fired all at once, valid saves, stale
 * versions, invalid values, a batch with one invalid answer, two saves racing for one item and a save into
 * another government's assessment must each get their own answer, and the database and the audit trail must
 * hold exactly the acknowledged ones.
 */
describe('group commit: concurrent saves, each with its own outcome', () => {
  const booted = bootForSaves();

  it('answers each save on its own and stores exactly the acknowledged ones, with their audit entries', async () => {
    const { app, admin } = booted();
    const writers = await prepareWriters(app, admin, GOVERNMENTS, 2025, 'RS');
    const reviewer = await createUser(app, admin, 'revisora@group-commit.test', 'reviewer');
    const save = (itemKey: string, value: unknown, expectedVersion: number) => ({
      group: 'governance',
      itemKey,
      value,
      expectedVersion,
    });
    const fired: Fired[] = writers.flatMap((w, a) => {
      const mine = (kind: Fired['kind'], answers: Fired['answers'], token = w.token): Fired => ({
        kind,
        assessment: a,
        answers,
        token,
      });
      return [
        ...ITEMS.map((item) => mine('valid', [save(item, 'yes', 0)])),
        ...ITEMS.map((item) => mine('stale', [save(item, 'no', 3)])),
        ...ITEMS.map((item) => mine('invalid', [save(item, 'maybe', 0)])),
        mine('mixed', [save('governance-notes', `notes of ${a}`, 0), save('migrant-data', 'maybe', 0)]),
        mine('race', [save('migrant-data', 'partial', 0)]),
        mine('race', [save('migrant-data', 'no', 0)]),
        mine('foreign', [save('governance-notes', 'not mine', 0)], writers[(a + 1) % writers.length].token),
      ];
    });
    const answers = await Promise.all(
      fired.map((f) =>
        app.request(
          'PUT',
          `/api/assessments/${writers[f.assessment].assessmentId}/answers`,
          { answers: f.answers },
          auth(f.token),
        ),
      ),
    );
    const statuses = (kind: Fired['kind']) => answers.filter((_, i) => fired[i].kind === kind).map((r) => r.status);
    expect(new Set(statuses('valid'))).toEqual(new Set([200]));
    expect(new Set(statuses('stale'))).toEqual(new Set([409]));
    expect(new Set(statuses('invalid'))).toEqual(new Set([400]));
    expect(new Set(statuses('mixed'))).toEqual(new Set([400]));
    expect(new Set(statuses('foreign'))).toEqual(new Set([403]));
    // Of two saves racing for one item from version 0, exactly one wins; the other is stale.
    expect(statuses('race').sort()).toEqual(
      Array.from({ length: GOVERNMENTS }, () => [200, 409])
        .flat()
        .sort(),
    );
    const stale = answers.find((_, i) => fired[i].kind === 'stale')!;
    expect(stale.body.code).toBe('STALE_ANSWER');
    const invalid = answers.find((_, i) => fired[i].kind === 'invalid')!;
    expect(invalid.body.errors[0]).toMatchObject({ field: 'answers.0.value' });

    let acknowledged = 0;
    let trailEntries = 0;
    for (const [a, w] of writers.entries()) {
      const winner = fired.findIndex((f, i) => f.assessment === a && f.kind === 'race' && answers[i].status === 200);
      const expected = {
        ...Object.fromEntries(ITEMS.map((item) => [item, 'yes'])),
        'migrant-data': fired[winner].answers[0].value,
      };
      const view = (await app.request('GET', `/api/assessments/${w.assessmentId}`, undefined, auth(w.token))).body;
      const governance = view.groups.find((g: { group: string }) => g.group === 'governance');
      const stored = Object.fromEntries(
        governance.items
          .filter((it: { answer?: { version: number } | null }) => (it.answer?.version ?? 0) > 0)
          .map((it: { key: string; answer: { value: unknown; version: number } }) => [it.key, it.answer]),
      );
      expect(Object.keys(stored).sort()).toEqual(Object.keys(expected).sort());
      for (const [key, value] of Object.entries(expected)) expect(stored[key]).toMatchObject({ value, version: 1 });
      const trail = (
        (await app.request('GET', `/api/assessments/${w.assessmentId}/audit`, undefined, auth(reviewer))).body as {
          action: string;
          entityId: string;
          after: { value: unknown; version: number };
        }[]
      ).filter((e) => e.action === 'answer.save');
      expect(trail.map((e) => `${e.entityId.split('/').pop()}=${String(e.after.value)}`).sort()).toEqual(
        Object.entries(expected)
          .map(([key, value]) => `${key}=${String(value)}`)
          .sort(),
      );
      acknowledged += Object.keys(expected).length;
      trailEntries += trail.length;
    }
    // eslint-disable-next-line no-console
    console.log(
      `group commit: ${fired.length} saves at once, ${answers.filter((r) => r.status === 200).length} acknowledged (${acknowledged} answers stored, ${trailEntries} audit entries), ${answers.filter((r) => r.status === 409).length} stale, ${answers.filter((r) => r.status === 400).length} invalid, ${answers.filter((r) => r.status === 403).length} refused`,
    );
  });

  it('stores and reads back exactly what was saved together, whatever the text holds', async () => {
    const { app, admin } = booted();
    const writers = await prepareWriters(app, admin, 3, 2026, 'SC');
    const reviewer = await createUser(app, admin, 'revisora@group-commit-texts.test', 'reviewer');
    // On SQLite a group's rows travel as one JSON parameter (portable-sql.ts's jsonRows): quotes, backslashes,
    // JSON-looking text, line breaks, accents, emoji, a long text and an empty one must come back unchanged.
    const texts: Record<string, string> = {
      governance: `aspas "duplas" e 'simples', barra \\ invertida, $[0] e ->> '$.a'`,
      participation: '{"value": [1, 2]} [[null]] null',
      transparency: 'linha 1\nlinha 2\r\n\ttabulação — São João, ação, Ñ, 你好, 🇧🇷🙂',
      partnerships: 'x'.repeat(3000),
      health: '',
    };
    const evidence = [{ url: 'https://example.org/doc?q=a\'b&c="d"#ç' }];
    const saves = [
      ...Object.entries(texts).map(([group, value]) => ({ group, itemKey: `${group}-notes`, value })),
      { group: 'governance', itemKey: 'intersectoral-committee', value: 'yes', evidence },
    ];
    const answers = await Promise.all(
      writers.flatMap((w) =>
        saves.map((save) =>
          app.request(
            'PUT',
            `/api/assessments/${w.assessmentId}/answers`,
            { answers: [{ ...save, expectedVersion: 0 }] },
            auth(w.token),
          ),
        ),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    for (const w of writers) {
      const view = (await app.request('GET', `/api/assessments/${w.assessmentId}`, undefined, auth(w.token))).body;
      const answerOf = (group: string, key: string) =>
        view.groups
          .find((g: { group: string }) => g.group === group)
          .items.find((it: { key: string }) => it.key === key).answer;
      for (const save of saves)
        expect(answerOf(save.group, save.itemKey)).toMatchObject({ value: save.value, version: 1 });
      expect(answerOf('governance', 'intersectoral-committee').evidence).toEqual(evidence);
      const trail = (
        (await app.request('GET', `/api/assessments/${w.assessmentId}/audit`, undefined, auth(reviewer))).body as {
          action: string;
          after: { value: unknown };
        }[]
      ).filter((e) => e.action === 'answer.save');
      expect(trail.map((e) => e.after.value).sort()).toEqual(saves.map((save) => save.value).sort());
    }
  });
});
