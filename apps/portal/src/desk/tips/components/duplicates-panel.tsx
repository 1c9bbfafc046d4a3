import type { ClusterPeerView, DuplicateReason, DuplicatesView, TipDetail } from '@vigie/common';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { EvidenceExportButton } from '../../records/evidence-export-button';
import { TIPS_KEY } from '../api/tips.api';
import { useDuplicates, useTipsWrite } from '../hooks/use-tips';
import {
  decisionErrorMessage,
  planPanelDecision,
  sendDecision,
  type DecisionKind,
  type DecisionPlan,
  type PanelTip,
} from './duplicate-decision';
import { DuplicateDecisionDialog, firstWords } from './duplicate-decision-dialog';
import { isTypingTarget } from './inbox-keys';
import { KeyHint } from './key-hint';

/** The parts of places the API compared ("municipality laval", "exit 73"), named in the desk's language. */
const PLACE_PARTS = ['municipality', 'street', 'number', 'highway', 'exit'] as const;
const isPlacePart = (kind: string): kind is (typeof PLACE_PARTS)[number] =>
  (PLACE_PARTS as readonly string[]).includes(kind);

function placePartsText(t: TFunction, parts: string[]): string {
  return parts
    .map((part) => {
      const [kind, ...value] = part.split(' ');
      return isPlacePart(kind) ? t(`desk.dupes.placePart.${kind}`, { value: value.join(' ') }) : part;
    })
    .join(', ');
}

/** Streets the API read of two kinds ("street rue st jean / boulevard st jean"), each kind in the desk's language. */
const STREET_KINDS = [
  'rue',
  'avenue',
  'boulevard',
  'chemin',
  'route',
  'montee',
  'rang',
  'drive',
  'lane',
  'promenade',
  'parkway',
  'croissant',
  'place',
  'terrasse',
] as const;
const isStreetKind = (kind: string): kind is (typeof STREET_KINDS)[number] =>
  (STREET_KINDS as readonly string[]).includes(kind);

function streetKindsText(t: TFunction, streets: string): string {
  return streets
    .replace(/^street /, '')
    .split(' / ')
    .map((street) => {
      const [kind, ...name] = street.split(' ');
      return isStreetKind(kind) ? `${t(`desk.dupes.streetKind.${kind}`)} ${name.join(' ')}` : street;
    })
    .join(' / ');
}

function reasonText(t: TFunction, reason: DuplicateReason): string {
  const percent = (value?: number) => Math.round((value ?? 0) * 100);
  switch (reason.signal) {
    case 'TEXT':
      if (reason.placeDiffered?.length)
        return t('desk.dupes.reason.TEXT_OTHER_PLACE', {
          percent: percent(reason.similarity),
          parts: placePartsText(t, reason.placeDiffered),
        });
      return t(reason.elsewhere ? 'desk.dupes.reason.TEXT_ELSEWHERE' : 'desk.dupes.reason.TEXT', {
        percent: percent(reason.similarity),
      });
    case 'PLACE_TIME':
      if ('metres' in reason)
        return t(
          reason.placedBy?.length ? 'desk.dupes.reason.PLACE_TIME_PLACED' : 'desk.dupes.reason.PLACE_TIME',
          {
            metres: Math.round(reason.metres),
            minutes: reason.minutes ?? 0,
            places: reason.placedBy?.join(', '),
          },
        );
      // One street's name on two kinds of street ("rue Saint-Jean" / "boulevard Saint-Jean"): the
      // API counts it as barely alike, and the desk must not call it the same place.
      if (reason.placeWeakened?.length)
        return t('desk.dupes.reason.PLACE_NAME_OTHER_KIND', {
          minutes: reason.minutes ?? 0,
          streets: reason.placeWeakened.map((streets) => streetKindsText(t, streets)).join(', '),
        });
      return reason.placeMatched?.length
        ? t('desk.dupes.reason.PLACE_NAME_PARTS', {
            percent: percent(reason.placeSimilarity),
            minutes: reason.minutes ?? 0,
            parts: placePartsText(t, reason.placeMatched),
          })
        : t('desk.dupes.reason.PLACE_NAME', {
            percent: percent(reason.placeSimilarity),
            minutes: reason.minutes ?? 0,
          });
    case 'CONTACT':
      return t('desk.dupes.reason.CONTACT');
    case 'EXACT_MEDIA':
      return t('desk.dupes.reason.EXACT_MEDIA');
    case 'NEAR_MEDIA':
      return t('desk.dupes.reason.NEAR_MEDIA');
    case 'OBSERVABLE':
      return t(reason.elsewhere ? 'desk.dupes.reason.OBSERVABLE_ELSEWHERE' : 'desk.dupes.reason.OBSERVABLE', {
        what: reason.shared
          .slice(0, 3)
          .map((one) => `${t(`desk.observables.kind.${one.kind}`).toLowerCase()} ${one.value}`)
          .join(t('desk.dupes.reason.and')),
      });
  }
}

