import { defineErrors } from '../../common/domain.exception';

/** What only the pages drawn without JavaScript refuse; everything else is the intake's and follow-up's. */
export const basicError = defineErrors({
  FORM_TOKEN_INVALID: { status: 400, message: 'This form is not valid; open a new one' },
  FORM_TOKEN_TOO_FRESH: { status: 400, message: 'Sent too soon after the form was opened' },
  FORM_TOKEN_USED: { status: 409, message: 'This form was already sent' },
  FORM_EXPIRED: { status: 400, message: 'This form was open too long; check it and send it again' },
  CROSS_SITE: { status: 403, message: 'This form must be sent from this site' },
  SESSION_MISMATCH: { status: 403, message: 'This follow-up page is out of date; open it again' },
  NOTHING_TO_SEND: { status: 400, message: 'Write a message or choose a file' },
  DATE_IN_FUTURE: { status: 400, message: 'This date is in the future' },
});
