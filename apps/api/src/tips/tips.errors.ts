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
  TIP_CLOSED: { status: 409, message: 'This tip is closed; if you have new information, send a new tip' },
});
