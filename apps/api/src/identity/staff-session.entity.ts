import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
 * this table cannot be replayed as sessions.
 */
@Entity('staff_session')
export class StaffSession {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** What the session is shown as (lists, revoke); the token's hash never leaves the server. */
  @Column({ type: 'uuid', insert: false, update: false })
  id!: string;

  /** Null for a platform operator's session. */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Refreshed at most once a minute by the requests the session makes. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
