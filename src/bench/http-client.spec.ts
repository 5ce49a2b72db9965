import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpConnection } from './http-client';

/** The load bench's client against a real node:http server on 127.0.0.1. */
describe('HttpConnection', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  let handle: (body: string, res: ServerResponse, url: string) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => handle(body, res, `${req.method} ${req.url} ${req.headers.authorization ?? ''}`));
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((r) => server.close(r)));

  it('sends the method, path, headers and body, and reads each answer on one kept-alive connection', async () => {
    handle = (body, res, url) => res.end(JSON.stringify({ url, body }));
    const http = new HttpConnection(port);
    const answers = [];
    for (const n of [1, 2, 3]) {
      const res = await http.request({
        method: 'PUT',
        path: `/items/${n}`,
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ text: `ção ${n}` }),
      });
      answers.push({ status: res.status, ...JSON.parse(res.body.toString()) });
    }
    expect(answers).toEqual(
      [1, 2, 3].map((n) => ({ status: 200, url: `PUT /items/${n} Bearer t`, body: `{"text":"ção ${n}"}` })),
    );
    expect(sockets.size).toBe(1);
    http.close();
  });

  it('reads a chunked answer written in pieces, and the status of an error', async () => {
    handle = (_body, res) => {
      res.statusCode = 409;
      res.write('primeira parte, ');
      setTimeout(() => res.end('segunda parte'), 20);
    };
    const http = new HttpConnection(port);
    const res = await http.request({ method: 'GET', path: '/' });
    expect(res.status).toBe(409);
    expect(res.body.toString()).toBe('primeira parte, segunda parte');
    http.close();
  });

  it('fails the request when the server drops the connection, and opens a new one for the next', async () => {
    handle = (_body, res) => res.socket?.destroy();
    const http = new HttpConnection(port);
    await expect(http.request({ method: 'GET', path: '/' })).rejects.toThrow('closed');
    handle = (_body, res) => res.end('ok');
    const res = await http.request({ method: 'GET', path: '/' });
    expect(res.body.toString()).toBe('ok');
    http.close();
  });
});
