import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf, samplePng } from '../../../test/fixtures/sample-files';
import { ContentAddressedStore } from './file-store';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ContentAddressedStore', () => {
  let root: string;
  let store: ContentAddressedStore;

  /** Every file under the root, folders left out, relative to it. */
  const files = () =>
    readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(root, f)).isFile())
      .sort();

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'migracidades-files-'));
    store = new ContentAddressedStore(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const pdf = samplePdf();
    const put = await store.put(pdf);
    expect(put).toEqual({ sha256: sha(pdf), size: pdf.length, created: true });
    expect(store.pathOf(put.sha256)).toBe(join(root, put.sha256.slice(0, 2), put.sha256));
    expect(files()).toEqual([join(put.sha256.slice(0, 2), put.sha256)]);
    expect(Buffer.compare(await store.read(put.sha256), pdf)).toBe(0);
    expect(await store.has(put.sha256)).toBe(true);
    expect(await store.has(sha(samplePng()))).toBe(false);
  });

  it('keeps one file for the same content put twice, and does not rewrite it', async () => {
    const first = await store.put(samplePdf());
    const inode = statSync(store.pathOf(first.sha256)).ino;
    const second = await store.put(Uint8Array.from(samplePdf()));
    expect(second).toEqual({ ...first, created: false });
    expect(statSync(store.pathOf(first.sha256)).ino).toBe(inode);
    expect(files()).toHaveLength(1);
  });

  it('reports "created" for exactly one of concurrent puts of the same content', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => store.put(samplePng())));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(files()).toHaveLength(1);
  });

  it('writes files 0600 in folders 0700, whatever the umask', async () => {
    const umask = process.umask(0o022);
    try {
      const { sha256 } = await store.put(samplePdf());
      expect(statSync(store.pathOf(sha256)).mode & 0o777).toBe(0o600);
      expect(statSync(join(root, sha256.slice(0, 2))).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(umask);
    }
  });

  it.each([
    '',
    'abc',
    'A'.repeat(64),
    `${'a'.repeat(63)}g`,
    `../${'a'.repeat(61)}`,
    `${'a'.repeat(64)}/`,
    `..%2F..%2F${'a'.repeat(54)}`,
    `%2e%2e%2f${'a'.repeat(55)}`,
    `..\\${'a'.repeat(60)}`,
    `${'a'.repeat(64)}\0`,
    `/etc/passwd`,
  ])('refuses the hash "%s"', async (bad) => {
    expect(() => store.pathOf(bad)).toThrow('SHA-256');
    await expect(store.read(bad)).rejects.toThrow('SHA-256');
    await expect(store.has(bad)).rejects.toThrow('SHA-256');
    await expect(store.remove(bad)).rejects.toThrow('SHA-256');
  });

  it('leaves no temporary files behind, even when a write fails', async () => {
    const pdf = await store.put(samplePdf());
    const png = sha(samplePng());
    // A folder holding the PNG's final name makes the last step, the rename, fail.
    mkdirSync(store.pathOf(png), { recursive: true });
    writeFileSync(join(store.pathOf(png), 'x'), '');
    await expect(store.put(samplePng())).rejects.toThrow();
    expect(files()).toEqual([join(pdf.sha256.slice(0, 2), pdf.sha256), join(png.slice(0, 2), png, 'x')].sort());
    rmSync(store.pathOf(png), { recursive: true });
    expect(await store.put(samplePng())).toMatchObject({ sha256: png, created: true });
    expect(files()).toEqual([join(pdf.sha256.slice(0, 2), pdf.sha256), join(png.slice(0, 2), png)].sort());
  });

  it('removes a file, and its folder once empty, to roll back a failed transaction', async () => {
    const { sha256 } = await store.put(samplePng());
    await store.remove(sha256);
    expect(await store.has(sha256)).toBe(false);
    expect(existsSync(join(root, sha256.slice(0, 2)))).toBe(false);
    await expect(store.remove(sha256)).resolves.toBeUndefined();
  });
});
