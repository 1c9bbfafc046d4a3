/**
 * A start-up problem the operator can fix, said in one line: what is wrong and what to do. `main`
 * prints the message alone (no stack), unlike an unexpected failure.
 */
export class StartupError extends Error {}
