import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPEAL_KIND_RULES,
  AppealImage,
  AppealImageRefDto,
  AppealStatus,
  AppealUpdate,
  normalizeSubjectDescription,
  onlyLanguage,
  PublicAppeal,
  PublicAppealSummary,
  PublicAppealsQueryDto,
} from '@vigie/common';
import { DataSource, In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { commonError, DomainException } from '../common/domain.exception';
import { AppealImageRecord } from './appeal-image.entity';
import { appealError } from './appeals.errors';
import { PublicSnapshot, showsUpdates } from './public-snapshot';

interface PublicRow {
  id: string;
  status: AppealStatus.PUBLISHED | AppealStatus.RESOLVED | AppealStatus.ARCHIVED;
  first_published_at: Date;
  published_at: Date;
  version_no: number;
  public: PublicSnapshot;
  time_zone: string;
}

interface UpdateRow {
  id: string;
  kind: AppealUpdate['kind'];
  text: AppealUpdate['text'];
  published_at: Date;
}

const PUBLIC_ROW_SQL = `
  SELECT a.id, a.status, a.first_published_at, v.published_at, v.version_no, v.public, ag.time_zone
    FROM appeal a JOIN appeal_version v ON v.id = a.current_version_id JOIN agency ag ON ag.id = a.agency_id`;

/** Still on show: not archived, and not past its expiry (an AMBER alert ends when it says it does). */
const ON_SHOW = `a.status IN ('PUBLISHED', 'RESOLVED')
  AND (v.public->'content'->>'expiresAt' IS NULL OR (v.public->'content'->>'expiresAt')::timestamptz > now())`;

/** Builds what the public sees from the current published versions. Never reads a draft. */
@Injectable()
export class PublicAppealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(query: PublicAppealsQueryDto): Promise<{ items: PublicAppealSummary[]; lastModified: Date }> {
    const params: unknown[] = [];
    let where = ON_SHOW;
    if (query.kind) {
      params.push(query.kind);
      where += ` AND a.kind = $${params.length}`;
    }
    if (query.q?.trim()) {
      // Accent- and case-insensitive: "montreal" finds "Montréal".
      params.push(`%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND unaccent(concat_ws(' ', v.public->'content'->'title'->>'fr', v.public->'content'->'title'->>'en',
        v.public->'content'->'summary'->>'fr', v.public->'content'->'summary'->>'en')) ILIKE unaccent($${params.length})`;
    }
    const rows: PublicRow[] = await this.dataSource.query(
      `${PUBLIC_ROW_SQL} WHERE ${where} ORDER BY (a.status = 'PUBLISHED') DESC, a.first_published_at DESC LIMIT 200`,
      params,
    );
    const images = await this.imagesOf(rows.flatMap((r) => (r.public.content.images ?? []).slice(0, 1)));
    const items = rows.map((r) => this.summary(r, images));
    const lastModified = rows.reduce((max, r) => (r.published_at > max ? r.published_at : max), new Date(0));
    return { items, lastModified };
  }

  /**
   * The appeal as the public sees it, and the agency's time zone (not part of what was published,
   * but how its notices write times: a poster says "8 h 30" as the people of that city read clocks).
   */
  async bySlug(slug: string): Promise<{ appeal: PublicAppeal; lastModified: Date; timeZone: string }> {
    const [row]: PublicRow[] = await this.dataSource.query(`${PUBLIC_ROW_SQL} WHERE a.slug = $1`, [slug]);
    if (!row) throw commonError('NOT_FOUND');
    if (row.status === AppealStatus.ARCHIVED) throw appealError('GONE');
    const expiresAt = row.public.content.expiresAt;
    if (expiresAt && new Date(expiresAt) <= new Date()) throw appealError('GONE');

    const updates = await this.publishedUpdates(row.id);
    // Updates about a person since found may name them or their health: they leave with the rest.
    if (!showsUpdates(row.public)) updates.length = 0;
    const images = await this.imagesOf(row.public.content.images ?? []);
    const lastModified = [row.published_at, ...updates.map((u) => u.published_at)].reduce((a, b) =>
      b > a ? b : a,
    );
    const appeal = this.present(row, images, updates);
    return { appeal, lastModified, timeZone: row.time_zone };
  }

  /**
   * The appeal as the public sees it now, by id, for what reach sends about it (alerts, posts);
   * null when the public may no longer see it (withdrawn, expired) or it was never published.
   */
  async publicById(appealId: string): Promise<PublicAppeal | null> {
    const [row]: { slug: string }[] = await this.dataSource.query(
      `SELECT slug FROM appeal WHERE id = $1 AND current_version_id IS NOT NULL`,
      [appealId],
    );
    if (!row) return null;
    try {
      return (await this.bySlug(row.slug)).appeal;
    } catch (err) {
      if (err instanceof DomainException && (err.status === 404 || err.status === 410)) return null;
      throw err;
    }
  }

  /** The public read of an appeal named by its id (reach posts what was published). */
  async byId(id: string): Promise<{ appeal: PublicAppeal; lastModified: Date; timeZone: string }> {
    const [row]: { slug: string }[] = await this.dataSource.query(`SELECT slug FROM appeal WHERE id = $1`, [
      id,
    ]);
    if (!row) throw commonError('NOT_FOUND');
    return this.bySlug(row.slug);
  }

  /**
   * What approving the working copy would put on the public page, feeds, CAP and card: the snapshot
   * approval would store, presented by the same code as a published version. Nothing is written.
   */
  async presentPending(pending: {
    id: string;
    snapshot: PublicSnapshot;
    versionNo: number;
    firstPublishedAt: Date | null;
    at: Date;
  }): Promise<PublicAppeal> {
    const row: PublicRow = {
      id: pending.id,
      // Approval publishes (a resolved appeal takes no revision).
      status: AppealStatus.PUBLISHED,
      first_published_at: pending.firstPublishedAt ?? pending.at,
      published_at: pending.at,
      version_no: pending.versionNo,
      public: pending.snapshot,
      time_zone: '',
    };
    const updates = showsUpdates(pending.snapshot) ? await this.publishedUpdates(pending.id) : [];
    const images = await this.imagesOf(pending.snapshot.content.images ?? []);
    return this.present(row, images, updates);
  }

  /** Every message an alerting system has seen for this appeal, oldest first: versions and published updates. */
  async capHistory(slug: string): Promise<{ identifier: string; sent: Date }[]> {
    const rows: { identifier: string; sent: Date }[] = await this.dataSource.query(
      `SELECT a.slug || '-v' || v.version_no AS identifier, v.published_at AS sent
         FROM appeal a JOIN appeal_version v ON v.appeal_id = a.id WHERE a.slug = $1
       UNION ALL
       SELECT a.slug || '-u' || left(u.id::text, 8), u.published_at
         FROM appeal a JOIN appeal_update u ON u.appeal_id = a.id WHERE a.slug = $1 AND u.state = 'PUBLISHED'
       ORDER BY sent`,
      [slug],
    );
    return rows;
  }

  /** The stored key of an image's rendition, for the social card. */
  async firstImageJpeg(appeal: PublicAppeal): Promise<string | null> {
    const first = appeal.images[0];
    return first ? `renditions/appeal-images/${first.id}/full.jpeg` : null;
  }

  /** Whether an image is on a page the public can see now; withdrawn photos stop being served. */
  async isImagePublic(imageId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM appeal a JOIN appeal_version v ON v.id = a.current_version_id
        WHERE a.id = (SELECT appeal_id FROM appeal_image WHERE id = $1) AND ${ON_SHOW}
          AND v.public->'content'->'images' @> jsonb_build_array(jsonb_build_object('id', $1::text))`,
      [imageId],
    );
    return !!row;
  }

  private publishedUpdates(appealId: string): Promise<UpdateRow[]> {
    return this.dataSource.query(
      `SELECT id, kind, text, published_at FROM appeal_update WHERE appeal_id = $1 AND state = 'PUBLISHED' ORDER BY published_at DESC`,
      [appealId],
    );
  }

  /** One version as the public reads it: the page, and what feeds, CAP, poster and card are made from. */
  private present(row: PublicRow, images: Map<string, AppealImage>, updates: UpdateRow[]): PublicAppeal {
    const refs = row.public.content.images ?? [];
    const { content } = row.public;
    const base = this.config.publicUrl;
    const slugPath = encodeURIComponent(row.public.slug);
    return {
      ...this.summary(row, images),
      body: content.body,
      caution: content.caution,
      // Published versions are kept as published: a description written before the vocabularies
      // is read into them here, in the language it was written in.
      subjects: content.subjects.map((s) => normalizeSubjectDescription(s, onlyLanguage(content.title))),
      vehicles: content.vehicles ?? [],
      lastSeen: content.lastSeen,
      reward: content.reward,
      expiresAt: content.expiresAt,
      images: refs.map((ref) => images.get(ref.id)).filter((i): i is AppealImage => !!i),
      resolution: row.public.resolution,
      updates: updates.map((u) => ({
        id: u.id,
        kind: u.kind,
        text: u.text,
        publishedAt: u.published_at.toISOString(),
      })),
      versionNo: row.version_no,
      links: {
        page: `${base}/appeals/${slugPath}`,
        poster: `${base}/appeals/${slugPath}/poster`,
        socialImage: `${base}/media/appeals/${slugPath}/social-v${row.version_no}.jpg`,
        cap: APPEAL_KIND_RULES[row.public.kind].cap ? `${base}/feeds/appeals/${slugPath}.cap.xml` : undefined,
        tipForm: `${base}/tips/new?appeal=${slugPath}`,
      },
    };
  }

  private summary(row: PublicRow, images: Map<string, AppealImage>): PublicAppealSummary {
    const { content } = row.public;
    const first = content.images?.[0];
    return {
      slug: row.public.slug,
      kind: row.public.kind,
      status: row.status as PublicAppealSummary['status'],
      outcome: row.public.resolution?.outcome,
      title: content.title,
      summary: content.summary,
      thumbnail: first ? images.get(first.id) : undefined,
      reward: content.reward && {
        amount: content.reward.amount,
        currency: content.reward.currency,
        expiresAt: content.reward.expiresAt,
      },
      agency: { name: row.public.agency.name, slug: row.public.agency.slug },
      publishedAt: row.first_published_at.toISOString(),
      updatedAt: row.published_at.toISOString(),
    };
  }

  private async imagesOf(refs: AppealImageRefDto[]): Promise<Map<string, AppealImage>> {
    if (refs.length === 0) return new Map();
    const records = await this.dataSource
      .getRepository(AppealImageRecord)
      .findBy({ id: In(refs.map((r) => r.id)) });
    const byId = new Map(records.map((r) => [r.id, r]));
    return new Map(
      refs.flatMap((ref) => {
        const record = byId.get(ref.id);
        return record ? [[ref.id, publicImage(ref, record)] as const] : [];
      }),
    );
  }
}

export function publicImage(
  ref: AppealImageRefDto,
  record: AppealImageRecord,
  base = '/media/appeal-images',
): AppealImage {
  const files = (name: 'thumb' | 'card' | 'full') => ({
    ...record.renditions[name],
    avif: `${base}/${record.id}/${name}.avif`,
    webp: `${base}/${record.id}/${name}.webp`,
    jpeg: `${base}/${record.id}/${name}.jpeg`,
  });
  return {
    id: record.id,
    isComposite: ref.isComposite,
    alt: ref.alt,
    thumb: files('thumb'),
    card: files('card'),
    full: files('full'),
  };
}
