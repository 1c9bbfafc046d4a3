/** An appeal's public slug as the API accepts it (CreateTipDto.appeal). */
export const APPEAL_SLUG = /^[a-z0-9-]{3,100}$/;
