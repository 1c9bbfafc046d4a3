import { StaffRole } from '@vigie/common';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';

@Entity('staff_user')
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  /** Stored lower-case; unique across agencies because sign-in asks only for the e-mail. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id, with its parameters in the encoded string. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
