import { defineErrors } from '../common/domain.exception';

export const identityError = defineErrors({
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong e-mail, password or code' },
  TOTP_REQUIRED: { status: 401, message: 'Enter the 6-digit code from your authenticator app' },
  TOTP_INVALID: {
    status: 400,
    message: 'That code is not valid; check the time on your device and try again',
  },
  SIGN_IN_THROTTLED: {
    status: 429,
    message: 'Too many sign-in attempts; wait a few minutes and try again',
  },
  TOTP_NOT_STARTED: { status: 409, message: 'Start TOTP enrolment first' },
  WEAK_PASSWORD: { status: 400, message: 'Choose another password' },
  LINK_UNKNOWN: { status: 404, message: 'This link is not valid. Ask your administrator for a new one.' },
  LINK_SPENT: {
    status: 410,
    message: 'This link has been used or has expired. Ask your administrator for a new one.',
  },
  ACCOUNT_NOT_FOUND: { status: 404, message: 'No account has this e-mail address' },
  STAFF_NOT_FOUND: { status: 404, message: 'No such person in your agency' },
  AGENCY_NOT_FOUND: { status: 404, message: 'No such agency' },
  EMAIL_TAKEN: { status: 409, message: 'Someone already has an account with this e-mail address' },
  SLUG_TAKEN: { status: 409, message: 'Another agency already uses this short name (slug)' },
  SMS_NUMBER_TAKEN: { status: 409, message: 'Another agency already receives text messages at this number' },
  BAD_TIME_ZONE: { status: 400, message: 'This time zone is not known; choose one like America/Toronto' },
  OWN_ADMIN_ROLE: {
    status: 409,
    message: 'You cannot remove your own administrator role; ask another administrator',
  },
  DISABLE_SELF: { status: 409, message: 'You cannot disable your own account; ask another administrator' },
  LAST_ADMIN: {
    status: 409,
    message: 'The agency must keep at least one active administrator: give the role to someone else first',
  },
  SESSION_NOT_FOUND: { status: 404, message: 'No such open session' },
  STAFF_DISABLED: { status: 409, message: 'This account is disabled: enable it first' },
});
