import { defineErrors } from '../common/domain.exception';

export const caseError = defineErrors({
  STALE_VERSION: { status: 409, message: 'Someone else changed this case since you opened it' },
  UNKNOWN_LEAD: { status: 400, message: 'The lead investigator must be a member of your agency' },
  LEAD_UNAVAILABLE: {
    status: 409,
    message: 'The lead must be an active investigator or supervisor of your agency',
  },
  NOT_LINKABLE: { status: 409, message: 'Closed or dismissed tips cannot be linked; reopen them first' },
  CASE_CLOSED: { status: 409, message: 'This case is closed' },
});
