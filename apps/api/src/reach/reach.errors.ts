import { defineErrors } from '../common/domain.exception';

export const reachError = defineErrors({
  SOCIAL_NETWORK_UNAVAILABLE: {
    status: 400,
    message: 'This deployment of Vigie cannot post to that network yet',
  },
  SOCIAL_ACCOUNT_EXISTS: {
    status: 409,
    message: 'An account is already connected on this network; disconnect it first',
  },
  SOCIAL_CREDENTIALS_REFUSED: {
    status: 422,
    message: 'The network refused these credentials: check the handle and the app password or token',
  },
  SOCIAL_NETWORK_UNREACHABLE: {
    status: 502,
    message: 'The network’s server did not answer; check its address or try again in a moment',
  },
  SOCIAL_ACCOUNT_HAS_LIVE_POSTS: {
    status: 409,
    message:
      'Posts of this account are still up and could no longer be taken down from Vigie once it is disconnected: take them down, or disconnect with leaveLivePosts=true',
  },
  SOCIAL_POST_NOT_RETRYABLE: {
    status: 409,
    message: 'Only a post that failed, or whose takedown failed, can be tried again',
  },
  SOCIAL_MESSAGE_NOT_RECEIVED: {
    status: 409,
    message: 'Only a reply, mention or message the agency received can become a tip',
  },
  SOCIAL_MESSAGE_ALREADY_TIP: { status: 409, message: 'This message is already a tip' },
  SOCIAL_ARCHIVE_CURSOR: { status: 400, message: 'Give the next value of the previous page' },
});
