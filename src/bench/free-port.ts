import { createServer } from 'node:net';

/**
 * A port for the engine that is free now and that the kernel never hands out to an outgoing connection: below
 * Linux's ephemeral range (32768-60999), where a port derived from the pid could collide with a socket of the
 * load's own connections or the database's.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
    if (attempt === 50) throw new Error('no free port found between 20000 and 32000');
  }
}
