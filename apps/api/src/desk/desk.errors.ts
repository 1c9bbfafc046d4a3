import { defineErrors } from '../common/domain.exception';

export const deskError = defineErrors({
  BAD_CURSOR: { status: 400, message: 'This page link is not valid; start again from the first page' },
});
