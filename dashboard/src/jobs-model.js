// The jobs list's pure parts: which jobs the multiplexed stream follows, progress and ETA from a job or a
// progress event. DOM-free.
import { FINAL_STATES } from './sse.js';
import { formatDuration, aboutDuration } from './format.js';

export const STATES = ['queued', 'running', 'succeeded', 'failed', 'canceled'];

export function isFinal(status) { return FINAL_STATES.has(status); }

/**
 * The ids the multiplexed stream should follow: the non-final jobs shown, at most 50, sorted (a stable key); ids in
 * `skip` (ones GET /events said it does not know) are left out.
 */
export function streamIds(jobs, skip = null) {
  return [...new Set(jobs.filter((j) => !isFinal(j.status) && !skip?.has(j.job_id)).map((j) => j.job_id))].sort().slice(0, 50);
}

/**
 * What a fatal refusal of GET /events?jobs=... means: {drop: id} when it is a 404 naming one of the listed ids
 * (field "jobs", message "job <id> not found": drop that id and reopen the stream), {perJob: true} when /events
 * itself is missing (a 404 without field "jobs": an older server; follow each job on its own stream), else null.
 */
export function eventsRefusal(err, ids) {
  if (!err || err.status !== 404) return null;
  if (err.field !== 'jobs') return { perJob: true };
  const msg = String(err.message ?? '');
  const exact = ids.find((id) => msg === `job ${id} not found`);
  if (exact) return { drop: exact };
  // the longest listed id the message names (j_1 is also a prefix of j_12)
  const named = ids.filter((id) => msg.includes(id)).sort((a, b) => b.length - a.length)[0];
  return named ? { drop: named } : { perJob: true };
}

/** Percent done 0..100 from a progress object {step, total_steps, percent}. */
export function percentOf(p, status) {
  if (status === 'succeeded') return 100;
  if (!p) return 0;
  const v = p.percent ?? (p.total_steps ? (100 * p.step) / p.total_steps : 0);
  return Math.max(0, Math.min(100, Number(v) || 0));
}

/** The ETA text of a job: remaining steps at the measured rate, or the estimate while queued. */
export function etaText(job) {
  const p = job.progress || {};
  switch (job.status) {
    case 'succeeded': return 'done';
    case 'failed': return 'failed';
    case 'canceled': return 'canceled';
    case 'queued':
      return job.estimate?.duration_seconds != null ? `${aboutDuration(job.estimate.duration_seconds)} once started` : 'waiting';
    default: {
      if (p.steps_per_second > 0 && p.total_steps > 0) {
        return `${formatDuration(Math.max(0, p.total_steps - p.step) / p.steps_per_second)} left`;
      }
      return job.estimate?.duration_seconds != null ? aboutDuration(job.estimate.duration_seconds) : 'starting';
    }
  }
}

/** The preset a job was run with, when the job object says. */
export function presetOf(job) {
  return job.simulation?.preset ?? job.spec?.simulation?.preset ?? job.preset ?? null;
}
