/*
 * The scoring job's name, on its own with no imports: the tips feature enqueues it when a tip or
 * one of its files is ready, and importing anything more from dedupe would make a module cycle.
 */

/** Data: `{ tipId: string }`. Scores one tip against its agency's others; safe to run again. */
export const DEDUPE_SCORE_JOB = 'dedupe.score';
