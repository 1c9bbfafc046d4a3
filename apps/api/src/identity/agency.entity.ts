import type { Locale } from '@vigie/common';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A police service. Every agency-owned row points here, and every query is scoped to one. */
@Entity('agency')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  /** When true, staff must enrol TOTP before they can do anything but enrol. */
  @Column({ name: 'require_totp', type: 'boolean', default: false })
  requireTotp!: boolean;

  /** When true, a PIO's updates to a published appeal go live without a supervisor's review. */
  @Column({ name: 'allow_pio_self_publish_updates', type: 'boolean', default: false })
  allowPioSelfPublishUpdates!: boolean;

  /** The number printed on posters and appeal pages for tips by phone. */
  @Column({ name: 'public_phone', type: 'text', nullable: true })
  publicPhone!: string | null;

  /** The number text-message tips are sent to (E.164), routing the SMS provider's webhook here. */
  @Column({ name: 'sms_number', type: 'text', nullable: true })
  smsNumber!: string | null;

  /** IANA time zone: where a tipster's "vers 14 h" happened. */
  @Column({ name: 'time_zone', type: 'text', default: 'UTC' })
  timeZone!: string;

  /** The languages the agency publishes in (fr, en); at least one. */
  @Column({ type: 'text', array: true, default: () => "ARRAY['fr','en']" })
  languages!: Locale[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
