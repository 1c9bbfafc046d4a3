import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Tests only. Facebook and X cannot run here, so their clients are tested against RECORDED
 * CONTRACTS: JSON files (`contracts/*.json` beside each client) holding, for each call, the
 * request the network's API reference documents (method, path, fields) and the response it
 * documents for it, with ids and tokens replaced. This server answers each request with the next
 * recorded response, in order, and keeps what it received so the test can assert the request's
 * shape (method, path, Authorization header, body fields). It is a contract, not the network:
 * what it proves is that the client speaks the documented protocol and reads the documented
 * answers, success and failure alike.
 */

export interface RecordedExchange {
  /** What the client is expected to send: asserted by the test, not enforced here. */
  request: { method: string; path: string; note?: string };
  response: {
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
    /** Never answers: the client's deadline must fire (a timeout). */
    hang?: boolean;
  };
}

export interface RecordedContract {
  recordedContract: string;
  source: string;
  exchanges: RecordedExchange[];
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** JSON bodies parsed; multipart and urlencoded forms as their fields (files as their byte length and type). */
  json: unknown;
  form: Record<string, string | { bytes: number; type: string }> | null;
}

export interface ContractServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export function loadContract(path: string): RecordedContract {
  return JSON.parse(readFileSync(path, 'utf8')) as RecordedContract;
}

export async function serveContract(...contracts: RecordedContract[]): Promise<ContractServer> {
  const exchanges = contracts.flatMap((contract) => contract.exchanges);
  const received: ReceivedRequest[] = [];
  const hanging: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://contract');
      received.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        json: parseJson(req, raw),
        form: await parseForm(req, raw),
      });
      const exchange = exchanges[received.length - 1];
      if (!exchange) {
        res.writeHead(599, { 'content-type': 'application/json' }).end('{"contract":"no more exchanges"}');
        return;
      }
      if (exchange.response.hang) {
        hanging.push(req);
        return;
      }
      res.writeHead(exchange.response.status, {
        'content-type': 'application/json',
        ...exchange.response.headers,
      });
      res.end(exchange.response.body === undefined ? '' : JSON.stringify(exchange.response.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        hanging.forEach((req) => req.socket.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(req: IncomingMessage, raw: Buffer): unknown {
  if (!req.headers['content-type']?.startsWith('application/json') || raw.length === 0) return null;
  return JSON.parse(raw.toString('utf8')) as unknown;
}

async function parseForm(req: IncomingMessage, raw: Buffer): Promise<ReceivedRequest['form']> {
  const type = req.headers['content-type'];
  if (!type?.startsWith('multipart/form-data') && !type?.startsWith('application/x-www-form-urlencoded'))
    return null;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
  const fields: NonNullable<ReceivedRequest['form']> = {};
  form.forEach((value, name) => {
    fields[name] = typeof value === 'string' ? value : { bytes: value.size, type: value.type };
  });
  return fields;
}
