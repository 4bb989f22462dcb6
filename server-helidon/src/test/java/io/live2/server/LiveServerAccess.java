package io.live2.server;

import io.live2.server.admission.AdmissionLedger;
import io.live2.server.db.JobRepository;

import java.time.Clock;

/** Test access to LiveServer's package-private start-up steps. */
public final class LiveServerAccess {
    private LiveServerAccess() {
    }

    public static int repairSlots(JobRepository jobs, AdmissionLedger ledger, Clock clock) {
        return LiveServer.repairSlots(jobs, ledger, clock);
    }
}
