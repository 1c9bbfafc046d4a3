import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RenditionSizes = Record<'thumb' | 'card' | 'full', { width: number; height: number }>;

/** A photo or composite sketch uploaded for an appeal: the sealed original's facts and its renditions. */
@Entity('appeal_image')
export class AppealImageRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  mime!: string;

  @Column({ type: 'bigint' })
  bytes!: string;

  @Column({ type: 'jsonb' })
  renditions!: RenditionSizes;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
