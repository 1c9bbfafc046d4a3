import { defineErrors } from '../common/domain.exception';

export const forwardingError = defineErrors({
  UNKNOWN_AGENCY: {
    status: 400,
    message: 'No other agency on this platform receives tips under this id: choose one from the list',
  },
  SAME_AGENCY: { status: 400, message: 'This tip is already your agency’s: choose another agency' },
  ALREADY_FORWARDED: {
    status: 409,
    message: 'This tip was already sent to that agency, which has not opened it yet',
  },
  TRANSFER_REFUSED: { status: 409, message: 'This tip cannot be transferred; send an information copy' },
  FORWARD_OPENED: {
    status: 409,
    message: 'The other agency has already opened it: it can no longer be revoked; ask them instead',
  },
  FORWARD_REVOKED: { status: 409, message: 'This forward was already revoked' },
});

/** Why a transfer is refused (a copy is always possible): each would leave this agency's records pointing at a tip it can no longer read. */
export const TRANSFER_REFUSALS = {
  IN_CASE: 'It is linked to one of your cases: unlink it first, or send an information copy',
  MERGED: 'It is merged with other tips of yours as duplicates: send an information copy',
  REWARD_CLAIM: 'The tipster has claimed your appeal’s reward on it: send an information copy',
  TEXT_MESSAGE:
    'It came by text message to your number, where the tipster’s next texts will arrive: send an information copy',
  LEGAL_HOLD:
    'It is under your legal hold, which you must keep: lift the hold first, or send an information copy',
  REWARD_TERMS: 'It answers your appeal’s reward, which only you can pay: send an information copy',
} as const;
