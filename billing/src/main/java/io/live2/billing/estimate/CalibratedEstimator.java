package io.live2.billing.estimate;

import io.live2.billing.Capacity;
import io.live2.billing.JobEstimate;
import io.live2.model.config.SimulationConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A job's duration and cost before it runs:
 * <pre>
 *   duration = fixed(atoms) + steps × secondsPerStep(atoms)      (both from the calibration of its backend and family)
 *   cost     = duration / 3600 × USD per hour of the instance on the capacity × safety factor
 * </pre>
 * secondsPerStep is atoms ÷ the measured atom-steps per second. The calibration comes from {@code live calibrate};
 * docs/billing.md reports how far the estimate is from what jobs take.
 */
public final class CalibratedEstimator {
    /** The backend the calibration falls back to when a job's backend was not measured. */
    static final String DEFAULT_BACKEND = "auto";

    private final Map<String, ThroughputCurve> curves = new LinkedHashMap<>();
    private final PriceTable prices;
    private final String instanceType;
    private final double safetyFactor;

    public CalibratedEstimator(Calibration calibration, PriceTable prices, String instanceType, double safetyFactor) {
        if (!(safetyFactor >= 1) || Double.isInfinite(safetyFactor)) {
            throw new IllegalArgumentException("billing.safety_factor: " + safetyFactor + " is out of range; allowed 1..10");
        }
        prices.usdPerHour(instanceType, Capacity.SPOT); // unknown instance type: refused now, not at the first job
        Map<String, List<Calibration.Point>> grouped = calibration.points().stream()
                .collect(Collectors.groupingBy(p -> key(p.backend(), p.family()), LinkedHashMap::new, Collectors.toList()));
        grouped.forEach((k, v) -> curves.put(k, new ThroughputCurve(v)));
        this.prices = prices;
        this.instanceType = instanceType;
        this.safetyFactor = safetyFactor;
    }

    /** The bundled calibration and prices, a c7i.2xlarge, and a safety factor of 1.25. */
    public static CalibratedEstimator defaults() {
        return new CalibratedEstimator(Calibration.bundled(), PriceTable.bundled(), "c7i.2xlarge", 1.25);
    }

    public JobEstimate estimate(SimulationConfig config, Capacity capacity) {
        String family = Families.of(config);
        String backend = config.backend() == null ? DEFAULT_BACKEND : config.backend();
        StringBuilder basis = new StringBuilder();
        ThroughputCurve curve = curves.get(key(backend, family));
        if (curve == null) {
            curve = curves.get(key(DEFAULT_BACKEND, family));
            if (curve != null) {
                basis.append("backend ").append(backend).append(" not calibrated, ").append(DEFAULT_BACKEND).append("'s figures; ");
                backend = DEFAULT_BACKEND;
            }
        }
        if (curve == null) {
            String fallback = Families.kindFallback(config);
            curve = curves.get(key(backend, fallback));
            if (curve == null) {
                curve = curves.get(key(DEFAULT_BACKEND, fallback));
                backend = DEFAULT_BACKEND;
            }
            if (curve == null) {
                curve = curves.values().iterator().next();
                basis.append("nothing calibrated for ").append(family).append("; the first calibrated curve; ");
            } else {
                basis.append(family).append(" not calibrated, ").append(fallback).append("'s figures; ");
            }
            family = fallback;
        }
        int atoms = config.particles();
        double perStep = curve.secondsPerStep(atoms);
        double seconds = curve.fixedSeconds() + config.steps() * perStep;
        double usdPerHour = prices.usdPerHour(instanceType, capacity);
        double cost = seconds / 3600.0 * usdPerHour * safetyFactor;
        basis.append(String.format(Locale.ROOT, "%s/%s at %d atoms: %.3g atom-steps/s, %.1f s fixed (calibrated %d..%d atoms); "
                        + "%s %s $%.4f/h x %.2f", family, backend, atoms, atoms / perStep, curve.fixedSeconds(),
                curve.minAtoms(), curve.maxAtoms(), instanceType, capacity.wireName(), usdPerHour, safetyFactor));
        return new JobEstimate(seconds, cost, instanceType, basis.toString());
    }

    /** What a job that ran {@code seconds} cost: the same price as the estimate, without the safety factor. */
    public double actualCostUsd(double seconds, Capacity capacity) {
        return seconds / 3600.0 * prices.usdPerHour(instanceType, capacity);
    }

    private static String key(String backend, String family) {
        return backend + "/" + family;
    }
}
