/**
 * The police service a tip goes to when it answers no appeal. The demo has one ("demo"); a deployment
 * with several needs a picker, which needs `GET /api/public/agencies` (not in the API yet).
 */
export const DEFAULT_AGENCY = 'demo';

/** An appeal's public slug as the API accepts it (CreateTipDto.appeal). */
export const APPEAL_SLUG = /^[a-z0-9-]{3,100}$/;
