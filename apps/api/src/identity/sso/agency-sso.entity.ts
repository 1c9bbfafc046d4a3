import type { SsoGroupMapping } from '@vigie/common';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency's OpenID Connect provider (one per agency). */
@Entity('agency_sso')
export class AgencySso {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'text' })
  issuer!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  /** Sealed with SecretBox (context `agency_sso.client_secret`); never leaves the API. */
  @Column({ name: 'client_secret_enc', type: 'text', select: false })
  clientSecretEnc!: string;

  @Column({ type: 'text' })
  scopes!: string;

  @Column({ name: 'groups_claim', type: 'text' })
  groupsClaim!: string;

  @Column({ name: 'role_mapping', type: 'jsonb' })
  groupMappings!: SsoGroupMapping[];

  @Column({ name: 'password_sign_in', type: 'boolean' })
  passwordSignIn!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A provider's account (issuer + subject) linked to the staff member it signs in as. */
@Entity('sso_identity')
export class SsoIdentity {
  @PrimaryColumn({ type: 'text' })
  issuer!: string;

  @PrimaryColumn({ type: 'text' })
  subject!: string;

  @Column({ name: 'staff_user_id', type: 'uuid' })
  staffUserId!: string;

  @Column({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}

export const CLIENT_SECRET_CONTEXT = 'agency_sso.client_secret';
