/**
 * What of an error may go to the logs: its kind, code and place, never its values. A TypeORM
 * query error's message holds the query's parameters, and a Postgres error's `detail` the row
 * ("Key (code)=(…)"): what a tipster wrote must never reach a log file.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const e = error as {
    name?: string;
    message?: string;
    stack?: string;
    code?: string;
    driverError?: { code?: string };
  };
  // A Postgres error (TypeORM's, or pg's own: it has a severity) may quote a value in its message
  // ('invalid input syntax for type uuid: "…"'): its SQLSTATE code says enough.
  const fromPostgres =
    e?.name === 'QueryFailedError' || typeof (error as { severity?: unknown })?.severity === 'string';
  const message = fromPostgres ? '(database error; parameters withheld)' : e?.message;
  return {
    type: e?.name,
    message,
    code: e?.driverError?.code ?? (typeof e?.code === 'string' ? e.code : undefined),
    stack: e?.stack?.split('\n').slice(1, 8).join('\n'),
  };
}

/**
 * An error fit to be stored where errors are kept (pg-boss writes a failed job's error, every
 * enumerable field of it, into its job table, long after the tip itself may be gone): the same
 * kind, code and place as `loggableError`, none of a query's parameters or a row's values.
 */
export function withheldError(error: unknown): Error {
  const logged = loggableError(error);
  const withheld = Object.assign(new Error(String(logged.message ?? 'error')), {
    code: logged.code,
  });
  withheld.name = String(logged.type ?? 'Error');
  withheld.stack = `${withheld.name}: ${withheld.message}\n${logged.stack ?? ''}`;
  return withheld;
}