/** The decisions' keys, as in the inbox's groups: m merges, d "not a duplicate", u unmerges. */
const KEYS: Record<string, DecisionKind> = { m: 'merge', d: 'separate', u: 'unmerge' };

/**
 * Likely duplicates of a tip, best first, with the reasons, and the tips it is merged with. Merging,
 * "not a duplicate" and unmerging each open the inbox's confirmation first, naming both tips, then go
 * as one request with the versions seen (`POST /api/tips/duplicates/decisions`, or `/unmerge`): a
 * tip changed meanwhile refuses it, the panel says so and shows the tips as they are now. With the
 * focus on a tip of the panel, m, d and u do what its buttons do. A merged tip can have its whole
 * cluster exported as one evidence package.
 */
export function DuplicatesPanel({ tip, canDecide }: { tip: TipDetail; canDecide: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const queryClient = useQueryClient();
  const dupes = useDuplicates(tip.id);
  const decision = useTipsWrite((plan: DecisionPlan) => sendDecision(plan));
  const [plan, setPlan] = useState<DecisionPlan | null>(null);
  const [done, setDone] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const suggestions = dupes.data?.suggestions ?? [];
  const cluster = dupes.data?.cluster ?? null;
  const open: PanelTip = { ...tip, clusterId: cluster?.id ?? null };

  const ask = (kind: DecisionKind, other: PanelTip, reason: DuplicateReason | null = null) => {
    if (!canDecide) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    decision.reset();
    setRefused(null);
    setPlan(planPanelDecision(kind, open, other, reason));
  };
  const close = (focus: 'opener' | 'heading') => {
    setPlan(null);
    const back = focus === 'opener' && opener.current?.isConnected ? opener.current : heading.current;
    // After the dialog has closed, so that its own return of focus does not undo this one.
    setTimeout(() => back?.focus(), 0);
  };
  const confirm = () => {
    if (!plan) return;
    decision.mutate(plan, {
      onSuccess: () => {
        const code = plan.kind === 'unmerge' ? plan.tips[0].tip.code : plan.target?.code;
        const other = plan.tips[0].tip.code;
        setDone(t(`desk.dupes.done.${plan.kind}`, { code, other }));
        close('heading');
      },
      onError: (error) => {
        // Someone decided or changed a tip meanwhile: say so, and show the tips as they are now.
        if (ApiError.isApiError(error) && error.statusCode === 409) {
          setRefused(decisionErrorMessage(t, error, 'desk.dupes.stale'));
          void queryClient.invalidateQueries({ queryKey: TIPS_KEY });
          close('heading');
        }
      },
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const kind = KEYS[event.key];
    if (!kind || !canDecide || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-decide]');
    const id = item?.dataset['decide'];
    const suggestion = suggestions.find((one) => one.tip.id === id);
    const peer = peerOf(cluster, id, tip);
    if (suggestion && kind !== 'unmerge') ask(kind, suggestion.tip, suggestion.reasons[0] ?? null);
    else if (peer && kind === 'unmerge') ask(kind, peer);
    else return;
    // The inbox's own m, d and u act on its groups: these keys were for this tip.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <section className="tip-card" aria-labelledby="tip-dupes-heading" onKeyDown={onKeyDown}>
      <h3 id="tip-dupes-heading" ref={heading} tabIndex={-1}>
        {t('desk.dupes.heading')}
      </h3>
      <p className="tip-dupes__done" role="status">
        {done}
      </p>
      {refused && (
        <Notice tone="error">
          <p>{refused}</p>
          <p>{t('desk.dupes.refreshed')}</p>
        </Notice>
      )}
      {cluster && <ClusterBlock tip={tip} cluster={cluster} canDecide={canDecide} onUnmerge={ask} />}
      {dupes.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, dupes.error)}</p>
        </Notice>
      ) : suggestions.length === 0 ? (
        <p className="tip-muted">{dupes.isPending ? t('common.loading') : t('desk.dupes.none')}</p>
      ) : (
        <ul className="tip-dupes" aria-label={t('desk.dupes.likely')}>
          {suggestions.map((suggestion) => (
            <li key={suggestion.tip.id} className="tip-dupes__item" data-decide={suggestion.tip.id}>
              <p className="tip-dupes__head">
                <Link to={`/desk/tips/${suggestion.tip.id}`}>{suggestion.tip.code}</Link>{' '}
                {t('desk.dupes.score', { percent: Math.round(suggestion.score * 100) })}
                {' · '}
                {formatDate(suggestion.tip.receivedAt, lang, true)}
              </p>
              <p className="tip-dupes__excerpt">{suggestion.tip.excerpt}</p>
              <ul className="tip-dupes__reasons" aria-label={t('desk.dupes.why')}>
                {suggestion.reasons.map((reason, index) => (
                  <li key={index}>{reasonText(t, reason)}</li>
                ))}
              </ul>
              {canDecide && (
                <div className="tip-controls">
                  <button
                    type="button"
                    className="button button--primary button--small"
                    aria-keyshortcuts="m"
                    onClick={() => ask('merge', suggestion.tip, suggestion.reasons[0] ?? null)}
                  >
                    {t('desk.dupes.confirm', { code: suggestion.tip.code })}
                    <KeyHint shortcut="m" />
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-keyshortcuts="d"
                    onClick={() => ask('separate', suggestion.tip, suggestion.reasons[0] ?? null)}
                  >
                    {t('desk.dupes.reject', { code: suggestion.tip.code })}
                    <KeyHint shortcut="d" />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <DuplicateDecisionDialog
        plan={plan}
        pending={decision.isPending}
        error={decision.isError ? decisionErrorMessage(t, decision.error, 'desk.dupes.stale') : null}
        onConfirm={confirm}
        onCancel={() => close('opener')}
      />
    </section>
  );
}

/** A tip of the open tip's cluster (or the open tip itself) as a decision names it. */
function peerOf(
  cluster: DuplicatesView['cluster'],
  id: string | undefined,
  tip: TipDetail,
): PanelTip | undefined {
  if (!cluster || !id) return undefined;
  const peer = id === tip.id ? tip : cluster.members.find((one) => one.id === id);
  return peer && { ...peer, clusterId: cluster.id };
}

/**
 * What the tip is merged with: into which tip (the primary), or which tips were merged into it, each
 * to be unmerged (confirmed first), and the whole cluster's evidence package.
 */
function ClusterBlock({
  tip,
  cluster,
  canDecide,
  onUnmerge,
}: {
  tip: TipDetail;
  cluster: NonNullable<DuplicatesView['cluster']>;
  canDecide: boolean;
  onUnmerge: (kind: 'unmerge', other: PanelTip) => void;
}) {
  const { t } = useTranslation();
  const isPrimary = cluster.primaryTipId === tip.id;
  const primary = cluster.members.find((one) => one.isPrimary);
  const others = cluster.members.filter((one) => one.id !== tip.id);
  const more = cluster.size - 1 - others.length;
  const unmerge = (peer: Pick<ClusterPeerView, 'id' | 'code' | 'excerpt' | 'version' | 'receivedAt'>) =>
    canDecide && (
      <button
        type="button"
        className="button button--secondary button--small"
        aria-keyshortcuts="u"
        onClick={() => onUnmerge('unmerge', { ...peer, clusterId: cluster.id })}
      >
        {t('desk.groups.unmerge', { code: peer.code })}
        <KeyHint shortcut="u" />
      </button>
    );
  return (
    <div className="tip-dupes__cluster">
      {/* u here unmerges the open tip; on the primary, only the tips merged into it are offered. */}
      <p className="tip-dupes__merged" data-decide={isPrimary ? undefined : tip.id}>
        {isPrimary ? (
          t('desk.dupes.primaryOf', { count: cluster.size - 1 })
        ) : (
          <>
            {t('desk.dupes.mergedInto')}{' '}
            {primary ? (
              <Link to={`/desk/tips/${primary.id}`}>{primary.code}</Link>
            ) : (
              t('desk.dupes.unknownPrimary')
            )}
          </>
        )}{' '}
        {t('desk.dupes.kept')}
      </p>
      {!isPrimary && canDecide && (
        <div className="tip-controls" data-decide={tip.id}>
          {unmerge(tip)}
        </div>
      )}
      <ul className="tip-dupes tip-dupes--merged" aria-label={t('desk.dupes.mergedList')}>
        {others.map((peer) => (
          <li key={peer.id} className="tip-dupes__item" data-decide={peer.id}>
            <p className="tip-dupes__head">
              <Link to={`/desk/tips/${peer.id}`}>{peer.code}</Link>
              {peer.isPrimary && <span className="tip-dupes__primary"> {t('desk.dupes.primary')}</span>}
            </p>
            <p className="tip-dupes__excerpt">{firstWords(peer.excerpt, 16)}</p>
            {canDecide && <div className="tip-controls">{unmerge(peer)}</div>}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="tip-muted">{t('desk.dupes.more', { count: more })}</p>}
      <EvidenceExportButton
        kind="clusters"
        id={cluster.id}
        label={t('desk.dupes.exportCluster')}
        title={t('desk.dupes.exportClusterTitle')}
      />
    </div>
  );
}
