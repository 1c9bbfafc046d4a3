// A real OpenID Connect provider (oidc-provider, a certified implementation) on loopback, for the
// SSO tests. Run as its own process: the package is ESM-only and Jest runs CommonJS.
// Environment: OIDC_PORT, OIDC_CLIENTS (JSON: oidc-provider client metadata), OIDC_ACCOUNTS (JSON:
// sub -> claims). The one thing a person would do here, choose who signs in, is set by the test
// with POST /test/next-login {"sub": "..."}, and a person's claims changed with POST /test/account;
// every other step is the provider's own protocol.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
let nextLogin = null;

const provider = new Provider(issuer, {
  clients: JSON.parse(process.env.OIDC_CLIENTS ?? '[]'),
  cookies: { keys: ['vigie-test-provider-cookie-key'] },
  pkce: { required: () => true },
  scopes: ['openid', 'offline_access', 'email', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  // Claims in the ID token itself, as Entra ID and Keycloak send groups.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) =>
    accounts[sub] ? { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) } : undefined,
  // First-party: consent is given once the person signs in (no consent screen).
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
});
provider.on('server_error', (_ctx, err) => process.stderr.write(`provider server_error: ${err.stack}\n`));

const callback = provider.callback();
const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (req.method === 'POST' && url.pathname === '/test/next-login') {
      let body = '';
      for await (const chunk of req) body += chunk;
      nextLogin = JSON.parse(body).sub;
      res.writeHead(204).end();
      return;
    }
    // What an administrator changes at the provider between two sign-ins (a person's groups).
    if (req.method === 'POST' && url.pathname === '/test/account') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { sub, claims } = JSON.parse(body);
      accounts[sub] = claims;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== 'login' || !nextLogin) {
        res.writeHead(400).end(`unexpected prompt ${details.prompt.name}`);
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: nextLogin } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    callback(req, res);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`oidc provider listening at ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
