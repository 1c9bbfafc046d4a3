import type { SocialNetwork } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SOCIAL_SECRET_CONTEXT = 'social_account.secret';

/**
 * An agency's official account on a network. Disconnecting erases the secret and keeps the row:
 * the posts sent and messages archived from it still name it.
 */
@Entity('social_account')
export class SocialAccount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  network!: SocialNetwork;

  @Column({ name: 'service_url', type: 'text' })
  serviceUrl!: string;

  @Column({ type: 'text' })
  handle!: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId!: string;

  /** Sealed with SecretBox (context SOCIAL_SECRET_CONTEXT); empty once disconnected. */
  @Column({ name: 'secret_enc', type: 'text', select: false })
  secretEnc!: string;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Where the last read of what the account received stopped (the network's cursor). */
  @Column({ name: 'received_cursor', type: 'text', nullable: true })
  receivedCursor!: string | null;

  @Column({ name: 'last_read_at', type: 'timestamptz', nullable: true })
  lastReadAt!: Date | null;

  @Column({ name: 'connected_by', type: 'uuid' })
  connectedBy!: string;

  @Column({ name: 'connected_at', type: 'timestamptz' })
  connectedAt!: Date;

  @Column({ name: 'disconnected_at', type: 'timestamptz', nullable: true })
  disconnectedAt!: Date | null;
}
