/**
 * Postgres's own log lines, as the embedded cluster writes them to its stderr, on their way to
 * ours. The cluster already runs with settings that never echo data (see `QUIET_LOGGING` in
 * embedded-postgres.ts); this is the second lock, for the lines that still come: only a line that
 * starts a FATAL, PANIC or ERROR message is forwarded, never a DETAIL, STATEMENT or CONTEXT line or
 * the continuation of a statement, and any quoted text that is not the name of a table, column,
 * constraint or the like is withheld ('invalid input syntax for type uuid: "…"' quotes a value).
 */
const SEVERITY = /^(?:.*?\[\d+\]\s+)?(FATAL|PANIC|ERROR):\s+(.*)$/;
const NAMED =
  /\b(relation|table|column|constraint|index|type|database|role|user|schema|function|extension|sequence|trigger|view|operator|encoding|file|directory|parameter|publication|subscription|slot)\s+$/i;

export function forwardablePostgresLine(line: string): string | null {
  const m = SEVERITY.exec(line.trimEnd());
  if (!m) return null;
  const text = m[2].replace(/"(?:[^"]|"")*"/g, (quoted, offset: number, all: string) =>
    NAMED.test(all.slice(Math.max(0, offset - 20), offset)) ? quoted : '"…"',
  );
  return `${m[1]}: ${text}`;
}

/**
 * Cuts what a child process writes into whole lines: a chunk may hold several lines (an ERROR and
 * its DETAIL come in one write) or end in the middle of one.
 */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let partial = '';
  return {
    push(chunk) {
      const lines = (partial + chunk).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    },
    end() {
      if (partial.trim()) onLine(partial);
      partial = '';
    },
  };
}
