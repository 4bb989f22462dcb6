package io.live2.server.db;

import io.helidon.dbclient.DbClient;

import java.util.List;

/**
 * Usage per calendar month (UTC, "YYYY-MM"): jobs admitted, their atom-steps and estimated cost, and, as they end,
 * the compute time and cost they actually used. Each change is one atomic UPDATE … SET x = x + ?; the first of a
 * month races on the primary key and the loser updates.
 */
public final class UsagePeriodRepository {
    private final DbClient db;

    public UsagePeriodRepository(Database database) {
        this.db = database.client();
    }

    public record PeriodUsage(String period, int jobsStarted, long atomSteps, double estimatedCostUsd, int jobsFinished,
                              double computeSeconds, double actualCostUsd) {
    }

    public void admitted(String userId, String period, long atomSteps, double estimatedCostUsd) {
        add(userId, period, "jobs_started = jobs_started + 1, atom_steps = atom_steps + ?, estimated_cost_usd = estimated_cost_usd + ?",
                new Object[]{atomSteps, estimatedCostUsd}, new Object[]{1, atomSteps, estimatedCostUsd, 0, 0.0, 0.0});
    }

    public void finished(String userId, String period, double seconds, double costUsd) {
        add(userId, period, "jobs_finished = jobs_finished + 1, compute_seconds = compute_seconds + ?, actual_cost_usd = actual_cost_usd + ?",
                new Object[]{seconds, costUsd}, new Object[]{0, 0L, 0.0, 1, seconds, costUsd});
    }

    private void add(String userId, String period, String set, Object[] setArgs, Object[] insertValues) {
        Object[] updateArgs = new Object[setArgs.length + 2];
        System.arraycopy(setArgs, 0, updateArgs, 0, setArgs.length);
        updateArgs[setArgs.length] = userId;
        updateArgs[setArgs.length + 1] = period;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (db.execute().update("UPDATE usage_periods SET " + set + " WHERE user_id = ? AND period = ?", updateArgs) == 1) {
                return;
            }
            try {
                Object[] insertArgs = new Object[insertValues.length + 2];
                insertArgs[0] = userId;
                insertArgs[1] = period;
                System.arraycopy(insertValues, 0, insertArgs, 2, insertValues.length);
                db.execute().insert("INSERT INTO usage_periods (user_id, period, jobs_started, atom_steps, estimated_cost_usd, "
                        + "jobs_finished, compute_seconds, actual_cost_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", insertArgs);
                return;
            } catch (RuntimeException e) {
                if (!UniqueViolations.is(e)) {
                    throw e;
                }
            }
        }
    }

    /** The user's periods from {@code fromPeriod} on (inclusive), newest first; months without usage are absent. */
    public List<PeriodUsage> since(String userId, String fromPeriod) {
        return db.execute().query("SELECT period, jobs_started, atom_steps, estimated_cost_usd, jobs_finished, compute_seconds, "
                        + "actual_cost_usd FROM usage_periods WHERE user_id = ? AND period >= ? ORDER BY period DESC", userId, fromPeriod)
                .map(r -> new PeriodUsage(Rows.text(r, "period"), Rows.intValue(r, "jobs_started"), Rows.longValue(r, "atom_steps"),
                        Rows.doubleValue(r, "estimated_cost_usd"), Rows.intValue(r, "jobs_finished"),
                        Rows.doubleValue(r, "compute_seconds"), Rows.doubleValue(r, "actual_cost_usd")))
                .toList();
    }
}
