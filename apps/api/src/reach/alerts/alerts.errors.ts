import { defineErrors } from '../../common/domain.exception';

export const alertError = defineErrors({
  UNKNOWN_AGENCY: { status: 400, message: 'Choose a police service from the list' },
  BAD_ENDPOINT: { status: 400, message: 'The push endpoint must be an https URL of a push service' },
  BAD_LINK: {
    status: 400,
    message: 'This link is not valid or has expired; subscribe again from the alerts page',
  },
  MAIL_FAILED: {
    status: 503,
    message: 'The confirmation e-mail could not be sent; try again in a few minutes',
  },
  NO_EMAIL: { status: 503, message: 'Alerts by e-mail are not available on this site' },
});
