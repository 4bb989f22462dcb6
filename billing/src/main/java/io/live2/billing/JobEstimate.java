package io.live2.billing;

/**
 * What a job will take before it runs.
 *
 * @param durationSeconds wall time: start-up + simulation + analysis and upload
 * @param costUsd         compute cost on the requested capacity, safety factor included
 * @param instanceType    the instance type priced (e.g. c7i.2xlarge)
 * @param basis           one line saying what the figure rests on (calibration point, throughput, price), for users
 */
public record JobEstimate(double durationSeconds, double costUsd, String instanceType, String basis) {
}
