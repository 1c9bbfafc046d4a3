import { createHash } from 'node:crypto';

export interface TipFields {
  description?: string;
  [field: string]: string | undefined;
}

/** Builds the multipart body the tip form sends: fields, then files. */
export function tipForm(
  fields: TipFields,
  files: { data: Buffer; name: string; type?: string }[] = [],
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ agency: 'demo', ...fields })) if (v !== undefined) form.append(k, v);
  for (const f of files)
    form.append(
      'files',
      new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  return form;
}

/** Solves an ALTCHA v1 challenge the way the portal does: find n with sha256(salt + n) = challenge. */
export function solveChallenge(
  c: { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string },
  wrong = false,
): string {
  let n = 0;
  for (; n <= (c.maxnumber ?? 1_000_000); n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    )
      break;
  }
  const payload = {
    algorithm: c.algorithm,
    challenge: c.challenge,
    number: wrong ? n + 1 : n,
    salt: c.salt,
    signature: c.signature,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
