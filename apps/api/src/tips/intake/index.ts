// What other features may use of intake: the text-message channel (channels/sms) hands its texts here.
export { SmsIntake, type InboundText, type TextOutcome } from './sms-intake.service';
// A reply or message received on a social account, made a tip by an investigator (reach/social/archive).
export { SocialIntake, type ReceivedSocialTip } from './social-intake.service';
