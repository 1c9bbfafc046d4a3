import type { AppealContentDto, LastSeenDto, RewardDto, SubjectDto, VehicleDto } from '../dtos/appeal.dto';
import type { LocalizedTextDto } from '../dtos/localized-text.dto';
import type {
  AppealKind,
  AppealOutcome,
  AppealStatus,
  AppealUpdateKind,
  AppealUpdateState,
  RevisionState,
} from '../enums/appeal.enum';

export type LocalizedText = LocalizedTextDto;
export type AppealContent = AppealContentDto;

export interface RenditionFiles {
  width: number;
  height: number;
  /** URL per format; browsers pick with <picture>. */
  avif: string;
  webp: string;
  jpeg: string;
}

export interface AppealImage {
  id: string;
  isComposite: boolean;
  alt?: LocalizedText;
  thumb: RenditionFiles;
  card: RenditionFiles;
  full: RenditionFiles;
}

export interface AppealUpdate {
  id: string;
  kind: AppealUpdateKind;
  text: LocalizedText;
  publishedAt: string;
}

export interface PublicAgency {
  name: string;
  slug: string;
}

/** A police service in `GET /api/public/agencies`: where a tip that answers no appeal can go. */
export interface PublicAgencyEntry extends PublicAgency {
  /** The number for tips by phone, when the service publishes one. */
  publicPhone: string | null;
}

/** One card in the public list. Both languages travel; the portal shows the reader's, or the other. */
export interface PublicAppealSummary {
  slug: string;
  kind: AppealKind;
  status: AppealStatus.PUBLISHED | AppealStatus.RESOLVED;
  outcome?: AppealOutcome;
  title: LocalizedText;
  summary: LocalizedText;
  thumbnail?: AppealImage;
  reward?: Pick<RewardDto, 'amount' | 'currency' | 'expiresAt'>;
  agency: PublicAgency;
  publishedAt: string;
  updatedAt: string;
}

export interface PublicAppealList {
  items: PublicAppealSummary[];
}

/** Exactly what the public sees of an appeal: the current published version plus its updates. */
export interface PublicAppeal extends PublicAppealSummary {
  body?: LocalizedText;
  caution?: LocalizedText;
  subjects: SubjectDto[];
  vehicles: VehicleDto[];
  lastSeen?: LastSeenDto;
  reward?: RewardDto;
  expiresAt?: string;
  images: AppealImage[];
  resolution?: { outcome: AppealOutcome; note?: LocalizedText; resolvedAt: string };
  updates: AppealUpdate[];
  versionNo: number;
  links: { page: string; poster: string; socialImage: string; cap?: string; tipForm: string };
}

/**
 * What approving the revision in review would publish, before it does (`GET /api/appeals/:id/preview`),
 * made by the code that makes the real outputs from the version approval would store.
 */
export interface AppealPreview {
  /** The public page's data once approved (`GET /api/public/appeals/:slug`), with its public image URLs. */
  appeal: PublicAppeal;
  /** The appeal's entry in the RSS, Atom and JSON feeds, in each language. */
  feed: Record<'fr' | 'en', { title: string; summary: string; link: string }>;
  /** The CAP 1.2 message alerting systems would receive; null for a kind that sends none. */
  cap: string | null;
  /** Staff URL of the share card image made from the pending version. */
  socialCard: string;
}

export interface PublishedVersionSummary {
  versionNo: number;
  publishedAt: string;
  approvedBy: string | null;
  reason: 'APPROVED' | 'RESOLVED';
}

export interface StaffAppealUpdate extends Omit<AppealUpdate, 'publishedAt'> {
  state: AppealUpdateState;
  authorId: string;
  createdAt: string;
  publishedAt?: string;
  rejectionReason?: string;
}

/** What the desk sees: the working copy, the live version beside it, and the history. */
export interface StaffAppeal {
  id: string;
  slug: string;
  kind: AppealKind;
  status: AppealStatus;
  /** Optimistic-lock version of the record; send it back when editing. */
  version: number;
  revisionState?: RevisionState;
  draft?: AppealContent;
  /** Who has edited the working copy since it was last published; none of them may approve it. */
  draftEditors: string[];
  rejectionReason?: string;
  live?: { versionNo: number; content: AppealContent; publishedAt: string; approvedBy: string | null };
  outcome?: AppealOutcome;
  versions: PublishedVersionSummary[];
  updates: StaffAppealUpdate[];
  images: (AppealImage & { sha256: string })[];
  createdAt: string;
  updatedAt: string;
}
