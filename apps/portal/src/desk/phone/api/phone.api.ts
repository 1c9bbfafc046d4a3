import type {
  CallBackSession,
  CreateTipDto,
  FollowUpView,
  PublicAppealSummary,
  TipReceipt,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/** `POST /api/tips`: the caller's tip, for the staff member's agency (channel PHONE). */
export function recordPhoneTip(dto: CreateTipDto): Promise<TipReceipt> {
  return api.post<TipReceipt>('/api/tips', { ...dto, channel: 'PHONE' });
}

/**
 * The appeals a caller may be answering: those the public sees (a call-taker reads no drafts), of the
 * staff member's own agency.
 */
export async function fetchOpenAppeals(agencySlug: string): Promise<PublicAppealSummary[]> {
  const page = await api.get<{ items: PublicAppealSummary[] }>('/api/public/appeals');
  return page.items.filter((appeal) => appeal.agency.slug === agencySlug);
}

/** A call-back: opens the caller's thread with their code and passphrase (audited). */
export function openCallBack(code: string, password: string): Promise<CallBackSession> {
  return api.post<CallBackSession>('/api/tips/call-back', { code, password });
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

export function fetchCallBack(token: string): Promise<FollowUpView> {
  return api.get<FollowUpView>('/api/tips/call-back', bearer(token));
}

/** What the caller says, typed for them (audited with the staff member's name). */
export function postCallBackMessage(token: string, body: string): Promise<FollowUpView> {
  return api.post<FollowUpView>('/api/tips/call-back/messages', { body }, bearer(token));
}
