import { defineErrors } from '../common/domain.exception';

export const appealError = defineErrors({
  STALE_VERSION: {
    status: 409,
    message: 'Someone else changed this appeal since you opened it; reload to see their changes',
  },
  NOT_EDITABLE: { status: 409, message: 'A resolved or archived appeal cannot be edited' },
  IN_REVIEW: {
    status: 409,
    message: 'This version is waiting for review; it cannot be changed until a supervisor decides',
  },
  NOTHING_TO_SUBMIT: { status: 409, message: 'There are no changes to submit' },
  NOT_IN_REVIEW: { status: 409, message: 'Nothing is waiting for review' },
  SELF_APPROVAL: {
    status: 403,
    message: 'Two-person rule: you wrote or submitted this version, so another supervisor must approve it',
  },
  NOT_PUBLISHED: { status: 409, message: 'Only a published appeal can take updates or be resolved' },
  ALREADY_ARCHIVED: { status: 409, message: 'This appeal is already archived' },
  UPDATE_NOT_PENDING: { status: 409, message: 'This update is not waiting for review' },
  UNKNOWN_IMAGE: { status: 400, message: 'An image in this appeal was not uploaded for it' },
  GONE: { status: 410, message: 'This appeal has been withdrawn' },
});
