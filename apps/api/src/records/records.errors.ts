import { defineErrors } from '../common/domain.exception';

export const recordsError = defineErrors({
  CONTACT_NOT_ALLOWED: {
    status: 403,
    message: 'Only a supervisor may put tipster contact details in an evidence package',
  },
  ORIGINAL_MISSING: {
    status: 500,
    message: 'A sealed original is missing from storage; the package would be incomplete, so none was made',
  },
  BAD_RANGE: { status: 400, message: 'Give a date range whose end is after its start' },
});
