import { defineErrors } from '../../common/domain.exception';

export const smsError = defineErrors({
  SMS_DISABLED: { status: 404, message: 'Text-message tips are not enabled here' },
  BAD_SIGNATURE: { status: 403, message: 'The request is not signed by the SMS provider' },
  BAD_WEBHOOK: { status: 400, message: 'This is not a text message in the provider’s format' },
  UNKNOWN_NUMBER: { status: 404, message: 'No agency receives text messages at this number' },
  MEDIA_UNAVAILABLE: { status: 502, message: 'The provider did not hand over a file of this message' },
});
