import { randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The signing secret of sessions when JWT_SECRET is unset: random, kept under DATA_DIR (never in the
 * database), created at first start. Several processes sharing DATA_DIR may start at once: each writes a
 * whole draft and links it into place, the first link wins, and every process reads back the winner's
 * secret, so all of them accept each other's tokens.
 */
export function storedSessionSecret(dataDir: string): string {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'jwt-secret');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(draft, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, 'utf8').trim();
}
