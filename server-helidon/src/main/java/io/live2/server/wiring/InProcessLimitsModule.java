package io.live2.server.wiring;

import io.live2.server.admission.AdmissionLedger;
import io.live2.server.admission.DatabaseAdmissionLedger;
import io.live2.server.db.Database;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.server.limits.InProcessRateLimiter;
import io.live2.server.limits.RateLimiter;
import io.live2.server.progress.InProcessProgressBus;
import io.live2.server.progress.ProgressBus;

import java.time.Clock;

/** One server, no Redis: rate limits and the live-progress fan-out in this process. */
final class InProcessLimitsModule extends AbstractModule {
    @Provides
    @Singleton
    RateLimiter limiter(Clock clock) {
        return new InProcessRateLimiter(clock);
    }

    @Provides
    @Singleton
    ProgressBus bus() {
        return new InProcessProgressBus();
    }

    /** Admission counts under a row lock in the database: correct for one server and for replicas sharing PostgreSQL. */
    @Provides
    @Singleton
    AdmissionLedger ledger(Database db, Clock clock) {
        return new DatabaseAdmissionLedger(db, clock);
    }
}
