import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser on src/ with the project's rules (.dependency-cruiser.cjs). */
function cruise(): { violations: Violation[]; totalCruised: number } {
  const root = resolve(__dirname, '..');
  const out = execFileSync(
    process.execPath,
    [
      resolve(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return (JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } }).summary;
}

describe('architecture', () => {
  const { violations: found, totalCruised } = cruise();

  it('reads the whole source tree', () => {
    expect(totalCruised).toBeGreaterThan(50);
  });

  it.each([
    'core-knows-no-group',
    'pure-rules-stay-pure',
    'pure-rules-use-pure-rules',
    'groups-use-core-only',
    'platform-knows-no-domain',
    'core-knows-no-web',
    'web-uses-services',
    'no-circular',
  ])('holds: %s', (rule) => {
    expect(found.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`)).toEqual([]);
  });
});
