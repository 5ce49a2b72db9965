import { connect, type Socket } from 'node:net';

export interface HttpRequest {
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: Buffer;
}

interface Waiting {
  readonly resolve: (response: HttpResponse) => void;
  readonly reject: (error: Error) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const LINE_END = Buffer.from('\r\n');

/**
 * One keep-alive HTTP/1.1 connection to a server on 127.0.0.1 for the load bench, one request at a time: the
 * request written as one string, the answer read as its status and its body (by Content-Length or chunked).
 * The bench's connections and the server share the machine's cores, so the load generator is kept light: a
 * general client (undici's Pool) spent 110-155 µs of CPU per request here, this one 60-80 µs (same runs), and
 * that time is taken from the server being measured. Not a general client: no pipelining, no redirects, no TLS.
 */
export class HttpConnection {
  private socket?: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting?: Waiting;

  constructor(private readonly port: number) {}

  request(request: HttpRequest): Promise<HttpResponse> {
    if (this.waiting) return Promise.reject(new Error('one request at a time on a connection'));
    const socket = this.open();
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    let head = `${request.method} ${request.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n`;
    for (const [name, value] of Object.entries(request.headers ?? {})) head += `${name}: ${value}\r\n`;
    if (body) head += `content-length: ${body.length}\r\n`;
    return new Promise<HttpResponse>((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(body ? Buffer.concat([Buffer.from(`${head}\r\n`), body]) : `${head}\r\n`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): Socket {
    if (this.socket) return this.socket;
    const socket = connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    this.socket = socket;
    this.buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.parse();
    });
    const lost = (error?: Error) => {
      if (this.socket === socket) this.socket = undefined;
      this.fail(error ?? new Error('the server closed the connection'));
    };
    socket.on('error', lost);
    socket.on('close', () => lost());
    return socket;
  }

  /** Settles the waiting request once its whole answer is buffered. */
  private parse(): void {
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0 || !this.waiting) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    const chunked = /\r\ntransfer-encoding: *chunked/i.test(head);
    const start = end + HEADER_END.length;
    let body: Buffer | undefined;
    let next = start;
    if (length) {
      next = start + Number(length[1]);
      if (this.buffered.length >= next) body = this.buffered.subarray(start, next);
    } else if (chunked) {
      ({ body, next } = dechunk(this.buffered, start));
    } else {
      return this.fail(new Error(`an answer without a length: ${head.split('\r\n')[0]}`));
    }
    if (!body) return;
    const { resolve } = this.waiting;
    this.waiting = undefined;
    this.buffered = this.buffered.subarray(next);
    if (/\r\nconnection: *close/i.test(head)) this.close();
    resolve({ status, body });
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    this.close();
    waiting?.reject(error);
  }
}

/** A chunked body from `start`, or no body while it is not all there yet. */
function dechunk(buffer: Buffer, start: number): { body?: Buffer; next: number } {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const line = buffer.indexOf(LINE_END, at);
    if (line < 0) return { next: start };
    const size = parseInt(buffer.subarray(at, line).toString('latin1'), 16);
    const data = line + LINE_END.length;
    if (buffer.length < data + size + LINE_END.length) return { next: start };
    if (size === 0) return { body: Buffer.concat(parts), next: data + LINE_END.length };
    parts.push(buffer.subarray(data, data + size));
    at = data + size + LINE_END.length;
  }
}
