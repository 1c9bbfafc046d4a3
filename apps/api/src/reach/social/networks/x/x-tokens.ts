/**
 * What an X account's sealed secret holds. X's OAuth 2.0 user access tokens expire after two
 * hours; with the `offline.access` scope the authorization also gives a refresh token, which
 * renews the pair (X rotates the refresh token: each one works once). Kept as JSON in the one
 * sealed secret, so it is sealed, opened and erased as every other network's secret is. A secret
 * that is not JSON is an access token connected without a refresh token (it lasts as long as X
 * lets it).
 */
export interface XTokens {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token expires (ISO 8601); null when unknown (as connected). */
  expiresAt: string | null;
  /** The X app's OAuth 2.0 client id, which the token endpoint asks for with the refresh token. */
  clientId: string | null;
}

export function xTokensOf(secret: string): XTokens {
  if (!secret.startsWith('{'))
    return { accessToken: secret, refreshToken: null, expiresAt: null, clientId: null };
  const parsed = JSON.parse(secret) as Partial<XTokens>;
  if (typeof parsed.accessToken !== 'string') throw new Error('The sealed X secret holds no access token');
  return {
    accessToken: parsed.accessToken,
    refreshToken: typeof parsed.refreshToken === 'string' ? parsed.refreshToken : null,
    expiresAt: typeof parsed.expiresAt === 'string' ? parsed.expiresAt : null,
    clientId: typeof parsed.clientId === 'string' ? parsed.clientId : null,
  };
}

export function xSecretOf(tokens: XTokens): string {
  return tokens.refreshToken ? JSON.stringify(tokens) : tokens.accessToken;
}
