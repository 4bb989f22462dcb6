package io.live2.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's counters and accumulators: what results.json reports and what a checkpoint must carry so that a
 * resumed run reports the same totals as an uninterrupted one.
 */
public final class RunLedger {
    long bondsFormed;
    long bondsBroken;
    long ordersRaised;
    long ordersLowered;
    long eventsRejected;
    long pulses;
    long mutations;
    long temperatureSamples;
    /** Steps the sub-step control split, the extra integration steps that cost, and the most parts of one step. */
    long stepsSplit;
    long substepsExtra;
    long substepsMax;
    double energyInitial = Double.NaN;
    double energyInjected;
    double reactionPotentialChange;
    /** Kinetic energy the Langevin bath gave (negative: took), summed over every O-step in step order. */
    double bathHeat;
    double temperatureSum;
    /** Work the driver's moving wall did on the system (negative: took), summed over every step in step order. */
    double driverWork;
    double wallSecondsBefore;
    Map<String, Long> elementsInitial = new java.util.TreeMap<>();
    private static final String ELEMENT_PREFIX = "element_initial:";

    public long bondsFormed() {
        return bondsFormed;
    }

    public long bondsBroken() {
        return bondsBroken;
    }

    public long ordersRaised() {
        return ordersRaised;
    }

    public long ordersLowered() {
        return ordersLowered;
    }

    public long eventsRejected() {
        return eventsRejected;
    }

    public double energyInjected() {
        return energyInjected;
    }

    public double energyInitial() {
        return energyInitial;
    }

    public Map<String, Long> elementsInitial() {
        return java.util.Collections.unmodifiableMap(elementsInitial);
    }

    public double bathHeat() {
        return bathHeat;
    }

    public double driverWork() {
        return driverWork;
    }

    /**
     * What the energy ledger cannot account for: E_now − E_initial − injected − bath heat − driver work. Reactive
     * events pay their ΔU from the kinetic energy of the pair, pulses and mutations are counted as injected and the
     * driver's wall work as driver work, so this is the integrator's own error (BAOAB's "shadow work", Sivak et al.
     * 2014, under NVT; plain drift under NVE).
     */
    public double energyResidual(double energyNow) {
        return energyNow - energyInitial - energyInjected - bathHeat - driverWork;
    }

    public long stepsSplit() {
        return stepsSplit;
    }

    public long substepsExtra() {
        return substepsExtra;
    }

    public long substepsMax() {
        return substepsMax;
    }

    public double meanTemperature() {
        return temperatureSamples == 0 ? Double.NaN : temperatureSum / temperatureSamples;
    }

    Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("bonds_formed", bondsFormed);
        m.put("bonds_broken", bondsBroken);
        m.put("orders_raised", ordersRaised);
        m.put("orders_lowered", ordersLowered);
        m.put("events_rejected", eventsRejected);
        m.put("pulses", pulses);
        m.put("mutations", mutations);
        m.put("temperature_samples", temperatureSamples);
        m.put("steps_split", stepsSplit);
        m.put("substeps_extra", substepsExtra);
        m.put("substeps_max", substepsMax);
        elementsInitial.forEach((k, v) -> m.put(ELEMENT_PREFIX + k, v));
        return m;
    }

    Map<String, Double> accumulators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("energy_initial", energyInitial);
        m.put("energy_injected", energyInjected);
        m.put("reaction_potential_change", reactionPotentialChange);
        m.put("temperature_sum", temperatureSum);
        m.put("bath_heat", bathHeat);
        if (driverWork != 0) {
            m.put("driver_work", driverWork); // only with a driver, so other checkpoints keep their bytes
        }
        m.put("wall_seconds", wallSecondsBefore);
        return m;
    }

    static RunLedger from(Map<String, Long> counters, Map<String, Double> acc) {
        RunLedger l = new RunLedger();
        l.bondsFormed = counters.getOrDefault("bonds_formed", 0L);
        l.bondsBroken = counters.getOrDefault("bonds_broken", 0L);
        l.ordersRaised = counters.getOrDefault("orders_raised", 0L);
        l.ordersLowered = counters.getOrDefault("orders_lowered", 0L);
        l.eventsRejected = counters.getOrDefault("events_rejected", 0L);
        l.pulses = counters.getOrDefault("pulses", 0L);
        l.mutations = counters.getOrDefault("mutations", 0L);
        l.temperatureSamples = counters.getOrDefault("temperature_samples", 0L);
        l.stepsSplit = counters.getOrDefault("steps_split", 0L);
        l.substepsExtra = counters.getOrDefault("substeps_extra", 0L);
        l.substepsMax = counters.getOrDefault("substeps_max", 0L);
        counters.forEach((k, v) -> {
            if (k.startsWith(ELEMENT_PREFIX)) {
                l.elementsInitial.put(k.substring(ELEMENT_PREFIX.length()), v);
            }
        });
        l.energyInitial = acc.getOrDefault("energy_initial", Double.NaN);
        l.energyInjected = acc.getOrDefault("energy_injected", 0.0);
        l.reactionPotentialChange = acc.getOrDefault("reaction_potential_change", 0.0);
        l.temperatureSum = acc.getOrDefault("temperature_sum", 0.0);
        l.bathHeat = acc.getOrDefault("bath_heat", 0.0);
        l.driverWork = acc.getOrDefault("driver_work", 0.0);
        l.wallSecondsBefore = acc.getOrDefault("wall_seconds", 0.0);
        return l;
    }
}
