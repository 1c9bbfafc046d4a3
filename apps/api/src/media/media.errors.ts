import { defineErrors } from '../common/domain.exception';

export const mediaError = defineErrors({
  NO_FILE: { status: 400, message: 'Attach a file' },
  TOO_LARGE: { status: 413, message: 'The file is too large' },
  TOO_MANY_FILES: { status: 400, message: 'Too many files' },
  UNSUPPORTED_TYPE: {
    status: 415,
    message: 'This kind of file is not accepted: send a photo, a video or a sound recording',
  },
  NOT_AN_IMAGE: { status: 415, message: 'Send a photo (JPEG, PNG, WebP, HEIC, AVIF or GIF)' },
  DAMAGED: { status: 422, message: 'The file is damaged or incomplete and cannot be read' },
  HIDDEN_DATA: {
    status: 422,
    message:
      'The file carries something else after its end (two files in one); send the photo or video alone',
  },
  TOO_MANY_PIXELS: { status: 422, message: 'The image is too large in pixels' },
  UPLOAD_INCOMPLETE: { status: 400, message: 'The upload was cut off before it finished; send it again' },
});
