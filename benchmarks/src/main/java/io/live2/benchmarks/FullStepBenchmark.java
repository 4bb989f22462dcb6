package io.live2.benchmarks;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;
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
 * NVE velocity-Verlet steps (kick, drift, forces only, kick; dt = 0.005) of the lj-fluid system, with neighbour
 * rebuilds when the displacement check asks for them: what {@code live bench lj} and the engine do per step.
 * One operation is {@value #STEPS} steps and then the kinetic energy (the engine samples the temperature every
 * few steps); the score is per step. The kinetic energy is a read-back for the device backends, which otherwise
 * only enqueue their kernels: without it the score would time the enqueueing, not the work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
public class FullStepBenchmark {
    private static final double DT = 0.005;
    static final int STEPS = 10;

    @Param({"1000", "10000", "100000"})
    public int atoms;

    @Param({"cpu", "simd", "opencl", "aparapi"})
    public String backend;

    @Param({"1", "2"})
    public int threads;

    private ComputeBackend compute;

    @Setup(Level.Trial)
    public void setUp() {
        LjSystem system = LjSystem.lattice(atoms, 0.7, 2.5, 1.0, 87287);
        compute = Backends.create(backend, threads);
        compute.bind(system.state(), system.topology(), system.forceField(), new NeighborSettings(0.3));
        compute.computeForces();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        compute.close();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double step() {
        for (int k = 0; k < STEPS; k++) {
            compute.kick(0.5 * DT);
            compute.drift(DT);
            compute.computeForcesOnly();
            compute.kick(0.5 * DT);
        }
        return compute.kineticEnergy();
    }
}
