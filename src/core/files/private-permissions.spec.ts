import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepDataPrivate } from './private-permissions';

describe('keepDataPrivate', () => {
  let root: string;
  let umask: number;
  const mode = (path: string) => statSync(path).mode & 0o777;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'migracidades-private-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('tightens what an earlier version left readable, the database and its WAL files included', () => {
    const data = join(root, 'data');
    mkdirSync(join(data, 'files', 'ab'), { recursive: true, mode: 0o755 });
    for (const f of ['files/ab/abcd', 'db.sqlite', 'db.sqlite-wal', 'db.sqlite-shm']) {
      writeFileSync(join(data, f), 'x', { mode: 0o644 });
    }
    chmodSync(data, 0o755);
    keepDataPrivate(data, join(data, 'db.sqlite'));
    expect([data, join(data, 'files'), join(data, 'files', 'ab')].map(mode)).toEqual([0o700, 0o700, 0o700]);
    expect(['files/ab/abcd', 'db.sqlite', 'db.sqlite-wal', 'db.sqlite-shm'].map((f) => mode(join(data, f)))).toEqual([
      0o600, 0o600, 0o600, 0o600,
    ]);
  });

  it('makes what is created afterwards private (umask 077)', () => {
    keepDataPrivate(join(root, 'data'), join(root, 'data', 'db.sqlite'));
    writeFileSync(join(root, 'later.txt'), 'x');
    mkdirSync(join(root, 'later'));
    expect(mode(join(root, 'later.txt'))).toBe(0o600);
    expect(mode(join(root, 'later'))).toBe(0o700);
  });

  it('leaves the folder of a database outside DATA_DIR, and what links point to, as they are', () => {
    const shared = join(root, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    chmodSync(shared, 0o755);
    writeFileSync(join(shared, 'db.sqlite'), 'x', { mode: 0o644 });
    const elsewhere = join(root, 'elsewhere.txt');
    writeFileSync(elsewhere, 'x', { mode: 0o644 });
    mkdirSync(join(root, 'data'));
    symlinkSync(elsewhere, join(root, 'data', 'link'));
    keepDataPrivate(join(root, 'data'), join(shared, 'db.sqlite'));
    expect(mode(shared)).toBe(0o755);
    expect(mode(join(shared, 'db.sqlite'))).toBe(0o600);
    expect(mode(elsewhere)).toBe(0o644);
  });
});
