import { TipPriority, TipStatus } from '@vigie/common';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A tip as received. Holds no client address, user agent or cookie: there is nowhere to put one.
 * Contact details, when the tipster chose to give them, are encrypted (contactEnc); the keyed
 * hashes beside them let duplicates from the same person be found without reading them.
 */
@Entity('tip')
export class Tip {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'occurred_from', type: 'timestamptz', nullable: true })
  occurredFrom!: Date | null;

  @Column({ name: 'occurred_to', type: 'timestamptz', nullable: true })
  occurredTo!: Date | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ name: 'accuracy_m', type: 'real', nullable: true })
  accuracyM!: number | null;

  @Column({ type: 'text' })
  language!: 'fr' | 'en';

  @Column({ name: 'contact_enc', type: 'text', nullable: true, select: false })
  contactEnc!: string | null;

  @Column({ name: 'contact_phone_key', type: 'text', nullable: true })
  contactPhoneKey!: string | null;

  @Column({ name: 'contact_email_key', type: 'text', nullable: true })
  contactEmailKey!: string | null;

  @Column({ type: 'text' })
  status!: TipStatus;

  @Column({ type: 'text' })
  priority!: TipPriority;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'failed_sign_ins', type: 'int', select: false })
  failedSignIns!: number;

  @Column({ name: 'sign_in_locked_until', type: 'timestamptz', nullable: true, select: false })
  signInLockedUntil!: Date | null;
}
