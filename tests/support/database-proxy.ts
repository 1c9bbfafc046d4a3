import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between an app and its real Postgres, so that one test file can take "its" database
 * away without touching the cluster other files share:
 * - freeze(): bytes stop flowing both ways and new connections get no answer, as when the server
 *   is stopped (SIGSTOP) or cut off by the network; thaw() lets everything held through;
 * - cut(): every connection is closed and new ones are refused (ECONNREFUSED), as when the server
 *   is killed; restore() accepts connections again.
 */
export interface DatabaseProxy {
  /** The database URL to give the app: the same as the target, through the relay. */
  url: string;
  freeze(): void;
  thaw(): void;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket;
  toServer: Buffer[];
  toClient: Buffer[];
}

export async function startDatabaseProxy(targetUrl: string): Promise<DatabaseProxy> {
  const target = new URL(targetUrl);
  const pairs = new Set<Pair>();
  let frozen = false;
  let listener: Server | undefined;
  let port = 0;

  const accept = (client: Socket) => {
    const server = connect(Number(target.port), target.hostname);
    const pair: Pair = { client, server, toServer: [], toClient: [] };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('data', (d) => (frozen ? pair.toServer.push(d) : server.write(d)));
    server.on('data', (d) => (frozen ? pair.toClient.push(d) : client.write(d)));
    for (const s of [client, server]) {
      s.on('error', end);
      s.on('close', end);
    }
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(accept);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        listener = s;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = listener;
      listener = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  /** Stops accepting, and closes what is open (a closing server waits for its connections). */
  const dropAll = async () => {
    const closed = stopListening();
    for (const pair of [...pairs]) {
      pair.client.destroy();
      pair.server.destroy();
    }
    pairs.clear();
    await closed;
  };

  await listen();
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const pair of pairs) {
        for (const d of pair.toServer.splice(0)) pair.server.write(d);
        for (const d of pair.toClient.splice(0)) pair.client.write(d);
      }
    },
    cut: () => dropAll(),
    restore: () => listen(),
    close: () => dropAll(),
  };
}
