package io.live2.jobs.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.ContainerDetail;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cost per job from DescribeJobs timing: every attempt's vCPU-hours at the queue's price; a running attempt up to now. */
class JobCostTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final JobCost PRICES = new JobCost(0.01, 0.04);

    private static JobDetail.Builder job(JobStatus status) {
        return JobDetail.builder().jobId("b-1").jobName("live-j").status(status).jobQueue("live-prod-spot")
                .container(ContainerDetail.builder().resourceRequirements(
                        ResourceRequirement.builder().type(ResourceType.VCPU).value("4").build()).build());
    }

    @Test
    void aSpotReclaimAndARetryAreBothPaidFor() {
        JobDetail d = job(JobStatus.SUCCEEDED).attempts(
                AttemptDetail.builder().startedAt(T0).stoppedAt(T0 + 1_800_000).build(),        // 30 min, reclaimed
                AttemptDetail.builder().startedAt(T0 + 2_000_000).stoppedAt(T0 + 5_600_000).build()) // 60 min
                .startedAt(T0 + 2_000_000).stoppedAt(T0 + 5_600_000).build();
        assertEquals(1.5 * 4 * 0.01, PRICES.estimate(d, true, Instant.ofEpochMilli(T0 + 9_000_000)), 1e-12);
        assertEquals(1.5 * 4 * 0.04, PRICES.estimate(d, false, Instant.ofEpochMilli(T0 + 9_000_000)), 1e-12);
    }

    @Test
    void aRunningAttemptCountsUpToNow() {
        JobDetail d = job(JobStatus.RUNNING).startedAt(T0).build();
        assertEquals(0.25 * 4 * 0.01, PRICES.estimate(d, true, Instant.ofEpochMilli(T0 + 900_000)), 1e-12);
    }

    @Test
    void aQueuedJobCostsNothing() {
        assertEquals(0.0, PRICES.estimate(job(JobStatus.RUNNABLE).build(), true, Instant.ofEpochMilli(T0)));
    }

    @Test
    void badPricesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JobCost.from(Map.of("price_vcpu_hour_spot", "-1")));
        assertEquals("price_vcpu_hour_spot: -1 is out of range; allowed 0..100 USD per vCPU-hour", e.getMessage());
    }
}
