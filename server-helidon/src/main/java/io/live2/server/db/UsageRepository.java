package io.live2.server.db;

import io.helidon.dbclient.DbClient;

/** Per-user, per-day counters (jobs submitted, atom-steps requested): what billing meters and guardrails read. */
public final class UsageRepository {
    private final DbClient db;

    public UsageRepository(Database database) {
        this.db = database.client();
    }

    /** Adds one job; concurrent first writes of a day race on the primary key and the loser updates. */
    public void addJob(String userId, String day, long atomSteps) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long n = db.execute().update("UPDATE usage_counters SET jobs_submitted = jobs_submitted + 1, atom_steps = atom_steps + ? "
                    + "WHERE user_id = ? AND usage_day = ?", atomSteps, userId, day);
            if (n == 1) {
                return;
            }
            try {
                db.execute().insert("INSERT INTO usage_counters (user_id, usage_day, jobs_submitted, atom_steps) VALUES (?, ?, 1, ?)",
                        userId, day, atomSteps);
                return;
            } catch (RuntimeException e) {
                if (!UniqueViolations.is(e)) {
                    throw e;
                }
            }
        }
    }
}
