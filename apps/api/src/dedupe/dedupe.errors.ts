import { defineErrors } from '../common/domain.exception';

export const dedupeError = defineErrors({
  SELF_DUPLICATE: { status: 400, message: 'A tip cannot be a duplicate of itself' },
  UNKNOWN_TIPS: { status: 404, message: 'Some of these tips do not exist' },
  CLUSTER_CONFLICT: {
    status: 409,
    message:
      'Some of these tips are already in another cluster: unmerge them first, or merge the clusters on purpose with "mergeClusters": true',
  },
  STALE_TIPS: {
    status: 409,
    message: 'Some of these tips changed since you looked at them: look again, then decide',
  },
  NOT_IN_CLUSTER: { status: 409, message: 'This tip is not merged with any other' },
  NO_CLUSTER: { status: 404, message: 'This tip is not merged with any other' },
  SAME_CLUSTER: {
    status: 409,
    message: 'These tips are merged together; unmerge one of them before marking them as not duplicates',
  },
});
