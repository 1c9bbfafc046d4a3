export { perceptualHash } from './perceptual-hash';
export { toRawPixels } from './raw-pixels';
export type { Evidence, ProcessedMedia, Rendition } from './processed-media';
export { processMedia } from './process-media';
export { hammingDistance } from './perceptual-hash';
export { precheckUpload } from './upload-precheck';
export { probeContainer } from './audio-video-processing';
export { asBackgroundWork } from './background-work';
