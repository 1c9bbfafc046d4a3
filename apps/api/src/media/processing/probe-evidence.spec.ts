import { evidenceFromProbe } from './probe-evidence';

describe('evidenceFromProbe', () => {
  const video = { codec_type: 'video', width: 1920, height: 1080 };

  it("prefers Apple's local creation date with its zone over the container's UTC time", () => {
    const evidence = evidenceFromProbe({
      format: {
        tags: {
          creation_time: '2026-11-20T23:42:07.000000Z',
          'com.apple.quicktime.creationdate': '2026-11-20T18:42:07-0500',
        },
      },
    });
    expect(evidence.capturedAt).toBe('2026-11-20T18:42:07-05:00');
  });

  it('ignores zeroed header times', () => {
    expect(evidenceFromProbe({ format: { tags: { creation_time: '1970-01-01T00:00:00.000000Z' } } })).toEqual(
      {},
    );
  });

  it('turns the size upright for a portrait recording, by display matrix or by the old rotate tag', () => {
    expect(evidenceFromProbe({ streams: [{ ...video, side_data_list: [{ rotation: -90 }] }] })).toEqual({
      width: 1080,
      height: 1920,
    });
    expect(evidenceFromProbe({ streams: [{ ...video, tags: { rotate: '270' } }] })).toEqual({
      width: 1080,
      height: 1920,
    });
    expect(evidenceFromProbe({ streams: [{ ...video, side_data_list: [{ rotation: 180 }] }] })).toEqual({
      width: 1920,
      height: 1080,
    });
  });

  it('takes the size from the video, not from cover art', () => {
    const cover = { codec_type: 'video', width: 600, height: 600, disposition: { attached_pic: 1 } };
    expect(evidenceFromProbe({ streams: [cover, video] })).toEqual({ width: 1920, height: 1080 });
    expect(evidenceFromProbe({ streams: [cover, { codec_type: 'audio' }] })).toEqual({});
  });

  it('reads tags that Ogg and Matroska keep on their streams, and Android device tags', () => {
    const evidence = evidenceFromProbe({
      format: {
        duration: '12.3456',
        tags: { 'com.android.manufacturer': 'Google', 'com.android.model': 'Pixel 8' },
      },
      streams: [{ codec_type: 'audio', tags: { LOCATION: '+45.5017-073.5673/' } }],
    });
    expect(evidence).toEqual({
      latitude: 45.5017,
      longitude: -73.5673,
      device: { make: 'Google', model: 'Pixel 8' },
      durationS: 12.346,
    });
  });

  it('drops a position that is out of range', () => {
    expect(evidenceFromProbe({ format: { tags: { location: '+95.0000-073.5673/' } } })).toEqual({});
  });
});
