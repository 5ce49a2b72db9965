import { GovernmentsService, MunicipalityImportError } from '../src/core/governments/governments.service';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

// A newer IBGE list in the DTB's own layout (semicolons, accented headers). 5101837 stands for a
// municipality installed after the list the engine ships; its check digit follows IBGE's rule.
const NEWER_LIST = [
  'UF;Nome_UF;Código Município Completo;Nome_Município',
  '51;Mato Grosso;5101837;Boa Esperança do Norte',
  '43;Rio Grande do Sul;4314902;Porto Alegre',
  '23;Ceará;2306306;Itapajé',
].join('\n');

describe('importing a newer IBGE list of municipalities', () => {
  let app: RunningApp;
  let service: GovernmentsService;
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ dir, cleanup } = scratchDir());
    app = await bootApp(testConfig(dir));
    service = app.app.get(GovernmentsService);
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('adds the new municipality and renames a changed one; a second run changes nothing', async () => {
    const before = (await app.request('GET', '/api/governments?limit=1')).body.total;
    const summary = await service.importMunicipalityCsv(NEWER_LIST, 'dtb-2025.csv');
    expect(summary.added.map((g) => [g.ibgeCode, g.name, g.uf, g.region])).toEqual([
      ['5101837', 'Boa Esperança do Norte', 'MT', 'Centro-Oeste'],
    ]);
    expect(summary.renamed).toEqual([{ ibgeCode: '2306306', from: 'Itapagé', to: 'Itapajé' }]);
    expect(summary.unchanged).toBe(1);
    expect((await app.request('GET', '/api/governments?limit=1')).body.total).toBe(before + 1);
    const found = await app.request('GET', `/api/governments?uf=MT&q=${encodeURIComponent('boa esperanca do norte')}`);
    expect(found.body.items.map((g: { name: string }) => g.name)).toEqual(['Boa Esperança do Norte']);

    const again = await service.importMunicipalityCsv(NEWER_LIST, 'dtb-2025.csv');
    expect(again).toEqual({ added: [], renamed: [], unchanged: 3 });
  });

  it('keeps imported rows and names across a restart (the shipped list does not overwrite them)', async () => {
    await service.importMunicipalityCsv(NEWER_LIST, 'dtb-2025.csv');
    await app.close();
    app = await bootApp(testConfig(dir));
    service = app.app.get(GovernmentsService);
    expect((await app.request('GET', '/api/governments/2306306')).body.name).toBe('Itapajé');
    expect((await app.request('GET', '/api/governments/5101837')).body.name).toBe('Boa Esperança do Norte');
    expect((await app.request('GET', '/api/governments?limit=1')).body.total).toBe(5598);
  });

  it('accepts simple "codigo_ibge,nome" headers too', async () => {
    const summary = await service.importMunicipalityCsv('codigo_ibge,nome\n4314902,Porto Alegre\n', 'simple.csv');
    expect(summary.unchanged).toBe(1);
  });

  it.each([
    ['a header without the code column', 'UF;Nome\n51;X', 'line 1: header must name the IBGE code column'],
    [
      'a code with six digits',
      'codigo_ibge,nome\n510183,Boa Esperança do Norte',
      'line 2: IBGE code "510183" must have 7 digits',
    ],
    [
      'a wrong check digit',
      'codigo_ibge,nome\n5101838,Boa Esperança do Norte',
      'line 2: IBGE code "5101838" has a wrong check digit',
    ],
    [
      'a code listed twice',
      'codigo_ibge,nome\n4314902,Porto Alegre\n4314902,Porto Alegre',
      'line 3: IBGE code 4314902 already on line 2',
    ],
    ['an empty name', 'codigo_ibge,nome\n5101837,', 'line 2: the name is empty'],
  ])('refuses %s with the line and the reason, and changes nothing', async (_name, csv, message) => {
    const before = await app.request('GET', '/api/governments?limit=1');
    // Every bad file also renames Caxias do Sul on a valid line: that line must not be applied either.
    const attempt = service.importMunicipalityCsv(`${csv}\n4305108,Caxias\n`, 'bad.csv');
    await expect(attempt).rejects.toThrow(MunicipalityImportError);
    await expect(attempt).rejects.toThrow(message);
    expect((await app.request('GET', '/api/governments?limit=1')).body.total).toBe(before.body.total);
    expect((await app.request('GET', '/api/governments/4305108')).body.name).toBe('Caxias do Sul');
  });
});
