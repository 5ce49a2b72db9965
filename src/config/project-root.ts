import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's folder (the one with package.json and assets/), found from where this file runs: `src/` under
 * ts-jest, `dist/` when built, or a test's own build folder.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'assets'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No project folder (package.json and assets/) above ${from}`);
    dir = parent;
  }
  return dir;
}
