package io.live2.benchmarks;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.model.ForceField;
import io.live2.model.Units;
import io.live2.model.build.InitialSystem;
import io.live2.model.build.SystemBuilder;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the engine's per-step sanity check costs (issue 11: under 2 % of a step). One BAOAB step of a chemistry
 * preset (kick, drift, thermostat, drift, forces, kick, as Simulation integrates an undivided step) is timed
 * without ({@code step}) and with ({@code stepAndCheck}) the {@link ComputeBackend#motion()} pass the engine runs
 * after it; {@code check} times the pass alone. Both step benchmarks advance the same kind of system from the same
 * start in the same trial, so their ratio is the check's share of a step. No reactive events or pulses: those
 * come every 10 and 500 steps and would only dilute the share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
public class SanityCheckBenchmark {
    static final int STEPS = 10;

    @Param({"miller-urey", "formamide"})
    public String preset;

    @Param({"1000", "10000"})
    public int atoms;

    @Param({"simd", "cpu"})
    public String backend;

    @Param({"1"})
    public int threads;

    private ComputeBackend compute;
    private double dt;
    private double c1;
    private double kT;
    private long seed;
    private long step;

    @Setup(Level.Trial)
    public void setUp() {
        SimulationConfig cfg = ConfigLoader.fromJson("{\"preset\": \"" + preset + "\", \"particles\": " + atoms + "}");
        InitialSystem sys = SystemBuilder.build(cfg);
        ForceField ff = new ForceField(sys.types(), sys.bondRule(), cfg.cutoff());
        compute = Backends.create(backend, threads);
        compute.bind(sys.state(), sys.topology(), ff, new NeighborSettings(cfg.skin()));
        compute.computeForces();
        dt = cfg.timestep();
        c1 = Math.exp(-cfg.friction() * dt);
        kT = Units.K_B * cfg.temperature();
        seed = cfg.seed();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        compute.close();
    }

    private void integrate() {
        compute.kick(0.5 * dt);
        compute.drift(0.5 * dt);
        compute.thermostat(c1, kT, seed, ++step, 0);
        compute.drift(0.5 * dt);
        compute.computeForcesOnly();
        compute.kick(0.5 * dt);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void step() {
        for (int k = 0; k < STEPS; k++) {
            integrate();
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double stepAndCheck() {
        double sum = 0;
        for (int k = 0; k < STEPS; k++) {
            integrate();
            Motion m = compute.motion();
            sum += m.maxSpeed() + m.firstBadAtom();
        }
        return sum;
    }

    @Benchmark
    public Motion check() {
        return compute.motion();
    }
}
