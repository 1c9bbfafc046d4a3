import type { OneTimeLinkPurpose } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An invitation or password-reset link. Only the SHA-256 of its token is stored, so the table
 * cannot be turned back into working links. Used once, then `used_at` is set; a newer link for
 * the same person revokes the older ones.
 */
@Entity('staff_one_time_link')
export class OneTimeLink {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  purpose!: OneTimeLinkPurpose;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** A TOTP secret being enrolled as part of activation, encrypted with the deployment key. */
  @Column({ name: 'totp_pending_enc', type: 'text', nullable: true, select: false })
  totpPendingEnc!: string | null;
}
