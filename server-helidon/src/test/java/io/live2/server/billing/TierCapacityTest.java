package io.live2.server.billing;

import io.live2.billing.Capacity;
import io.live2.billing.TierCatalog;
import io.live2.jobs.JobSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tier decides the capacity a job runs on, as the orchestrator takes it: Hobby spot only, Research spot with
 * on-demand fallback, Pro on-demand (or spot with fallback when asked). BatchOrchestratorTest shows each of these
 * reaching its AWS Batch queue.
 */
class TierCapacityTest {
    private static final TierCatalog TIERS = TierCatalog.defaults();

    @Test
    void eachTierRunsOnItsCapacity() {
        assertEquals(JobSpec.Capacity.SPOT, Admission.jobCapacity(Capacity.SPOT, TIERS.get("hobby")));
        assertEquals(JobSpec.Capacity.SPOT_WITH_FALLBACK, Admission.jobCapacity(Capacity.SPOT, TIERS.get("research")));
        assertEquals(JobSpec.Capacity.ON_DEMAND, Admission.jobCapacity(Capacity.ON_DEMAND, TIERS.get("pro")));
        assertEquals(JobSpec.Capacity.SPOT_WITH_FALLBACK, Admission.jobCapacity(Capacity.SPOT, TIERS.get("pro")));
    }
}
