import { defineErrors } from '../../common/domain.exception';

export const ssoError = defineErrors({
  SSO_NOT_AVAILABLE: {
    status: 404,
    message: 'This police service does not sign in with an organisation account',
  },
  SSO_NO_TRANSACTION: {
    status: 400,
    message: 'This sign-in has expired or was started in another browser; start again from the sign-in page',
  },
  SSO_STATE_MISMATCH: {
    status: 400,
    message: 'This answer from the sign-in provider does not belong to the sign-in started here; start again',
  },
  SSO_REJECTED: {
    status: 400,
    message:
      'The answer from the sign-in provider could not be verified; start again, or ask your administrator',
  },
  SSO_PROVIDER_ERROR: {
    status: 400,
    message: 'The sign-in provider did not sign you in; start again, or ask your administrator',
  },
  SSO_PROVIDER_UNREACHABLE: {
    status: 502,
    message: 'The sign-in provider cannot be reached; try again in a moment',
  },
  SSO_SECRET_REQUIRED: { status: 400, message: 'Enter the client secret the provider gave' },
  SSO_DISCOVERY_FAILED: {
    status: 422,
    message:
      'The provider’s configuration could not be read at that issuer URL (/.well-known/openid-configuration)',
  },
  PASSWORD_SIGN_IN_OFF: {
    status: 403,
    message:
      'Your police service signs in with its organisation account: use “Sign in with your organisation”',
  },
});
