import { AtpAgent } from '@atproto/api';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

/**
 * A real local Bluesky network for the tests (bluesky-network-server.mjs, in its own process):
 * @atproto/dev-env's PLC directory, PDS and AppView on loopback. The AppView keeps its index in a
 * database of this test run's embedded Postgres and needs Redis: a `redis-server` (Debian) started
 * here on a free port, saving nothing.
 */
export interface BlueskyNetwork {
  /** The PDS the agency's and the citizens' accounts live on. */
  pdsUrl: string;
  /** Creates an account on the PDS; its password signs in as an app password does. */
  createAccount(name: string): Promise<{ handle: string; password: string; did: string }>;
  /** Waits until the AppView has indexed everything the PDS wrote (replies become notifications). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Resolves with the first line of the child's stdout that `match` accepts. */
function lineFrom(child: ChildProcess, match: (line: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find(match);
      if (line !== undefined) {
        child.stdout!.off('data', onData);
        resolve(line);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${seen}`)));
  });
}

async function startRedis(): Promise<{ host: string; child: ChildProcess }> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await lineFrom(child, (l) => l.includes('Ready to accept connections'), 'redis-server');
  return { host: `127.0.0.1:${port}`, child };
}

export async function startBlueskyNetwork(): Promise<BlueskyNetwork> {
  const pgUrl = process.env.VIGIE_TEST_PG_URL;
  if (!pgUrl) throw new Error('VIGIE_TEST_PG_URL is unset: run through jest --selectProjects api');
  const name = `bsky_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: pgUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const redis = await startRedis();
  const child = spawn(process.execPath, [join(__dirname, 'bluesky-network-server.mjs')], {
    env: {
      ...process.env,
      DB_POSTGRES_URL: pgUrl.replace(/\/[^/]*$/, `/${name}`),
      REDIS_HOST: redis.host,
      LOG_ENABLED: 'false',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  const up = await lineFrom(child, (l) => l.startsWith('{'), 'the Bluesky network').catch((err: Error) => {
    redis.child.kill('SIGTERM');
    throw new Error(`${err.message}\n${errors}`);
  });
  const { pdsUrl } = JSON.parse(up) as { pdsUrl: string };
  return {
    pdsUrl,
    async createAccount(account: string) {
      const password = `pw-${randomBytes(6).toString('hex')}`;
      const handle = `${account}.test`;
      const agent = new AtpAgent({ service: pdsUrl });
      const res = await agent.createAccount({ email: `${account}@example.test`, handle, password });
      return { handle, password, did: res.data.did };
    },
    async settle() {
      const settled = lineFrom(child, (l) => l === 'settled', 'the Bluesky network');
      child.stdin!.write('settle\n');
      await settled;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      const redisExited = new Promise((resolve) => redis.child.once('exit', resolve));
      redis.child.kill('SIGTERM');
      await redisExited;
    },
  };
}
