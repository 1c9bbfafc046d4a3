import { Foundation1763700000000 } from './1763700000000-foundation';
import { Appeals1763700100000 } from './1763700100000-appeals';
import { Tips1763700200000 } from './1763700200000-tips';
import { Inbox1763700300000 } from './1763700300000-inbox';
import { SharedRateLimits1763700350000 } from './1763700350000-shared-rate-limits';
import { Dedupe1763700400000 } from './1763700400000-dedupe';
import { Records1763700500000 } from './1763700500000-records';
import { AgencyTimeZone1763700600000 } from './1763700600000-agency-time-zone';
import { UploadLocks1763700700000 } from './1763700700000-upload-locks';
import { ChallengeAttempts1763700800000 } from './1763700800000-challenge-attempts';
import { FollowUpSignInLocks1763701200000 } from './1763701200000-follow-up-sign-in-locks';
import { TipUploadReservations1763701210000 } from './1763701210000-tip-upload-reservations';
import { StaffAdministration1763701300000 } from './1763701300000-staff-administration';
import { AgencySso1763701400000 } from './1763701400000-agency-sso';
import { SubjectVocabularies1763701500000 } from './1763701500000-subject-vocabularies';
import { TipRewardTerms1763701500001 } from './1763701500001-tip-reward-terms';
import { TipChannel1763701800000 } from './1763701800000-tip-channel';
import { SmsChannel1763701800100 } from './1763701800100-sms-channel';
import { CallTakerRole1763702200000 } from './1763702200000-call-taker-role';
import { TipForwarding1763702300000 } from './1763702300000-tip-forwarding';
import { TipTipsterActivity1763702500000 } from './1763702500000-tip-tipster-activity';
import { Observables1763702600000 } from './1763702600000-observables';
import { PlayableMedia1763702700000 } from './1763702700000-playable-media';
import { SavedInboxViews1763702900000 } from './1763702900000-saved-inbox-views';
import { ObservableArrival1763703000000 } from './1763703000000-observable-arrival';
import { AlertSubscriptions1763703100000 } from './1763703100000-alert-subscriptions';
import { SocialAccounts1763703200000 } from './1763703200000-social-accounts';
import { SocialPosts1763703210000 } from './1763703210000-social-posts';
import { SocialArchive1763703220000 } from './1763703220000-social-archive';
import { ActivityPubActor1763703300000 } from './1763703300000-activitypub-actor';
import { ActivityPubSharedInbox1763703300001 } from './1763703300001-activitypub-shared-inbox';
import { SocialPostSending1763703500000 } from './1763703500000-social-post-sending';
import { SocialRetention1763704100000 } from './1763704100000-social-retention';
import { SocialTakedownRequested1763704100001 } from './1763704100001-social-takedown-requested';
import { SocialSweepIndexes1763704200000 } from './1763704200000-social-sweep-indexes';
import { Gazetteer1763704500000 } from './1763704500000-gazetteer';
import { FingerprintRevision1763704600000 } from './1763704600000-fingerprint-revision';
import { AlertDeliverySentOnly1763704700000 } from './1763704700000-alert-delivery-sent-only';
import { SocialPostAttention1763704837000 } from './1763704837000-social-post-attention';

/** Every migration, oldest first. A new one is written, read, reviewed, then listed here. */
export const MIGRATIONS = [
  Foundation1763700000000,
  Appeals1763700100000,
  Tips1763700200000,
  Inbox1763700300000,
  SharedRateLimits1763700350000,
  Dedupe1763700400000,
  Records1763700500000,
  AgencyTimeZone1763700600000,
  UploadLocks1763700700000,
  ChallengeAttempts1763700800000,
  FollowUpSignInLocks1763701200000,
  TipUploadReservations1763701210000,
  StaffAdministration1763701300000,
  AgencySso1763701400000,
  SubjectVocabularies1763701500000,
  TipRewardTerms1763701500001,
  TipChannel1763701800000,
  SmsChannel1763701800100,
  CallTakerRole1763702200000,
  TipForwarding1763702300000,
  TipTipsterActivity1763702500000,
  Observables1763702600000,
  PlayableMedia1763702700000,
  SavedInboxViews1763702900000,
  ObservableArrival1763703000000,
  AlertSubscriptions1763703100000,
  SocialAccounts1763703200000,
  SocialPosts1763703210000,
  SocialArchive1763703220000,
  ActivityPubActor1763703300000,
  ActivityPubSharedInbox1763703300001,
  SocialPostSending1763703500000,
  SocialRetention1763704100000,
  SocialTakedownRequested1763704100001,
  SocialSweepIndexes1763704200000,
  Gazetteer1763704500000,
  FingerprintRevision1763704600000,
  AlertDeliverySentOnly1763704700000,
  SocialPostAttention1763704837000,
];
