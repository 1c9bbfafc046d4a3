// What other features may use of intake: the text-message channel (channels/sms) hands its texts here.
export { SmsIntake, type InboundText, type TextOutcome } from './sms-intake.service';
