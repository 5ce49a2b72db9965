import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Text files worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

interface Compressed {
  readonly br: Buffer;
  readonly gzip: Buffer;
}

async function readAll(payload: unknown): Promise<Buffer | null> {
  if (Buffer.isBuffer(payload)) return payload;
  if (typeof payload === 'string') return Buffer.from(payload);
  if (payload && typeof (payload as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of payload as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  return null;
}

/** The encoding the browser takes, preferring Brotli (smaller), or null for none. */
export function chosenEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name.trim().toLowerCase());
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
}

/**
 * The pages' static files (`prefix`), compressed once and kept in memory: the design system's stylesheet
 * alone is 700 KB, about 80 KB compressed, and a municipal connection is slow. Each file is compressed on its
 * first request and again only when it changes (its ETag).
 */
export function compressAssets(fastify: FastifyInstance, prefix: string): void {
  const cache = new Map<string, Compressed>();
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.url.startsWith(prefix) || reply.statusCode !== 200) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    const encoding = chosenEncoding(request.headers['accept-encoding'] as string | undefined);
    if (!COMPRESSIBLE.test(type)) return payload;
    void reply.header('vary', 'accept-encoding');
    if (!encoding) return payload;
    const key = `${request.url.split('?')[0]} ${String(reply.getHeader('etag') ?? '')}`;
    let compressed = cache.get(key);
    if (!compressed) {
      const bytes = await readAll(payload);
      if (!bytes) return payload;
      compressed = {
        br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        gzip: gzipSync(bytes, { level: 9 }),
      };
      cache.set(key, compressed);
    } else if (payload && typeof (payload as { destroy?: () => void }).destroy === 'function') {
      (payload as { destroy: () => void }).destroy();
    }
    reply.removeHeader('content-length');
    void reply.header('content-encoding', encoding);
    return compressed[encoding];
  });
}

/** Below this a page is sent as it is: compressing would save less than a packet. */
const SMALL_PAGE = 1400;

/**
 * Pages (HTML made per request) compressed on their way out, with settings fast enough for every request:
 * a diagnosis of a hundred items is about 270 KB of HTML and 30 KB compressed.
 */
export function compressPages(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    void reply.header('vary', 'accept-encoding');
    const encoding = chosenEncoding(request.headers['accept-encoding'] as string | undefined);
    if (!encoding || Buffer.byteLength(payload) < SMALL_PAGE) return payload;
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const compressed =
      encoding === 'br'
        ? await brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
        : await gzipAsync(bytes, { level: 6 });
    reply.removeHeader('content-length');
    void reply.header('content-encoding', encoding);
    return compressed;
  });
}
