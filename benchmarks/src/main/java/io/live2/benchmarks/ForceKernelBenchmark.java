package io.live2.benchmarks;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One force evaluation on the lj-fluid lattice (density 0.7, cutoff 2.5, skin 0.3) with the neighbour list
 * already built and the atoms at rest, so this is the pair kernel alone. The reference backend is O(N²):
 * run it only at 1,000 atoms ({@code -p backend=reference -p atoms=1000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
public class ForceKernelBenchmark {
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
    public Energies computeForces() {
        return compute.computeForces();
    }
}
