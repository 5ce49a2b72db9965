import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Questionnaire } from '../src/core/questionnaire/questionnaire.types';
import { bestAnswers } from './support/answers';
import { auth, bootWithStaff, createEdition, createUser, enrol, questionnairesOf } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const BOA_VISTA = '1400100';
/** Commas, quotes, a line break and accents: what a CSV writer most easily gets wrong. */
const TRICKY = 'Atenção: rede "Mulher Viver sem Violência", ação integrada,\nsegunda linha; coração — ç ã é';
const FIXED = ['ibge_code', 'government', 'uf', 'region', 'kind', 'edition', 'state'];

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** Takes an enrolled assessment through diagnosis (best answers with overrides), review and approval. */
async function approveWith(
  app: RunningApp,
  tokens: { official: string; reviewer: string },
  id: string,
  overrides: Record<string, unknown>,
  adjust?: { group: string; itemKey: string; rating: string },
): Promise<{ index: number }> {
  const call = async (method: string, path: string, body: unknown, token: string) => {
    const r = await app.request(method, path, body, auth(token));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  const view = await call('GET', `/api/assessments/${id}`, undefined, tokens.official);
  const answers = (await questionnairesOf(app, view)).flatMap((q) =>
    Object.entries(bestAnswers(q)).map(([itemKey, best]) => {
      const value = overrides[`${q.group}.${itemKey}`] ?? best;
      // A positive answer to an item that requires evidence is submitted with a link.
      const proven = q.items.find((i) => i.key === itemKey)!.evidence === 'required' && value !== 'no';
      return {
        group: q.group,
        itemKey,
        value,
        ...(proven ? { evidence: [{ url: `https://www.exemplo.gov.br/${q.group}/${itemKey}.pdf` }] } : {}),
        expectedVersion: view.groups
          .find((g: { group: string }) => g.group === q.group)
          .items.find((i: { key: string }) => i.key === itemKey).answer.version,
      };
    }),
  );
  await call('PUT', `/api/assessments/${id}/answers`, { answers }, tokens.official);
  await call('POST', `/api/assessments/${id}/submit`, undefined, tokens.official);
  await call('POST', `/api/assessments/${id}/review/start`, undefined, tokens.reviewer);
  const reviewed = await call('GET', `/api/assessments/${id}`, undefined, tokens.reviewer);
  const decisions = reviewed.groups.flatMap((g: any) =>
    g.items
      .filter((i: any) => i.visible && i.answer.value !== null)
      .map((i: any) =>
        adjust && adjust.group === g.group && adjust.itemKey === i.key
          ? {
              group: g.group,
              itemKey: i.key,
              decision: 'adjust',
              rating: adjust.rating,
              note: 'A evidência comprova só parte do declarado.',
            }
          : { group: g.group, itemKey: i.key, decision: 'accept' },
      ),
  );
  await call('PUT', `/api/assessments/${id}/review/items`, { decisions }, tokens.reviewer);
  const approved = await call('POST', `/api/assessments/${id}/review/approve`, undefined, tokens.reviewer);
  return { index: approved.scoreSnapshot.index.index };
}

/**
 * The columns the export must have, worked out here from the published questionnaires: every item of every
 * version, an item carried by a key map (kept or renamed) under its latest key.
 */
function expectedItemColumns(groups: { slug: string; versions: Questionnaire[] }[]): string[][] {
  return groups.map(({ slug, versions }) => {
    const latestKey = (q: Questionnaire, key: string): string => {
      const next = versions.find((v) => v.follows === q.version);
      const entry = next?.keyMap?.[key];
      if (!next || entry === undefined || entry === 'dropped') return key;
      return latestKey(next, entry === 'kept' ? key : entry.renamedTo);
    };
    return [...new Set(versions.flatMap((q) => q.items.map((i) => `${slug}.${latestKey(q, i.key)}`)))];
  });
}

describe('exports: CSV, XLSX and JSON of approved assessments across questionnaire versions', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const tokens: Record<string, string> = {};
  let groups: { slug: string; versions: Questionnaire[] }[];
  let index2020: number;
  let index2021: number;

  const download = async (path: string, token = tokens.reviewer): Promise<Download> => {
    const res = await fetch(app.baseUrl + path, { headers: auth(token) });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const csvRecords = (bytes: Buffer): Record<string, string>[] => parse(bytes, { bom: true, columns: true });
  const csvHeader = (bytes: Buffer): string[] => (parse(bytes, { bom: true, to_line: 1 }) as string[][])[0];
  async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(tokens, booted.tokens);
    tokens.poa = await createUser(app, tokens.admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    tokens.bv = await createUser(app, tokens.admin, 'focal@boavista.test', 'official', BOA_VISTA);
    // As the programme's editions pin them: 2020 on the first versions, 2021 on protection and social
    // assistance v2 (health v2 is for 2024 on).
    await createEdition(app, tokens.admin, 2020, { protection: 1, 'social-assistance': 1, health: 1 });
    await createEdition(app, tokens.admin, 2021, { health: 1 });
    const poa = await enrol(app, tokens.poa, 2020, PORTO_ALEGRE);
    const bv = await enrol(app, tokens.bv, 2021, BOA_VISTA);
    index2020 = (
      await approveWith(app, { official: tokens.poa, reviewer: tokens.reviewer }, poa.id, {
        'protection.protection-notes': TRICKY,
        'governance.budget-line': 'partial',
        'protection.nationality-records': 'partial',
        'social-assistance.creas-referral': 'partial',
      })
    ).index;
    index2021 = (
      await approveWith(
        app,
        { official: tokens.bv, reviewer: tokens.reviewer },
        bv.id,
        {
          'protection.lgbtiq-access': 'partial',
          // campaign languages are then hidden: their answer is ignored, and so left out of the export
          'protection.rights-campaigns': 'no',
          'social-assistance.unaccompanied-children': 'partial',
        },
        { group: 'governance', itemKey: 'focal-body', rating: 'partial' },
      )
    ).index;
    const list = (await app.request('GET', '/api/indicator-groups')).body as {
      slug: string;
      versions: { version: number }[];
    }[];
    groups = await Promise.all(
      list.map(async (g) => ({
        slug: g.slug,
        versions: await Promise.all(
          g.versions.map(
            async (v) =>
              (await app.request('GET', `/api/indicator-groups/${g.slug}/versions/${v.version}`)).body as Questionnaire,
          ),
        ),
      })),
    );
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('has every item of every version as a column, each group\u2019s items together and in order, renamed items under their latest key', async () => {
    const header = csvHeader((await download('/api/exports/assessments?format=csv')).bytes);
    const slugs = groups.map((g) => g.slug);
    expect(header.slice(0, FIXED.length + 2 * slugs.length + 1)).toEqual([
      ...FIXED,
      ...slugs.map((s) => `version.${s}`),
      'index',
      ...slugs.map((s) => `score.${s}`),
    ]);
    const items = header.slice(FIXED.length + 2 * slugs.length + 1);
    const expected = expectedItemColumns(groups);
    expect([...items].sort()).toEqual(expected.flat().sort());
    // each group's columns in one block, groups in programme order; the latest version's items in its order
    expect(items.map((c) => c.split('.')[0]).filter((g, i, all) => g !== all[i - 1])).toEqual(slugs);
    for (const g of groups) {
      const latest = g.versions[g.versions.length - 1];
      const positions = latest.items.map((i) => items.indexOf(`${g.slug}.${i.key}`));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(items).toEqual(
      expect.arrayContaining([
        'protection.nationality-records',
        'protection.lgbtiq-access',
        'protection.rights-campaigns',
        'protection.protection-training',
      ]),
    );
    expect(items).not.toContain('protection.awareness-campaigns');
    expect(items).not.toContain('protection.network-training');
    // Group 8 from 2021 and health from 2024: renamed items under their new keys, dropped ones kept apart.
    expect(items).toEqual(
      expect.arrayContaining([
        'social-assistance.paefi-follow-up',
        'social-assistance.federal-benefits-access',
        'social-assistance.unaccompanied-children',
        'health.community-outreach',
        'health.outreach-actions',
        'health.emulti-support',
      ]),
    );
    for (const old of ['social-assistance.creas-referral', 'social-assistance.federal-benefits', 'health.outreach'])
      expect(items).not.toContain(old);
  });

  it('CSV: values under the right headers, gaps empty for the other version\u2019s items, tricky text intact', async () => {
    const file = await download('/api/exports/assessments?format=csv');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="migracidades-todas-as-edicoes.csv"');
    const [poa, bv] = csvRecords(file.bytes);
    expect(poa).toMatchObject({
      ibge_code: PORTO_ALEGRE,
      government: 'Porto Alegre',
      uf: 'RS',
      region: 'Sul',
      kind: 'municipality',
      edition: '2020',
      state: 'approved',
      'version.protection': '1',
      'version.governance': '1',
      index: String(index2020),
      'governance.budget-line': 'partial',
      'governance.focal-body': 'yes',
      'protection.nationality-records': 'partial', // v1 only
      'protection.lgbtiq-access': '',
      'protection.racial-equality-actions': '', // v2 only
      'protection.rights-campaigns': 'yes', // v1 "awareness-campaigns", renamed in v2
      'protection.campaign-languages': 'spanish; english; french; haitian-creole; indigenous; other',
      'protection.protection-notes': TRICKY,
      'version.social-assistance': '1',
      'social-assistance.paefi-follow-up': 'partial', // v1 "creas-referral", renamed in v2
      'social-assistance.unaccompanied-children': '', // v2 only
    });
    expect(bv).toMatchObject({
      ibge_code: BOA_VISTA,
      government: 'Boa Vista',
      uf: 'RR',
      region: 'Norte',
      edition: '2021',
      'version.protection': '2',
      index: String(index2021),
      'governance.focal-body': 'partial', // the reviewer's adjustment, as scored
      'protection.nationality-records': '',
      'protection.lgbtiq-access': 'partial',
      'protection.rights-campaigns': 'no',
      'protection.campaign-languages': '', // answered, but hidden by "no": ignored as the score ignores it
      'version.social-assistance': '2',
      'version.health': '1',
      'social-assistance.paefi-follow-up': 'yes',
      'social-assistance.unaccompanied-children': 'partial',
    });
    expect(Number(bv['score.protection'])).toBeGreaterThan(0);
  });

  it('XLSX: the same header and cells, numbers as numbers, tricky text intact', async () => {
    const file = await download('/api/exports/assessments?format=xlsx');
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="migracidades-todas-as-edicoes.xlsx"');
    const [header, poa, bv] = await xlsxRows(file.bytes);
    expect(header).toEqual(csvHeader((await download('/api/exports/assessments?format=csv')).bytes));
    const cell = (row: unknown[], column: string) => row[header.indexOf(column)] ?? null;
    expect(cell(poa, 'edition')).toBe(2020);
    expect(cell(poa, 'index')).toBe(index2020);
    expect(cell(poa, 'protection.protection-notes')).toBe(TRICKY);
    expect(cell(poa, 'protection.nationality-records')).toBe('partial');
    expect(cell(poa, 'protection.lgbtiq-access')).toBeNull();
    expect(cell(bv, 'version.protection')).toBe(2);
    expect(cell(bv, 'protection.lgbtiq-access')).toBe('partial');
    expect(cell(bv, 'protection.nationality-records')).toBeNull();
    expect(cell(bv, 'governance.focal-body')).toBe('partial');
  });

  it('JSON: an array of objects keyed by column, in header order, with typed values and null gaps', async () => {
    const file = await download('/api/exports/assessments?format=json');
    expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = JSON.parse(file.bytes.toString('utf8')) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual(csvHeader((await download('/api/exports/assessments?format=csv')).bytes));
    expect(rows[0]).toMatchObject({
      edition: 2020,
      index: index2020,
      'version.protection': 1,
      'protection.protection-notes': TRICKY,
      'protection.campaign-languages': ['spanish', 'english', 'french', 'haitian-creole', 'indigenous', 'other'],
      'protection.lgbtiq-access': null,
      'protection.nationality-records': 'partial',
    });
    expect(rows[1]).toMatchObject({
      edition: 2021,
      'protection.nationality-records': null,
      'protection.lgbtiq-access': 'partial',
      'protection.campaign-languages': null,
    });
  });

  it('per edition: only that edition\u2019s rows, in a file named after it', async () => {
    const file = await download('/api/editions/2020/export?format=xlsx', tokens.certifier);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="migracidades-2020.xlsx"');
    const rows = await xlsxRows(file.bytes);
    expect(rows.map((r) => r[0])).toEqual(['ibge_code', PORTO_ALEGRE]);
    const csv = csvRecords((await download('/api/editions/2021/export', tokens.admin)).bytes);
    expect(csv.map((r) => r.ibge_code)).toEqual([BOA_VISTA]);
  });

  it('refuses a bad format (400, naming the field), an unknown edition (404) and officials (403)', async () => {
    const bad = await app.request('GET', '/api/exports/assessments?format=pdf', undefined, auth(tokens.reviewer));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['format']);
    // The field is named in errors[].field, and what is wrong with it in both languages.
    expect(bad.body.errors[0].message).toBeTruthy();
    expect(bad.body.errors[0].messageEn).toBeTruthy();
    const badEdition = await app.request(
      'GET',
      '/api/editions/2020/export?format=ods',
      undefined,
      auth(tokens.reviewer),
    );
    expect(badEdition.status).toBe(400);
    expect(
      (await app.request('GET', '/api/editions/1999/export?format=csv', undefined, auth(tokens.reviewer))).body.code,
    ).toBe('EDITION_NOT_FOUND');
    for (const path of ['/api/exports/assessments?format=csv', `/api/editions/2020/export?format=csv`]) {
      const r = await app.request('GET', path, undefined, auth(tokens.poa));
      expect(r.status).toBe(403);
    }
    expect((await app.request('GET', '/api/exports/assessments')).status).toBe(401);
  });
});
