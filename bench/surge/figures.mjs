// The surge's arithmetic: percentiles, and the figures of each minute of the window.

/** The p-th percentile (nearest rank) of a list of numbers; null for an empty list. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Per minute of the window (by the time each tip was sent): intake, live event, media, duplicates
 * (first suggestions, and those including what the tip's files show), backlog.
 */
export function perMinute(acknowledged, all, backlogSamples, started) {
  const minuteOf = (at) => Math.floor((at - started) / 60_000);
  const minutes = new Map();
  const bucket = (m) => {
    if (!minutes.has(m)) minutes.set(m, { acknowledged: [], errors: 0, backlog: 0 });
    return minutes.get(m);
  };
  for (const t of acknowledged) bucket(minuteOf(t.sentAt)).acknowledged.push(t);
  for (const t of all) if (t.status !== 201) bucket(minuteOf(t.sentAt)).errors++;
  for (const s of backlogSamples) {
    const b = bucket(minuteOf(s.at));
    b.backlog = Math.max(b.backlog, s.jobs);
  }
  return [...minutes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minute, { acknowledged: tips, errors, backlog }]) => {
      const intake = tips.map((t) => t.latencyMs);
      const since = (field) => tips.filter((t) => t[field]).map((t) => Math.max(0, t[field] - t.ackAt));
      return {
        minute,
        tips: tips.length,
        errors,
        intakeP50Ms: percentile(intake, 50),
        intakeP99Ms: percentile(intake, 99),
        liveEventP95Ms: percentile(since('liveAt'), 95),
        mediaReadyP95Ms: percentile(since('mediaReadyAt'), 95),
        duplicatesFirstP95Ms: percentile(since('firstScoredAt'), 95),
        duplicatesCompleteP95Ms: percentile(since('completeScoredAt'), 95),
        peakBacklog: backlog,
      };
    });
}
