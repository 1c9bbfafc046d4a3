/**
 * Whether an error means "the database cannot be reached or cannot answer now" (a restart, a crash,
 * a freeze, the network, too many connections), as opposed to a query that is wrong or a value the
 * database refuses. The first is worth a 503 and a retry; the others are not.
 */

/** SQLSTATE classes and codes of a database that is away, going away, or overwhelmed. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping, or the connection was terminated
  '57P02', // crash_shutdown: another backend crashed, everyone is thrown out
  '57P03', // cannot_connect_now: starting up, recovering, or shutting down
  '57P05', // idle_session_timeout
  '57014', // query_canceled: the statement timeout of a database too slow to answer
  '53100', // disk_full
  '53200', // out_of_memory
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '58000', // system_error
  '58030', // io_error
]);

/** Socket errors of a server that is down or unreachable. */
const UNAVAILABLE_SYSCALL_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'DB_UNRESPONSIVE', // bounded-client.ts: a query the server did not answer in time
]);

/**
 * pg and pg-pool report a lost or refused connection with a message and no code. These are their
 * exact wordings (pg 8, pg-pool 3), matched from the start (database-outage.test.ts holds each to it).
 */
const UNAVAILABLE_MESSAGES: [prefix: string, kind: string][] = [
  ['Connection terminated due to connection timeout', 'CONNECT_TIMEOUT'], // pg-pool
  ['timeout expired', 'CONNECT_TIMEOUT'], // pg's Client, connectionTimeoutMillis
  ['timeout exceeded when trying to connect', 'CONNECT_TIMEOUT'], // pg-pool: none free or made in time
  ['Connection terminated', 'CONNECTION_LOST'], // '… unexpectedly'
  ['Client has encountered a connection error and is not queryable', 'CONNECTION_LOST'],
  ['Client was closed and is not queryable', 'CONNECTION_LOST'],
];

const RELEASED_QUERY_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/** The code that says why the database is unavailable (for logs and tests), or undefined if it is not. */
export function databaseUnavailableKind(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { code, message, errors } = e as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return code;
      if (UNAVAILABLE_SYSCALL_CODES.has(code)) return code;
    }
    if (typeof message === 'string') {
      const known = UNAVAILABLE_MESSAGES.find(([prefix]) => message.startsWith(prefix));
      if (known) return known[1];
    }
    // TypeORM lets go of a transaction's connection when it reports an error between two
    // statements (the server terminated it): the transaction's next statement gets one of these,
    // the second through the transaction's EntityManager (`tx.query`).
    if (RELEASED_QUERY_RUNNER.has(String((e as { name?: unknown }).name))) return 'CONNECTION_LOST';
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (Array.isArray(errors)) {
      const inner = errors.map(databaseUnavailableKind).find(Boolean);
      if (inner) return inner;
    }
    // TypeORM wraps the driver's error; others put it in `cause`.
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableKind(error) !== undefined;
}
