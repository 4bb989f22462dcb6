package io.live2.billing;

/**
 * The counters a guardrail decision reads, as they stand before the job in question.
 *
 * @param runningJobs jobs of the account that are queued or running
 * @param jobsToday   jobs admitted on the current UTC day
 */
public record Usage(int runningJobs, int jobsToday) {
    public Usage {
        if (runningJobs < 0 || jobsToday < 0) {
            throw new IllegalArgumentException("usage counters must not be negative: running " + runningJobs + ", today " + jobsToday);
        }
    }
}
