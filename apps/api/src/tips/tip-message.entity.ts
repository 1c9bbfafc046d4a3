import { MessageAuthor } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The thread between the tipster and investigators. The tipster never sees which investigator wrote. */
@Entity('tip_message')
export class TipMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tip_id', type: 'uuid' })
  tipId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  author!: MessageAuthor;

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
