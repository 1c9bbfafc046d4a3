/** What the signals know about the tip being scored: its fingerprint row and its files. */
export interface TipProfile {
  tipId: string;
  agencyId: string;
  appealId: string | null;
  receivedAt: Date;
  textNorm: string;
  latitude: number | null;
  longitude: number | null;
  occurredAt: Date;
  phoneKey: string | null;
  emailKey: string | null;
  media: { id: string; sha256: string; phash: string | null }[];
}
