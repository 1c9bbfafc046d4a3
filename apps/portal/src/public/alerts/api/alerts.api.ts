import type {
  AlertSetup,
  AlertSubscriptionReceipt,
  EmailAlertSubscriptionDto,
  PublicAgencyEntry,
  PushAlertSubscriptionDto,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/** Alerts are anonymous: no staff cookie travels with them. */
const anonymous = { credentials: 'omit' as const };

export const alertsApi = {
  setup: () => api.get<AlertSetup>('/api/public/alerts/setup', anonymous),
  agencies: () => api.get<PublicAgencyEntry[]>('/api/public/agencies', anonymous),
  subscribePush: (body: PushAlertSubscriptionDto) =>
    api.post<AlertSubscriptionReceipt>('/api/public/alerts/push', body, anonymous),
  subscribeEmail: (body: EmailAlertSubscriptionDto) =>
    api.post<AlertSubscriptionReceipt>('/api/public/alerts/email', body, anonymous),
  unsubscribe: (token: string) => api.post<void>('/api/public/alerts/unsubscribe', { token }, anonymous),
};
