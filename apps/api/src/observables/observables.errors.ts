import { defineErrors } from '../common/domain.exception';

export const observablesError = defineErrors({
  UNKNOWN_TIP: { status: 404, message: 'No such tip' },
  UNKNOWN_OBSERVABLE: { status: 404, message: 'This tip has no such observable' },
  UNCHANGED: { status: 400, message: 'The correction is the value already recorded' },
});
