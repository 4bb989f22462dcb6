package io.live2.server.db;

import io.helidon.dbclient.DbClient;

/**
 * Stripe events seen, each id once (the primary key): a redelivered event finds its row and changes nothing. An
 * event whose handling failed is forgotten again so that Stripe's next delivery is handled.
 */
public final class StripeEventRepository {
    private final DbClient db;

    public StripeEventRepository(Database database) {
        this.db = database.client();
    }

    /** @return true when this is the first delivery of the event (it is now recorded), false for a redelivery */
    public boolean recordFirst(String eventId, String type, long now) {
        try {
            db.execute().insert("INSERT INTO stripe_events (event_id, event_type, received_at) VALUES (?, ?, ?)", eventId, type, now);
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolations.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The account the event concerned. */
    public void attribute(String eventId, String userId) {
        db.execute().update("UPDATE stripe_events SET user_id = ? WHERE event_id = ?", userId, eventId);
    }

    /** What handling the event did; until this is written the event is being handled. */
    public void outcome(String eventId, String outcome) {
        db.execute().update("UPDATE stripe_events SET outcome = ? WHERE event_id = ?",
                outcome.length() > 500 ? outcome.substring(0, 500) : outcome, eventId);
    }

    /** Whether the recorded event's handling has finished (false: still in progress, or unknown). */
    public boolean handled(String eventId) {
        return db.execute().get("SELECT outcome FROM stripe_events WHERE event_id = ?", eventId)
                .map(r -> Rows.text(r, "outcome") != null).orElse(false);
    }

    /** Handling failed: forget the event so the redelivery is handled. */
    public void forget(String eventId) {
        db.execute().delete("DELETE FROM stripe_events WHERE event_id = ?", eventId);
    }

    public long count() {
        return db.execute().get("SELECT COUNT(*) AS n FROM stripe_events").map(r -> Rows.longValue(r, "n")).orElse(0L);
    }
}
