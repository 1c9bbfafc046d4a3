import { forwardablePostgresLine, lineSplitter } from './postgres-log';

// What Postgres wrote, in one write, for a check violation on a tip insert (default verbosity).
const LEAK = [
  '2026-12-07 07:30:00.123 UTC [4242] ERROR:  new row for relation "tip" violates check constraint "tip_location_pair"',
  '2026-12-07 07:30:00.123 UTC [4242] DETAIL:  Failing row contains (0b6…, demo, Le suspect est au 12 rue Marker, 45.5, null).',
  '2026-12-07 07:30:00.123 UTC [4242] STATEMENT:  INSERT INTO "tip"("description", "place")',
  '\tVALUES ($1, $2)',
  '',
].join('\n');

function forwarded(chunks: string[]): string[] {
  const out: string[] = [];
  const lines = lineSplitter((line) => {
    const f = forwardablePostgresLine(line);
    if (f) out.push(f);
  });
  chunks.forEach((c) => lines.push(c));
  lines.end();
  return out;
}

describe('forwarding Postgres log lines', () => {
  it('forwards the error line of a multi-line message, never its detail or statement', () => {
    expect(forwarded([LEAK])).toEqual([
      'ERROR: new row for relation "tip" violates check constraint "tip_location_pair"',
    ]);
  });

  it('finds lines cut across chunks', () => {
    const cut = LEAK.indexOf('Marker');
    expect(forwarded([LEAK.slice(0, 40), LEAK.slice(40, cut), LEAK.slice(cut)])).toHaveLength(1);
    expect(forwarded([LEAK.slice(0, cut), LEAK.slice(cut)]).join('\n')).not.toContain('Marker');
  });

  it('withholds a quoted value but keeps the names of things', () => {
    expect(
      forwardablePostgresLine(
        '2026-12-07 07:30:00.123 UTC [4242] ERROR:  invalid input syntax for type uuid: "rue Marker 12"',
      ),
    ).toBe('ERROR: invalid input syntax for type uuid: "…"');
    expect(
      forwardablePostgresLine('2026-12-07 07:30:00.123 UTC [9] FATAL:  database "vigie" does not exist'),
    ).toBe('FATAL: database "vigie" does not exist');
  });

  it('leaves routine lines out', () => {
    expect(
      forwardablePostgresLine('2026-12-07 07:30:00.123 UTC [1] LOG:  checkpoint starting: time'),
    ).toBeNull();
    expect(forwardablePostgresLine('\tVALUES ($1, $2) ERROR: x')).toBeNull();
  });
});
