package io.live2.jobs.aws;

import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Cost per job, estimated from what DescribeJobs reports: the vCPU-seconds of every attempt (finished attempts from
 * their start and stop times, a running one up to now) times a price per vCPU-hour for the queue's capacity. Prices
 * are settings (price_vcpu_hour_spot, price_vcpu_hour_on_demand, USD) with defaults near a c5 instance in us-east-1
 * (on-demand c5.xlarge ≈ 0.17 USD/h for 4 vCPU and 8 GiB; spot typically ~35 % of that). It is an estimate for
 * guardrails and the user's bill preview, not AWS's invoice: instance packing, EBS and data transfer are not in it.
 */
public record JobCost(double vcpuHourSpot, double vcpuHourOnDemand) {
    public static final JobCost DEFAULT = new JobCost(0.015, 0.0425);

    public static JobCost from(Map<String, String> settings) {
        return new JobCost(price(settings, "price_vcpu_hour_spot", DEFAULT.vcpuHourSpot),
                price(settings, "price_vcpu_hour_on_demand", DEFAULT.vcpuHourOnDemand));
    }

    /** USD so far; {@code spot} says which queue the job is in. */
    public double estimate(JobDetail d, boolean spot, Instant now) {
        double vcpus = vcpus(d);
        double seconds = 0;
        long lastStop = 0;
        if (d.hasAttempts()) {
            for (AttemptDetail a : d.attempts()) {
                if (a.startedAt() != null && a.stoppedAt() != null && a.stoppedAt() > a.startedAt()) {
                    seconds += (a.stoppedAt() - a.startedAt()) / 1000.0;
                    lastStop = Math.max(lastStop, a.stoppedAt());
                }
            }
        }
        boolean running = d.status() == JobStatus.RUNNING || d.status() == JobStatus.STARTING;
        if (running && d.startedAt() != null && d.startedAt() > lastStop) {
            seconds += Math.max(0, Duration.between(Instant.ofEpochMilli(d.startedAt()), now).toMillis() / 1000.0);
        }
        return seconds / 3600.0 * vcpus * (spot ? vcpuHourSpot : vcpuHourOnDemand);
    }

    private static double vcpus(JobDetail d) {
        if (d.container() != null && d.container().hasResourceRequirements()) {
            for (ResourceRequirement r : d.container().resourceRequirements()) {
                if (r.type() == ResourceType.VCPU) {
                    return Double.parseDouble(r.value());
                }
            }
        }
        return d.container() != null && d.container().vcpus() != null ? d.container().vcpus() : 1;
    }

    private static double price(Map<String, String> settings, String key, double fallback) {
        String v = settings.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double p = Double.parseDouble(v.trim());
            if (!(p >= 0) || p > 100) {
                throw new IllegalArgumentException(key + ": " + v + " is out of range; allowed 0..100 USD per vCPU-hour");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number (USD per vCPU-hour)");
        }
    }
}
