package io.live2.server.admission;

import io.live2.billing.DenyReason;
import io.live2.billing.Usage;
import io.live2.server.db.Database;
import io.live2.server.db.DatabaseUnavailableException;
import io.live2.server.db.UserLocks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Admission counts in the database's job_slots table. Each change runs in a transaction that first locks the user's
 * row ({@code SELECT … FROM users … FOR UPDATE}), so a user's admissions are serialised on H2 and PostgreSQL alike,
 * also across server replicas sharing one PostgreSQL. Plain JDBC on the pool: the row lock, the counts and the
 * insert must share one connection and transaction.
 */
public final class DatabaseAdmissionLedger implements AdmissionLedger {
    private final Database database;
    private final DataSource pool;
    private final UserLocks locks;
    private final Clock clock;

    public DatabaseAdmissionLedger(Database database, Clock clock) {
        this.database = database;
        this.pool = database.pool();
        this.locks = new UserLocks(database);
        this.clock = clock;
    }

    @Override
    public Reservation reserve(String userId, String jobId, LocalDate day, int parallelLimit, int dailyLimit) {
        return locks.withLock(userId, c -> {
            Usage before = usage(c, userId, day);
            if (exists(c, jobId)) {
                return new Reservation(true, null, before); // already ours: granted, not counted twice
            }
            if (before.runningJobs() >= parallelLimit) {
                return new Reservation(false, DenyReason.PARALLEL_LIMIT, before);
            }
            if (before.jobsToday() >= dailyLimit) {
                return new Reservation(false, DenyReason.DAILY_LIMIT, before);
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO job_slots (job_id, user_id, usage_day, running, created_at) VALUES (?, ?, ?, TRUE, ?)")) {
                ins.setString(1, jobId);
                ins.setString(2, userId);
                ins.setString(3, day.toString());
                ins.setLong(4, clock.millis());
                ins.executeUpdate();
            }
            return new Reservation(true, null, before);
        });
    }

    @Override
    public void release(String userId, String jobId) {
        update("UPDATE job_slots SET running = FALSE WHERE job_id = ? AND user_id = ?", jobId, userId);
    }

    @Override
    public void cancelReservation(String userId, String jobId) {
        update("DELETE FROM job_slots WHERE job_id = ? AND user_id = ?", jobId, userId);
    }

    @Override
    public Usage usage(String userId, LocalDate day) {
        try (Connection c = pool.getConnection()) {
            return usage(c, userId, day);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("admission ledger: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Map<String, Long>> running() {
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT user_id, job_id, created_at FROM job_slots WHERE running = TRUE");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.computeIfAbsent(r.getString(1), u -> new HashMap<>()).put(r.getString(2), r.getLong(3));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("admission ledger: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean healthy() {
        return database.healthy();
    }

    private static boolean exists(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM job_slots WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static Usage usage(Connection c, String userId, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT "
                + "COALESCE(SUM(CASE WHEN running THEN 1 ELSE 0 END), 0) AS running_jobs, "
                + "COALESCE(SUM(CASE WHEN usage_day = ? THEN 1 ELSE 0 END), 0) AS jobs_today "
                + "FROM job_slots WHERE user_id = ? AND (running = TRUE OR usage_day = ?)")) {
            s.setString(1, day.toString());
            s.setString(2, userId);
            s.setString(3, day.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Usage(r.getInt(1), r.getInt(2));
            }
        }
    }

    private void update(String sql, String a, String b) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, a);
            s.setString(2, b);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("admission ledger: " + e.getMessage(), e);
        }
    }
}
