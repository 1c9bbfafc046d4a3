import { MediaEvidence, MediaKind, MediaProcessingState } from '@vigie/common';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface StoredRendition {
  name: string;
  format: string;
  width?: number;
  height?: number;
  /** The copy of a video or recording that the desk plays (the clean copy, or a `play` copy). */
  playable?: true;
  /** Seconds, on a `play` copy cut short of a very long original. */
  durationS?: number;
  bytes: number;
  key: string;
}

/** One file a tipster sent: the sealed original's facts, then what processing made of it. */
@Entity('tip_media')
export class TipMedia {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'tip_id', type: 'uuid' })
  tipId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  kind!: MediaKind;

  @Column({ type: 'text' })
  mime!: string;

  @Column({ type: 'bigint' })
  bytes!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'from_tipster_at', type: 'timestamptz' })
  fromTipsterAt!: Date;

  @Column({ type: 'text' })
  state!: MediaProcessingState;

  @Column({ type: 'jsonb' })
  renditions!: StoredRendition[];

  @Column({ type: 'text', nullable: true })
  phash!: string | null;

  /** Capture time, GPS and device read from the original: for staff only, never public. */
  @Column({ type: 'jsonb', nullable: true })
  evidence!: MediaEvidence | null;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}

export const sealedTipMediaKey = (tipId: string, mediaId: string) => `sealed/tips/${tipId}/${mediaId}`;
export const tipRenditionKey = (tipId: string, mediaId: string, file: string) =>
  `renditions/tips/${tipId}/${mediaId}/${file}`;
