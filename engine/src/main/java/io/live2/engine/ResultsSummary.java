package io.live2.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * results/results.json: the fixed fields of the contract first, then extras. Energies in kJ/mol, temperatures in K.
 * energy_drift_relative = (E_final − E_initial − energy_injected − energy_bath_heat − energy_driver_work) / |E_initial|:
 * the integrator's own energy error, under NVE and (with the bath's heat counted) under NVT. energy_driver_work (only
 * with a driver) is the work the driver's moving wall did; E includes the wall's potential energy.
 */
final class ResultsSummary {
    private ResultsSummary() {
    }

    static Map<String, Object> of(Simulation sim, RunStatus status, long stepsThisRun, double wallThisRun) {
        RunLedger l = sim.ledger();
        double eFinal = sim.totalEnergy();
        double eInit = l.energyInitial();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.wireName());
        m.put("steps", sim.step());
        m.put("simulated_time_ps", sim.timePs());
        m.put("wall_seconds", l.wallSecondsBefore);
        double rate = wallThisRun > 0 ? stepsThisRun / wallThisRun : 0;
        m.put("steps_per_second", rate);
        m.put("atom_steps_per_second", rate * sim.state().n);
        m.put("energy_initial", eInit);
        m.put("energy_final", eFinal);
        double residual = l.energyResidual(eFinal);
        m.put("energy_drift_relative", eInit == 0 ? 0 : residual / Math.abs(eInit));
        m.put("mean_temperature", l.temperatureSamples == 0 ? sim.temperature() : l.meanTemperature());
        m.put("elements_initial", l.elementsInitial());
        m.put("elements_final", sim.elementCounts());
        m.put("bonds_formed", l.bondsFormed());
        m.put("bonds_broken", l.bondsBroken());
        m.put("energy_injected", l.energyInjected());
        m.put("energy_bath_heat", l.bathHeat());
        if (sim.config().driver() != null) {
            m.put("energy_driver_work", l.driverWork());
        }
        m.put("energy_residual", residual);
        m.put("energy_ledger_error", RunChecks.ledgerError(sim));
        m.put("steps_split", l.stepsSplit());
        m.put("substeps_extra", l.substepsExtra());
        m.put("substeps_max", l.substepsMax());
        m.put("atoms", sim.state().n);
        m.put("ensemble", sim.config().ensemble().name().toLowerCase(java.util.Locale.ROOT));
        m.put("temperature_target", sim.config().temperature());
        m.put("temperature_final", sim.temperature());
        m.put("kinetic_energy_final", sim.kineticEnergy());
        m.put("potential_energy_final", sim.potentialEnergy());
        m.put("pressure_final", sim.pressure());
        m.put("bonds_final", sim.topology().bondCount());
        m.put("molecules_final", Molecules.count(sim.topology()));
        m.put("bond_orders_raised", l.ordersRaised());
        m.put("bond_orders_lowered", l.ordersLowered());
        m.put("reactive_events_rejected", l.eventsRejected());
        m.put("pulses", l.pulses);
        m.put("kind_mutations", l.mutations);
        m.put("particle_types_final", sim.forceField().typeCount());
        m.put("backend", sim.backendName());
        m.put("threads", sim.threads());
        m.put("steps_this_invocation", stepsThisRun);
        m.put("wall_seconds_this_invocation", wallThisRun);
        return m;
    }
}
