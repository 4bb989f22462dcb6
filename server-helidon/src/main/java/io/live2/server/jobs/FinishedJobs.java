package io.live2.server.jobs;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of finished jobs (succeeded, failed, canceled), which never change again: a dashboard or script polling a
 * finished job is answered from memory instead of the database. Keyed by user and job, so a tenant only ever gets
 * its own; bounded (cleared when full, refilled on demand).
 */
final class FinishedJobs {
    private static final int MAX = 10_000;
    private final ConcurrentHashMap<String, byte[]> json = new ConcurrentHashMap<>();

    byte[] get(String userId, String jobId) {
        return json.get(userId + "/" + jobId);
    }

    void put(String userId, String jobId, String status, byte[] body) {
        if (!JobUpdates.isFinal(status)) {
            return;
        }
        if (json.size() >= MAX) {
            json.clear();
        }
        json.put(userId + "/" + jobId, body);
    }
}
