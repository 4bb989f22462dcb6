package io.live2.compute.kernels;

import io.live2.compute.Motion;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.random.Philox;

/**
 * The integrator steps of a backend that works on a {@link WorkerPool}: kick, drift, Langevin thermostat and kinetic
 * energy, each the {@link Integrators} loop over one fixed {@link Blocks} block per task, the kinetic energy reduced
 * in block order. "cpu" and "simd" both step through this class, so their integrator bytes are the same by
 * construction, whatever the thread count.
 */
public final class PooledIntegrator {
    private final WorkerPool pool;
    private ParticleState state;
    private ForceField ff;
    private double[] kineticPartials = new double[0];
    private double[] heatPartials = new double[0];
    private double[] motionPartials = new double[0];

    // arguments of the current block task (set before pool.run; tasks are created once, never per step)
    private double stepDt;
    private double thermoC1;
    private double thermoKT;
    private long thermoStep;
    private int thermoPurpose;
    private Philox thermoRng;

    private final WorkerPool.BlockTask kickTask = (b, w) ->
            Integrators.kick(state, ff.invMassTable(), stepDt, Blocks.start(b), Blocks.end(b, state.n));
    private final WorkerPool.BlockTask driftTask = (b, w) ->
            Integrators.drift(state, stepDt, Blocks.start(b), Blocks.end(b, state.n));
    private final WorkerPool.BlockTask thermostatTask = (b, w) -> heatPartials[b] = Integrators.thermostat(state,
            ff.massTable(), thermoC1, thermoKT, thermoRng, thermoStep, thermoPurpose, Blocks.start(b), Blocks.end(b, state.n));
    private final WorkerPool.BlockTask motionTask = (b, w) -> Integrators.motion(state, ff.invMassTable(),
            Blocks.start(b), Blocks.end(b, state.n), motionPartials, 3 * b);
    private final WorkerPool.BlockTask kineticTask = (b, w) ->
            kineticPartials[b] = Integrators.kineticEnergy(state, ff.massTable(), Blocks.start(b), Blocks.end(b, state.n));

    /** Runs its tasks on pool, which the caller owns (and closes). */
    public PooledIntegrator(WorkerPool pool) {
        this.pool = pool;
    }

    /** Steps state from now on, with forceField's masses. */
    public void bind(ParticleState state, ForceField forceField) {
        this.state = state;
        this.ff = forceField;
        kineticPartials = new double[Blocks.count(state.n)];
        heatPartials = new double[Blocks.count(state.n)];
        motionPartials = new double[3 * Blocks.count(state.n)];
    }

    /** v += (f/m)·dt. */
    public void kick(double dt) {
        stepDt = dt;
        pool.run(kickTask, Blocks.count(state.n));
    }

    /** x += v·dt, wrapped into the box. */
    public void drift(double dt) {
        stepDt = dt;
        pool.run(driftTask, Blocks.count(state.n));
    }

    /**
     * Langevin O-step; noise keyed by (seed, step, atom id, purpose), so independent of the thread that draws it.
     * Returns the kinetic energy it changed, reduced in block order.
     */
    public double thermostat(double c1, double kT, long seed, long step, int purpose) {
        thermoC1 = c1;
        thermoKT = kT;
        thermoStep = step;
        thermoPurpose = purpose;
        thermoRng = new Philox(seed);
        int blocks = Blocks.count(state.n);
        pool.run(thermostatTask, blocks);
        return Blocks.sum(heatPartials, blocks);
    }

    /** The per-step sanity check, one block per task (max and "any" do not depend on the block order). */
    public Motion motion() {
        int blocks = Blocks.count(state.n);
        pool.run(motionTask, blocks);
        return Integrators.combine(state, ff.invMassTable(), motionPartials, blocks);
    }

    public double kineticEnergy() {
        int blocks = Blocks.count(state.n);
        pool.run(kineticTask, blocks);
        return Blocks.sum(kineticPartials, blocks);
    }
}
