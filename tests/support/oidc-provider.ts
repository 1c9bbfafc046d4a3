import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface ProviderClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface TestProvider {
  issuer: string;
  /** Who signs in at the provider's next login prompt. */
  nextLogin(sub: string): Promise<void>;
  /** Changes a person's claims at the provider (their groups, as an IT department would). */
  setAccount(sub: string, claims: ProviderAccount): Promise<void>;
  stop(): Promise<void>;
}

/** Starts oidc-provider (tests/support/oidc-provider-server.mjs) on a free loopback port. */
export async function startProvider(
  clients: ProviderClient[],
  accounts: Record<string, ProviderAccount>,
): Promise<TestProvider> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_PORT: String(port),
      OIDC_CLIENTS: JSON.stringify(clients),
      OIDC_ACCOUNTS: JSON.stringify(accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('listening at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (output += d));
    child.once('exit', () => reject(new Error(`provider exited:\n${output}`)));
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    nextLogin: async (sub) => {
      const res = await fetch(`${issuer}/test/next-login`, { method: 'POST', body: JSON.stringify({ sub }) });
      if (res.status !== 204) throw new Error(`next-login: ${res.status}`);
    },
    setAccount: async (sub, claims) => {
      const res = await fetch(`${issuer}/test/account`, {
        method: 'POST',
        body: JSON.stringify({ sub, claims }),
      });
      if (res.status !== 204) throw new Error(`account: ${res.status}`);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
