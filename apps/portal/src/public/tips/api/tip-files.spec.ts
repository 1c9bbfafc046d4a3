import { describe, expect, it } from 'vitest';
import { fileProgress, LARGE_FILE_BYTES, mediaKindOf, pickFiles, TIP_FILE_MAX_BYTES } from './tip-files';
import { toCreateTipDto, toTipFormData, EMPTY_TIP_VALUES } from './tip-form-values';

const file = (name: string, type: string, size = 10) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('picked files', () => {
  it('knows photos, videos and sounds by type, or by extension when the phone gives none', () => {
    expect(mediaKindOf(file('a.jpg', 'image/jpeg'))).toBe('image');
    expect(mediaKindOf(file('IMG_0001.HEIC', ''))).toBe('image');
    expect(mediaKindOf(file('clip.mov', 'application/octet-stream'))).toBe('video');
    expect(mediaKindOf(file('memo.m4a', 'audio/x-m4a'))).toBe('audio');
    expect(mediaKindOf(file('report.pdf', 'application/pdf'))).toBeNull();
    expect(mediaKindOf(file('notes.txt', ''))).toBeNull();
  });

  it('refuses what the API would, and marks large files for after the receipt', () => {
    const { accepted, rejected } = pickFiles(
      [],
      [
        file('a.jpg', 'image/jpeg'),
        file('film.mp4', 'video/mp4', LARGE_FILE_BYTES + 1),
        file('doc.pdf', 'application/pdf'),
        file('huge.mp4', 'video/mp4', TIP_FILE_MAX_BYTES + 1),
      ],
    );
    expect(accepted.map((f) => [f.file.name, f.kind, f.large])).toEqual([
      ['a.jpg', 'image', false],
      ['film.mp4', 'video', true],
    ]);
    expect(rejected).toEqual([
      { name: 'doc.pdf', reason: 'type' },
      { name: 'huge.mp4', reason: 'size' },
    ]);
    const more = pickFiles(accepted, [file('b.jpg', 'image/jpeg'), file('c.jpg', 'image/jpeg')], 3);
    expect(more.accepted).toHaveLength(1);
    expect(more.rejected).toEqual([{ reason: 'count' }]);
  });

  it('shares a multipart upload’s progress among its files, in order', () => {
    // 100 bytes of fields and headers, then files of 1000 and 3000 bytes.
    const sizes = [1000, 3000];
    expect(fileProgress(0, 4100, sizes)).toEqual([0, 0]);
    const early = fileProgress(533, 4100, sizes);
    expect(early[0]).toBeCloseTo(0.5, 2);
    expect(early[1]).toBe(0);
    const middle = fileProgress(2600, 4100, sizes);
    expect(middle[0]).toBe(1);
    expect(middle[1]).toBeCloseTo(0.5, 1);
    expect(fileProgress(4100, 4100, sizes)).toEqual([1, 1]);
  });

  it('sends fields first, then files under neutral names, and contact details only when given', () => {
    const values = {
      ...EMPTY_TIP_VALUES,
      description: 'Vu',
      contactName: 'Marie',
      contactChoice: 'anonymous' as const,
    };
    const dto = toCreateTipDto(values, { agency: 'demo', language: 'fr' });
    expect(dto).toEqual({ description: 'Vu', agency: 'demo', language: 'fr' });
    expect(toCreateTipDto({ ...values, contactChoice: 'contact' })).toMatchObject({ contactName: 'Marie' });

    const body = toTipFormData(dto, [file('IMG_Marie_birthday.jpg', 'image/jpeg')]);
    const entries = [...body.entries()];
    expect(entries.map(([name]) => name)).toEqual(['description', 'agency', 'language', 'files']);
    expect((entries[3][1] as File).name).toBe('file-1');
  });
});
