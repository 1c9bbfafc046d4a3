import { defineErrors } from '../common/domain.exception';

export const gazetteerError = defineErrors({
  NO_FILE: { status: 400, message: 'Send the gazetteer as a GeoJSON file in the "file" field' },
  BAD_GAZETTEER: {
    status: 400,
    message: 'This file is not a gazetteer Vigie can load; nothing was changed',
  },
});
