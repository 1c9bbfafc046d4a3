import { api } from '../../shared/api/api-client';
import { postForDownload } from '../api/download';

export type HoldableRecord = 'tips' | 'cases';
/** What an evidence package can be made of: a legal-holdable record, or a duplicate cluster of tips. */
export type ExportableRecord = HoldableRecord | 'clusters';

/** `GET/POST /api/{tips|cases}/:id/legal-hold` (the shape of apps/api/src/records/legal-hold). */
export interface LegalHoldView {
  hold: boolean;
  since: string | null;
  by: { id: string; displayName: string } | null;
  reason: string | null;
}

/** `GET/PUT /api/records/retention-policy` (ADMIN). */
export interface RetentionPolicyView {
  notActionableDays: number;
  closedDays: number;
  agency: { notActionableDays: number | null; closedDays: number | null };
  defaults: { notActionableDays: number; closedDays: number };
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string } | null;
}

const holdPath = (kind: HoldableRecord, id: string) => `/api/${kind}/${encodeURIComponent(id)}/legal-hold`;

export const legalHoldKey = (kind: HoldableRecord, id: string) => ['desk', 'legal-hold', kind, id] as const;
export const fetchLegalHold = (kind: HoldableRecord, id: string, signal?: AbortSignal) =>
  api.get<LegalHoldView>(holdPath(kind, id), { signal });
export const setLegalHold = (kind: HoldableRecord, id: string, hold: boolean, reason: string) =>
  api.post<LegalHoldView>(holdPath(kind, id), { hold, reason });

const exportPath = (kind: ExportableRecord, id: string) =>
  kind === 'clusters'
    ? `/api/tips/clusters/${encodeURIComponent(id)}/evidence-export`
    : `/api/${kind}/${encodeURIComponent(id)}/evidence-export`;

export const exportEvidence = (kind: ExportableRecord, id: string, reason: string, includeContact: boolean) =>
  postForDownload(
    exportPath(kind, id),
    includeContact ? { reason, includeContact } : { reason },
    `evidence-${id}.zip`,
  );

export const openSealedOriginal = (tipId: string, mediaId: string, reason: string) =>
  postForDownload(
    `/api/tips/${encodeURIComponent(tipId)}/media/${encodeURIComponent(mediaId)}/original`,
    { reason },
    `original-${mediaId}`,
  );

export const RETENTION_KEY = ['desk', 'retention-policy'] as const;
export const fetchRetentionPolicy = (signal?: AbortSignal) =>
  api.get<RetentionPolicyView>('/api/records/retention-policy', { signal });
export const saveRetentionPolicy = (body: { notActionableDays: number | null; closedDays: number | null }) =>
  api.put<RetentionPolicyView>('/api/records/retention-policy', body);
