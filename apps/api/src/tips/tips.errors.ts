import { defineErrors } from '../common/domain.exception';

export const tipError = defineErrors({
  CHALLENGE_REQUIRED: {
    status: 400,
    message: 'The anti-robot check is missing; reload the form and try again',
  },
  CHALLENGE_FAILED: {
    status: 400,
    message: 'The anti-robot check failed or expired; reload the form and try again',
  },
  UNKNOWN_APPEAL: { status: 404, message: 'This appeal is not open for tips' },
  UNKNOWN_AGENCY: { status: 404, message: 'Choose the police service this tip is for' },
  TOO_MANY_FILES: { status: 400, message: 'Too many files for one tip' },
  TOTAL_TOO_LARGE: {
    status: 413,
    message: 'These files are too large together; send the rest in a follow-up',
  },
  BAD_CREDENTIALS: { status: 401, message: 'Wrong code or password' },
  LOCKED: { status: 429, message: 'Too many wrong passwords for this code; try again later' },
  TOKEN_INVALID: {
    status: 401,
    message: 'Your follow-up session has expired; sign in again with your code and password',
  },
  STALE_VERSION: { status: 409, message: 'Someone else changed this tip since you opened it' },
  ILLEGAL_TRANSITION: { status: 409, message: 'This tip cannot move to that status from where it is' },
  UNKNOWN_STAFF: { status: 400, message: 'No such staff member in your agency' },
  ASSIGNEE_UNAVAILABLE: {
    status: 400,
    message: 'This colleague cannot be given tips: their account is disabled or their role cannot triage',
  },
  NOTHING_TO_CHANGE: { status: 400, message: 'Say what to change: a status, an assignee or tags' },
  REWARD_NOT_OFFERED: { status: 409, message: 'There is no reward on this appeal' },
  REWARD_EXPIRED: { status: 409, message: 'The reward has expired and can no longer be claimed' },
  REWARD_ALREADY_CLAIMED: { status: 409, message: 'A claim was already made for this tip' },
  CLAIM_NOT_PENDING: { status: 409, message: 'This claim has already been decided' },
  CLAIM_NOT_APPROVED: { status: 409, message: 'Only an approved claim can be marked as paid' },
  INFORMATION_COPY: {
    status: 409,
    message:
      'This is an information copy from another agency: the tipster and their originals stay with that agency',
  },
  // A call-taker's call-back: not 401, which on a staff route means the session has ended.
  CALL_BACK_BAD_CREDENTIALS: { status: 400, message: 'Wrong code or passphrase: check them with the caller' },
  CALL_BACK_ENDED: {
    status: 400,
    message: 'This call-back has ended; enter the caller’s code and passphrase again',
  },
  VIEW_NAME_TAKEN: { status: 409, message: 'You already have a view with this name' },
  TOO_MANY_VIEWS: {
    status: 409,
    message: 'You have as many saved views as a person may keep; delete one first',
  },
  NOTHING_TO_CHANGE_VIEW: { status: 400, message: 'Say what to change: a name or filters' },
  TIP_CLOSED: { status: 409, message: 'This tip is closed; if you have new information, send a new tip' },
});
