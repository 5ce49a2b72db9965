import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FileOwners1765700000000 } from '../src/database/migrations/1765700000000-FileOwners';
import { sampleOdt } from './fixtures/sample-files';
import {
  deflatedDocx,
  deflatedZeros,
  fakePng,
  pdfHtmlPolyglot,
  pdfWithAction,
  zipBombDocx,
} from './support/crafted-files';
import {
  ADMIN,
  auth,
  bootWithStaff,
  createEdition,
  createUser,
  enrol,
  enrolmentForm,
  login,
  samplePdf,
} from './support/lifecycle';
import { answerAndSubmit, reviewAndApprove } from './support/diagnosis';
import { bootApp, onPostgres, type RunningApp } from './support/test-app';
import { sqliteFileFor } from '../src/config/app-config';
import { rawQuery } from '../src/database/portable-sql';

const CANOAS = '4304606';
const PORTO_ALEGRE = '4314902';
const CAXIAS = '4305108';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('uploads: Office archives, PDFs and images checked by content; files bound to their owner; data private', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let canoas: string;
  let poa: string;

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    t.canoas = await createUser(app, t.admin, 'focal@canoas.test', 'official', CANOAS);
    t.poa = await createUser(app, t.admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    await createEdition(app, t.admin, 2025);
    canoas = (await enrol(app, t.canoas, 2025, CANOAS)).id;
    poa = (await enrol(app, t.poa, 2025, PORTO_ALEGRE)).id;
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const db = () => app.app.get(DataSource);
  const upload = (id: string, token: string, bytes: Buffer, fileName: string, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), fileName);
    return app.upload(`/api/assessments/${id}/evidence`, form, auth(token));
  };
  const storedFiles = () =>
    readdirSync(join(app.config.dataDir, 'files'), { recursive: true })
      .map(String)
      .filter((f) => statSync(join(app.config.dataDir, 'files', f)).isFile()).length;
  const counts = async () => ({
    disk: storedFiles(),
    rows: Number((await db().query('SELECT COUNT(*) AS n FROM stored_files'))[0].n),
    owners: Number((await db().query('SELECT COUNT(*) AS n FROM file_owners'))[0].n),
  });

  /** Refused with 415 naming the field and the reason in both languages, and nothing stored. */
  async function expectRefused(
    send: () => Promise<{ status: number; body: any }>,
    field: string,
    code: string,
    pt: string,
    en: string,
  ) {
    const before = await counts();
    const r = await send();
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('UPLOAD_REJECTED');
    expect(r.body.errors).toEqual([expect.objectContaining({ field, code })]);
    expect(r.body.errors[0].message).toContain(pt);
    expect(r.body.errors[0].messageEn).toContain(en);
    expect(r.body.message).toContain(pt);
    expect(await counts()).toEqual(before);
  }

  describe('Office and OpenDocument archives', () => {
    it('refuses a 408 KB DOCX that inflates to 400 MB', async () => {
      const bomb = await zipBombDocx(400);
      expect(bomb.length).toBeLessThan(420 * 1024);
      await expectRefused(
        () => upload(canoas, t.canoas, bomb, 'plano.docx', DOCX),
        'file',
        'ARCHIVE_TOO_LARGE_UNPACKED',
        'Descompactado, o documento passaria do limite de 100 MB',
        'Unpacked, the document would exceed the limit of 100 MB',
      );
    });

    it('refuses a bomb whose headers declare a small size: inflating it shows they lie', async () => {
      const zeros = await deflatedZeros(100);
      const lying = deflatedDocx([{ name: 'word/media/image1.png', deflated: zeros, declaredSize: 300 * 1024 }]);
      await expectRefused(
        () => upload(canoas, t.canoas, lying, 'plano.docx', DOCX),
        'file',
        'ARCHIVE_DAMAGED',
        'O documento está danificado: não foi possível lê-lo como DOCX.',
        'The document is damaged: it could not be read as DOCX.',
      );
    });

    it('refuses a DOCX of 1,001 internal files and one with a password-protected part', async () => {
      const many = deflatedDocx(Array.from({ length: 998 }, (_, i) => ({ name: `word/media/${i}.xml`, data: '<x/>' })));
      await expectRefused(
        () => upload(canoas, t.canoas, many, 'plano.docx'),
        'file',
        'ARCHIVE_TOO_MANY_ENTRIES',
        'O documento tem 1001 arquivos internos, acima do limite de 1000.',
        'The document holds 1001 internal files, over the limit of 1000.',
      );
      const locked = deflatedDocx([{ name: 'word/secret.xml', data: '<x/>', encrypted: true }]);
      await expectRefused(
        () => upload(canoas, t.canoas, locked, 'plano.docx'),
        'file',
        'ARCHIVE_ENCRYPTED',
        'partes protegidas por senha ("word/secret.xml")',
        'password-protected parts ("word/secret.xml")',
      );
    });

    it('accepts an ordinary deflated DOCX and an ODT', async () => {
      for (const [bytes, name] of [
        [deflatedDocx(), 'plano.docx'],
        [sampleOdt(), 'plano.odt'],
      ] as const) {
        const r = await upload(canoas, t.canoas, bytes, name);
        expect(r.status).toBe(201);
      }
    });
  });

  describe('PDFs and images', () => {
    it('refuses a file that starts as a PDF and goes on as HTML with a script', async () => {
      await expectRefused(
        () => upload(canoas, t.canoas, pdfHtmlPolyglot(), 'ata.pdf', 'application/pdf'),
        'file',
        'ACTIVE_CONTENT',
        'O arquivo contém marcação HTML (<!DOCTYPE html)',
        'The file contains HTML markup (<!DOCTYPE html)',
      );
    });

    it('refuses a PDF that runs JavaScript when opened, as evidence and as a letter of intent', async () => {
      await expectRefused(
        () => upload(canoas, t.canoas, pdfWithAction(), 'ata.pdf'),
        'file',
        'ACTIVE_CONTENT',
        'JavaScript (/JavaScript)',
        'JavaScript (/JavaScript)',
      );
      await expectRefused(
        () => app.upload('/api/editions/2025/enrolments', enrolmentForm(CAXIAS, pdfWithAction()), auth(t.admin)),
        'letterOfIntent',
        'ACTIVE_CONTENT',
        'O arquivo contém JavaScript (/JavaScript)',
        'The file contains JavaScript (/JavaScript)',
      );
      const [{ n }] = await rawQuery(db(), 'SELECT COUNT(*) AS n FROM assessments WHERE government_code = ?', [CAXIAS]);
      expect(Number(n)).toBe(0);
    });

    it('refuses an image that is not one, as evidence and as the course certificate', async () => {
      await expectRefused(
        () => upload(canoas, t.canoas, fakePng(), 'foto.png', 'image/png'),
        'file',
        'MALFORMED',
        'O arquivo começa como PNG, mas não é uma imagem PNG válida',
        'The file starts as PNG but is not a valid PNG image',
      );
      const form = new FormData();
      form.append('completedAt', '2025-01-10');
      form.append('certificate', new Blob([fakePng()], { type: 'image/png' }), 'certificado.png');
      await expectRefused(
        () => app.upload(`/api/assessments/${canoas}/course-completion`, form, auth(t.canoas)),
        'certificate',
        'MALFORMED',
        'não é uma imagem PNG válida',
        'not a valid PNG image',
      );
    });
  });

  describe('a stored file belongs to the assessment or government it was uploaded for', () => {
    const evidenceSave = (file: string, expectedVersion = 0) => ({
      group: 'governance',
      itemKey: 'local-policy',
      value: 'yes',
      expectedVersion,
      evidence: [{ file, fileName: 'lei.pdf' }],
    });
    const save = (id: string, token: string, answers: unknown[]) =>
      app.request('PUT', `/api/assessments/${id}/answers`, { answers }, auth(token));
    const read = (id: string, token: string, sha: string) =>
      app.request('GET', `/api/assessments/${id}/files/${sha}`, undefined, auth(token));
    let canoasLaw: string;

    beforeAll(async () => {
      const r = await upload(canoas, t.canoas, samplePdf('Lei municipal 123 de Canoas'), 'lei.pdf');
      canoasLaw = r.body.file;
      const saved = await save(canoas, t.canoas, [evidenceSave(canoasLaw)]);
      if (saved.status !== 200) throw new Error(`save: ${saved.status} ${saved.text}`);
    });

    it("refuses another government's file by its hash in an answer, as if it had never been uploaded", async () => {
      const before = await counts();
      const stolen = await save(poa, t.poa, [evidenceSave(canoasLaw)]);
      const unknown = await save(poa, t.poa, [evidenceSave('f'.repeat(64))]);
      expect(stolen.status).toBe(400);
      expect(stolen.body.code).toBe('INVALID_ANSWERS');
      expect(stolen.body.errors).toEqual([
        expect.objectContaining({ field: 'answers.0.evidence.0', code: 'INVALID_EVIDENCE' }),
      ]);
      expect(stolen.body.errors[0].message).toBe(unknown.body.errors[0].message);
      expect(stolen.body.errors[0].messageEn).toBe('file not found: upload it first with the evidence upload');
      const asValue = await save(poa, t.poa, [
        { group: 'governance', itemKey: 'focal-body-act', value: { file: canoasLaw }, expectedVersion: 0 },
      ]);
      expect(asValue.status).toBe(400);
      expect(asValue.body.errors).toEqual([
        expect.objectContaining({ field: 'answers.0.value', code: 'INVALID_EVIDENCE' }),
      ]);
      expect(await counts()).toEqual(before);
      const view = (await app.request('GET', `/api/assessments/${poa}`, undefined, auth(t.poa))).body;
      const answer = view.groups
        .find((g: any) => g.group === 'governance')
        .items.find((i: any) => i.key === 'local-policy');
      expect(answer.answer.version).toBe(0);
    });

    it('reads a file only through the assessment it belongs to, for every role', async () => {
      expect((await read(canoas, t.canoas, canoasLaw)).status).toBe(200);
      expect((await read(canoas, t.reviewer, canoasLaw)).status).toBe(200);
      for (const token of [t.poa, t.reviewer, t.admin]) {
        const r = await read(poa, token, canoasLaw);
        expect(r.status).toBe(404);
        expect(r.text).not.toContain('%PDF');
      }
    });

    it('lets two governments upload the same content, each using and reading it as its own', async () => {
      const again = await upload(poa, t.poa, samplePdf('Lei municipal 123 de Canoas'), 'lei-copia.pdf');
      expect(again.status).toBe(201);
      expect(again.body.file).toBe(canoasLaw);
      expect((await save(poa, t.poa, [evidenceSave(canoasLaw)])).status).toBe(200);
      expect((await read(poa, t.poa, canoasLaw)).status).toBe(200);
      expect((await read(canoas, t.canoas, canoasLaw)).status).toBe(200);
      // Both letters of intent are the same bytes, uploaded by each government for its enrolment.
      const letterOf = async (id: string, token: string) =>
        (await app.request('GET', `/api/assessments/${id}`, undefined, auth(token))).body.enrolment.letterOfIntent.file;
      const letter = await letterOf(canoas, t.canoas);
      expect(await letterOf(poa, t.poa)).toBe(letter);
      expect((await read(canoas, t.canoas, letter)).status).toBe(200);
      expect((await read(poa, t.poa, letter)).status).toBe(200);
    });

    it('the migration gives every file referenced today the owners the uploads recorded', async () => {
      const owners = () =>
        db().query('SELECT sha256, owner_kind, owner_id FROM file_owners ORDER BY sha256, owner_kind, owner_id');
      const live = await owners();
      expect(live.length).toBeGreaterThanOrEqual(6);
      const runner = db().createQueryRunner();
      try {
        await new FileOwners1765700000000().down(runner);
        await new FileOwners1765700000000().up(runner);
      } finally {
        await runner.release();
      }
      expect(await owners()).toEqual(live);
      expect((await read(poa, t.poa, canoasLaw)).status).toBe(200);
    });

    it("carries a file into the government's next assessment, where it reads and can be confirmed", async () => {
      const law = (group: string, item: { key: string }) =>
        group === 'governance' && item.key === 'local-policy' ? [{ file: canoasLaw, fileName: 'lei.pdf' }] : undefined;
      await answerAndSubmit(app, t.canoas, canoas, undefined, law);
      await reviewAndApprove(app, t.reviewer, canoas);
      await createEdition(app, t.admin, 2026);
      const next = (await enrol(app, t.canoas, 2026, CANOAS)).id;
      const view = (await app.request('GET', `/api/assessments/${next}`, undefined, auth(t.canoas))).body;
      const carried = view.groups
        .find((g: any) => g.group === 'governance')
        .items.find((i: any) => i.key === 'local-policy').answer;
      expect(carried).toMatchObject({ carried: true, evidence: [expect.objectContaining({ file: canoasLaw })] });
      expect((await read(next, t.canoas, canoasLaw)).status).toBe(200);
      expect((await save(next, t.canoas, [evidenceSave(canoasLaw, carried.version)])).status).toBe(200);
    });
  });

  describe('downloads never leave DATA_DIR', () => {
    /** A GET with the path sent as written: fetch would resolve `../` before sending. */
    const rawGet = (path: string, token: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const url = new URL(app.baseUrl);
        const req = httpRequest({ host: url.hostname, port: url.port, path, headers: auth(token) }, (res) => {
          let text = '';
          res.setEncoding('latin1');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end();
      });

    it('answers 4xx to every path that tries to climb out, and serves no file', async () => {
      const targets = ['test.sqlite', 'keys/issuer-ed25519.pem', 'etc/passwd'];
      const climbs = [
        (f: string) => `../../${f}`,
        (f: string) => `..%2F..%2F${f.replace(/\//g, '%2F')}`,
        (f: string) => `%2e%2e%2f%2e%2e%2f${f.replace(/\//g, '%2f')}`,
        (f: string) => `..%252F..%252F${f}`,
        (f: string) => `..%5C..%5C${f}`,
        (f: string) => `....//....//${f}`,
        (f: string) => `%2F${f.replace(/\//g, '%2F')}`,
        (f: string) => `${'a'.repeat(58)}%2F..%2F..%2F${f}`,
        (f: string) => `..%c0%af..%c0%af${f}`,
        (f: string) => `${f}%00${'a'.repeat(64)}`,
      ];
      const prefixes = [
        [`/api/assessments/${canoas}/files/`, t.canoas],
        [`/revisao/${canoas}/arquivos/`, t.reviewer],
      ] as const;
      let tried = 0;
      let served = 0;
      for (const [prefix, token] of prefixes)
        for (const climb of climbs)
          for (const target of targets) {
            const r = await rawGet(prefix + climb(target), token);
            tried++;
            expect(r.status).toBeGreaterThanOrEqual(400);
            expect(r.status).toBeLessThan(500);
            if (/SQLite format 3|PRIVATE KEY|root:/.test(r.text)) served++;
          }
      // eslint-disable-next-line no-console
      console.log(`path traversal: ${tried} paths tried, ${served} served a file`);
      expect(served).toBe(0);
    });
  });

  describe('files and the database are private to the engine', () => {
    const modes = () => {
      const wrong: string[] = [];
      const walk = (dir: string) => {
        if ((statSync(dir).mode & 0o777) !== 0o700) wrong.push(`${dir} ${(statSync(dir).mode & 0o777).toString(8)}`);
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, e.name);
          if (e.isDirectory()) walk(path);
          else if ((statSync(path).mode & 0o777) !== 0o600)
            wrong.push(`${path} ${(statSync(path).mode & 0o777).toString(8)}`);
        }
      };
      walk(app.config.dataDir);
      return wrong;
    };

    it('writes evidence, keys and everything else in DATA_DIR 0600 in 0700 folders', () => {
      expect(modes()).toEqual([]);
    });

    (onPostgres() ? describe.skip : describe)('(SQLite file)', () => {
      it('keeps the database and its WAL files in DATA_DIR, 0600 as checked above', () => {
        const db = sqliteFileFor(app.config.database, 'the WAL files check');
        expect([db, `${db}-wal`, `${db}-shm`].filter((f) => !existsSync(f))).toEqual([]);
        expect(modes()).toEqual([]);
      });
    });

    it('tightens at start what an earlier version left readable by others', async () => {
      const config = app.config;
      await app.close();
      const loosen = (dir: string) => {
        chmodSync(dir, 0o755);
        for (const e of readdirSync(dir, { withFileTypes: true }))
          if (e.isDirectory()) loosen(join(dir, e.name));
          else chmodSync(join(dir, e.name), 0o644);
      };
      loosen(config.dataDir);
      expect(modes().length).toBeGreaterThan(5);
      app = await bootApp(config);
      expect(modes()).toEqual([]);
      expect(
        (
          await app.request(
            'GET',
            `/api/assessments/${canoas}`,
            undefined,
            auth(await login(app, ADMIN.email, ADMIN.password)),
          )
        ).status,
      ).toBe(200);
    });
  });
});
