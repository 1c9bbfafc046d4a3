import { StaffRole } from '@vigie/common';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';

@Entity('staff_user')
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null only for a platform operator, who belongs to no agency (the table's CHECK enforces it). */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  /** Stored lower-case; unique across agencies because sign-in asks only for the e-mail. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id, with its parameters in the encoded string. Null until the person activates (or after a reset). */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text', array: true })
  roles!: StaffRole[];

  /** The active TOTP secret, encrypted with the deployment key. */
  @Column({ name: 'totp_secret_enc', type: 'text', nullable: true, select: false })
  totpSecretEnc!: string | null;

  /** A secret being enrolled; it replaces the active one once a code from it is verified. */
  @Column({ name: 'totp_pending_enc', type: 'text', nullable: true, select: false })
  totpPendingEnc!: string | null;

  /** The last 30-second step accepted, so a code cannot be replayed. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep!: string | null;

  @Column({ name: 'totp_enabled', type: 'boolean', default: false })
  totpEnabled!: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** When the person first chose a password through their invitation; null while invited. */
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
