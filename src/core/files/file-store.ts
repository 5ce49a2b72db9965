import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface PutResult {
  sha256: string;
  size: number;
  /** False when the same content was already stored: a rollback must then leave the file alone. */
  created: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Lowercase hex SHA-256, the only name a stored file has. */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** Readable by the engine's own user only: evidence is personal data of governments and migrants. */
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

/**
 * Files kept by the SHA-256 of their content at `<rootDir>/<first 2 hex>/<sha256>`. A file appears under
 * its name only once complete (written aside, synced, renamed), so a file found there is always whole.
 * Files are 0600 in 0700 folders.
 */
export class ContentAddressedStore {
  /** Puts in progress, so that of concurrent puts of the same bytes exactly one reports `created`. */
  private readonly writing = new Map<string, Promise<boolean>>();

  private readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = resolve(rootDir);
  }

  async put(bytes: Uint8Array): Promise<PutResult> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    for (let running = this.writing.get(sha256); running; running = this.writing.get(sha256)) {
      await running.catch(() => undefined);
    }
    const write = this.writeOnce(sha256, bytes);
    this.writing.set(sha256, write);
    try {
      return { sha256, size: bytes.byteLength, created: await write };
    } finally {
      this.writing.delete(sha256);
    }
  }

  async read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (e) {
      if (isCode(e, 'ENOENT')) return false;
      throw e;
    }
  }

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`Not a SHA-256 in lowercase hex: "${String(sha256).slice(0, 80)}"`);
    const path = resolve(this.rootDir, sha256.slice(0, 2), sha256);
    // A hex name cannot climb out; checked all the same, so that no later change to the layout can.
    if (!path.startsWith(this.rootDir + sep)) throw new Error(`Outside the file store: "${sha256}"`);
    return path;
  }

  /** Deletes a stored file (rolling back a failed transaction); its folder goes too once empty. */
  async remove(sha256: string): Promise<void> {
    const path = this.pathOf(sha256);
    await rm(path, { force: true });
    try {
      await rmdir(dirname(path));
    } catch (e) {
      if (!isCode(e, 'ENOTEMPTY', 'EEXIST', 'ENOENT')) throw e;
    }
  }

  private async writeOnce(sha256: string, bytes: Uint8Array): Promise<boolean> {
    if (await this.has(sha256)) return false;
    const target = this.pathOf(sha256);
    const dir = dirname(target);
    const temp = join(dir, `.${sha256}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await writeSynced(dir, temp, bytes);
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    await syncDirectory(dir);
    return true;
  }
}

async function writeSynced(dir: string, path: string, bytes: Uint8Array): Promise<void> {
  // A concurrent remove() may delete the folder, once empty, between mkdir and open: make it again.
  for (let attempt = 1; ; attempt++) {
    await mkdir(dir, { recursive: true, mode: FOLDER_MODE });
    try {
      const file = await open(path, 'wx', FILE_MODE);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      return;
    } catch (e) {
      if (!isCode(e, 'ENOENT') || attempt === 3) throw e;
    }
  }
}

/** Makes the rename itself durable (a POSIX need); Windows cannot open a folder to sync it. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException)?.code ?? '');
}
