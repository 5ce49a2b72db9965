import { bootForSaves } from './support/autosave-load';
import { auth, createEdition, createUser, enrol } from './support/lifecycle';

describe('concurrent requests on one database (one SQLite connection, or the PostgreSQL pool)', () => {
  const booted = bootForSaves();

  it('keeps every acknowledged save when saves, failures and enrolments run at once', async () => {
    const { app, admin } = booted();
    await createEdition(app, admin, 2025);
    const governments = ['4314902', '4304606', '4305108'];
    const people = await Promise.all(
      governments.map((g, i) => createUser(app, admin, `focal${i}@rs.test`, 'official', g)),
    );
    const ids = await Promise.all(governments.map(async (g, i) => (await enrol(app, people[i], 2025, g)).id));
    const items = ['focal-body', 'local-policy', 'intersectoral-committee', 'budget-line', 'migrant-data'];
    // Valid saves interleaved with saves that fail validation after their transaction started.
    const requests = ids.flatMap((id, i) =>
      items.flatMap((itemKey) => [
        app.request(
          'PUT',
          `/api/assessments/${id}/answers`,
          { answers: [{ group: 'governance', itemKey, value: 'yes', expectedVersion: 0 }] },
          auth(people[i]),
        ),
        app.request(
          'PUT',
          `/api/assessments/${id}/answers`,
          { answers: [{ group: 'governance', itemKey, value: 'no', expectedVersion: 7 }] },
          auth(people[i]),
        ),
      ]),
    );
    const results = await Promise.all(requests);
    const ok = results.filter((r) => r.status === 200).length;
    expect(ok).toBe(ids.length * items.length);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    for (const [i, id] of ids.entries()) {
      const view = (await app.request('GET', `/api/assessments/${id}`, undefined, auth(people[i]))).body;
      const governance = view.groups.find((g: { group: string }) => g.group === 'governance');
      for (const key of items)
        expect(governance.items.find((it: { key: string }) => it.key === key).answer).toMatchObject({
          value: 'yes',
          version: 1,
        });
    }
  });
});
