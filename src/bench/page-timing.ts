/** What the page benchmarks share: their arguments, signing in through the form, timing sequential requests. */

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The value at percentile `p` (0-100) of `xs` (undefined when `xs` is empty). */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Signs in through the form, as a browser without JavaScript: the cookies it then holds. */
export async function signIn(
  base: string,
  email: string,
  password: string,
): Promise<{ cookie: string; pairs: { name: string; value: string }[] }> {
  const form = await fetch(`${base}/entrar`);
  const csrfCookie = form.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const r = await fetch(`${base}/entrar`, {
    method: 'POST',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/inicio' }),
    redirect: 'manual',
  });
  const cookies = new Map(
    [csrfCookie, ...r.headers.getSetCookie().map((c) => c.split(';')[0])].map((c) => [c.split('=')[0], c]),
  );
  const pairs = [...cookies.values()].map((c) => ({ name: c.split('=')[0], value: c.slice(c.indexOf('=') + 1) }));
  return { cookie: [...cookies.values()].join('; '), pairs };
}

/** Milliseconds per request, sequential, after `warmUp` requests; and the response's size. */
export async function time(
  url: string,
  n: number,
  options: { cookie?: string; warmUp?: number } = {},
): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = 0;
  const get = async () => {
    const r = await fetch(url, { headers: options.cookie ? { cookie: options.cookie } : {} });
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    bytes = (await r.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < (options.warmUp ?? 10); i++) await get();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await get();
    times.push(performance.now() - t);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95), bytes };
}
