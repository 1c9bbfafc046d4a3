import { defineErrors } from '../../../../common/domain.exception';

export const activityPubError = defineErrors({
  NOT_FOUND: { status: 404, message: 'No such actor or note here' },
  BAD_RESOURCE: { status: 400, message: 'resource must be acct:user@host or an actor address' },
  UNSUPPORTED_TYPE: { status: 415, message: 'Deliveries are application/activity+json' },
  TOO_LARGE: { status: 413, message: 'The activity is too large' },
  UNSIGNED: { status: 401, message: 'Deliveries must carry an HTTP signature' },
  BAD_SIGNATURE: { status: 401, message: 'The HTTP signature does not verify' },
  BAD_DIGEST: { status: 401, message: 'The Digest does not match the body' },
  UNKNOWN_KEY: { status: 401, message: 'The signing key could not be fetched from its actor' },
  BAD_JSON: { status: 400, message: 'The body is not an ActivityStreams activity' },
  NOT_THE_SENDER: { status: 403, message: 'The activity names another actor than the one who signed it' },
  NOT_CONNECTED: { status: 404, message: 'This agency has no fediverse account yet' },
});
