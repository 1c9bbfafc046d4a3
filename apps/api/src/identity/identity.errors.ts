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
});
