import { parseIso6709 } from './iso6709';
import { accuracyOf, deviceOf, finite, positionOf, round, text } from './evidence-values';
import type { Evidence } from './processed-media';

/** The parts of `ffprobe -print_format json -show_format -show_streams` that we read. */
export interface Probe {
  format?: { duration?: string; tags?: Record<string, string> };
  streams?: ProbeStream[];
}

export interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

/** Before this, a "creation time" is a zeroed or default header field, not a capture. */
const EARLIEST_CAPTURE = Date.UTC(1990, 0, 1);

export function evidenceFromProbe(probe: Probe): Evidence {
  // Matroska and Ogg keep their tags on the streams; MP4 and QuickTime on the container, which wins.
  const tags: Record<string, string> = Object.assign(
    {},
    ...(probe.streams ?? []).map((s) => lowerKeys(s.tags)),
    lowerKeys(probe.format?.tags),
  );
  const picture = pictureStream(probe);
  const capturedAt = captureTime(tags);
  const duration = finite(Number(probe.format?.duration));
  return {
    ...(capturedAt ? { capturedAt } : {}),
    ...location(tags),
    ...deviceOf(
      tags['com.apple.quicktime.make'] ?? tags['com.android.manufacturer'],
      tags['com.apple.quicktime.model'] ?? tags['com.android.model'],
      tags['com.apple.quicktime.software'] ?? tags['com.android.version'],
    ),
    ...(duration && duration > 0 ? { durationS: round(duration, 3) } : {}),
    ...(picture ? uprightSize(picture) : {}),
  };
}

/** The first real video stream: cover art and thumbnails are "video" streams too. */
export function pictureStream(probe: Probe): ProbeStream | undefined {
  return probe.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
}

/**
 * Apple's creationdate keeps the local time and its zone (`2026-11-20T13:42:07-0500`); the
 * container's creation_time is UTC. The first says more, so it wins.
 */
function captureTime(tags: Record<string, string>): string | undefined {
  const apple = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:(Z)|([+-]\d{2}):?(\d{2}))$/.exec(
    text(tags['com.apple.quicktime.creationdate']) ?? '',
  );
  if (apple) return apple[1] + (apple[2] ?? `${apple[3]}:${apple[4]}`);
  const created = Date.parse(text(tags.creation_time) ?? '');
  return created >= EARLIEST_CAPTURE ? new Date(created).toISOString() : undefined;
}

function location(
  tags: Record<string, string>,
): Pick<Evidence, 'latitude' | 'longitude' | 'altitudeM' | 'accuracyM'> {
  const iso =
    text(tags['com.apple.quicktime.location.iso6709']) ?? text(tags.location) ?? text(tags['location-eng']);
  const point = iso ? parseIso6709(iso) : undefined;
  const position = positionOf(point?.latitude, point?.longitude);
  if (position.latitude === undefined) return position;
  // iPhones write the horizontal accuracy (metres) beside the ISO 6709 position.
  const accuracy = accuracyOf(finite(Number(text(tags['com.apple.quicktime.location.accuracy.horizontal']))));
  return {
    ...position,
    ...(point?.altitudeM !== undefined ? { altitudeM: round(point.altitudeM, 2) } : {}),
    ...(accuracy !== undefined ? { accuracyM: accuracy } : {}),
  };
}

/** Phones record portrait video as landscape plus a rotation; staff see it upright. */
function uprightSize(stream: ProbeStream): Pick<Evidence, 'width' | 'height'> {
  const { width, height } = stream;
  if (!width || !height) return {};
  const rotation =
    stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(stream.tags?.rotate);
  return Math.abs(rotation) % 180 === 90 ? { width: height, height: width } : { width, height };
}

function lowerKeys(tags: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}
