import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { STAFF_PROFILE_KEY } from '../../api/auth.api';
import { TIPS_KEY, tipKey } from '../api/tips.api';

/** What the desk listens to on `GET /api/events`. */
export const LIVE_EVENT_TYPES = [
  'tip.received',
  'tip.updated',
  'tip.message',
  'tip.media_ready',
  'tip.media_added',
  'reward.claimed',
  'reward.updated',
] as const;

export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
export interface LiveTipEvent {
  type: LiveEventType;
  tipId?: string;
}

/** Pages that want to say something about a live event (the inbox announces new tips) listen here. */
export const liveTipEvents = new EventTarget();

/**
 * One EventSource for the whole desk. It reconnects by itself and sends Last-Event-ID, so the API replays
 * what was missed. Each event refreshes what the desk shows of tips; nothing moves the keyboard focus.
 */
export function useLiveEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const listeners = LIVE_EVENT_TYPES.map((type) => {
      const listener = (message: MessageEvent<string>) => {
        let tipId: string | undefined;
        try {
          tipId = (JSON.parse(message.data) as { tipId?: string }).tipId;
        } catch {
          tipId = undefined;
        }
        // A new tip changes the lists only; a change to a tip, the lists and that tip (not every open one).
        void queryClient.invalidateQueries({ queryKey: [...TIPS_KEY, 'inbox'] });
        if (type !== 'tip.received') {
          if (tipId) void queryClient.invalidateQueries({ queryKey: tipKey(tipId) });
          void queryClient.invalidateQueries({
            predicate: ({ queryKey: [root, feature, part] }) =>
              root === TIPS_KEY[0] && feature === TIPS_KEY[1] && part !== 'one',
          });
        }
        liveTipEvents.dispatchEvent(new CustomEvent<LiveTipEvent>('live', { detail: { type, tipId } }));
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    // A stream that fails may mean the session is over (signed out elsewhere, disabled by an admin: the
    // API closes the stream and refuses the reconnection). Asking who we are settles it: a 401 there
    // takes the desk to the sign-in page within seconds; otherwise EventSource reconnects by itself.
    const checkSession = () => void queryClient.invalidateQueries({ queryKey: STAFF_PROFILE_KEY });
    source.addEventListener('error', checkSession);
    return () => {
      source.removeEventListener('error', checkSession);
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [enabled, queryClient]);
}
