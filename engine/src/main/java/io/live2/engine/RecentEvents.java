package io.live2.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The last reactive events and pulses of a run, kept in fixed-size rings for the failure report
 * (logs/failure.json): what happened near the atoms that failed. Costs nothing per step; an event is a few
 * words written when it happens.
 */
final class RecentEvents {
    /** Reactive events kept (a run makes a few per check). */
    static final int EVENTS = 1024;
    /** Pulses kept. */
    static final int PULSES = 64;

    /** One applied bond change: order {@code from} → {@code to} (0 = no bond) between atom ids a and b. */
    record Event(long step, long atomA, long atomB, int from, int to, double deltaU) {
        String kind() {
            if (from == 0) {
                return "formed";
            }
            if (to == 0) {
                return "broken";
            }
            return to > from ? "order_raised" : "order_lowered";
        }
    }

    /** One pulse: its centre, radius, the atom ids it reached and the energy it added. */
    record Pulse(long step, String kind, double x, double y, double radius, long[] atoms, double energy) {
    }

    private final Event[] events = new Event[EVENTS];
    private final Pulse[] pulses = new Pulse[PULSES];
    private long eventCount;
    private long pulseCount;

    void event(long step, long atomA, long atomB, int from, int to, double deltaU) {
        events[(int) (eventCount++ % EVENTS)] = new Event(step, atomA, atomB, from, to, deltaU);
    }

    void pulse(Pulse pulse) {
        pulses[(int) (pulseCount++ % PULSES)] = pulse;
    }

    /** Kept events, oldest first. */
    List<Event> events() {
        return ordered(events, eventCount);
    }

    /** Kept pulses, oldest first. */
    List<Pulse> pulses() {
        return ordered(pulses, pulseCount);
    }

    private static <T> List<T> ordered(T[] ring, long count) {
        List<T> out = new ArrayList<>();
        long first = Math.max(0, count - ring.length);
        for (long k = first; k < count; k++) {
            out.add(ring[(int) (k % ring.length)]);
        }
        return out;
    }
}
