import { queryOptions } from '@tanstack/react-query';
import type { LegalHoldView, RetentionPolicyView } from '@vigie/common';
import { api } from '../../shared/api/api-client';
import { postForDownload } from '../api/download';

/** The path segment of a record a legal hold can keep: `/api/tips/…` or `/api/cases/…`. */
export type HoldableRecord = 'tips' | 'cases';
/** What an evidence package can be made of: a legal-holdable record, or a duplicate cluster of tips. */
export type ExportableRecord = HoldableRecord | 'clusters';

const holdPath = (kind: HoldableRecord, id: string) => `/api/${kind}/${encodeURIComponent(id)}/legal-hold`;

export const legalHoldKey = (kind: HoldableRecord, id: string) => ['desk', 'legal-hold', kind, id] as const;
export const fetchLegalHold = (kind: HoldableRecord, id: string, signal?: AbortSignal) =>
  api.get<LegalHoldView>(holdPath(kind, id), { signal });
/** The record's legal hold as the records section reads it (and the inbox fetches ahead of `j`). */
export const legalHoldQuery = (kind: HoldableRecord, id: string) =>
  queryOptions({
    queryKey: legalHoldKey(kind, id),
    queryFn: ({ signal }) => fetchLegalHold(kind, id, signal),
  });
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
export const saveRetentionPolicy = (body: {
  notActionableDays: number | null;
  closedDays: number | null;
  socialDays: number | null;
}) => api.put<RetentionPolicyView>('/api/records/retention-policy', body);
