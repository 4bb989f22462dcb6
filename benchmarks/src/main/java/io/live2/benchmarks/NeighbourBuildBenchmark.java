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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One neighbour-list build (cell binning and the lists; on the device backends including the kernel launches
 * and the wait for them) on the lj-fluid system, per backend, through {@link ComputeBackend#rebuildNeighbourList()}.
 * The atoms are first moved off the lattice by 200 NVE steps so the cells are filled as in a fluid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
public class NeighbourBuildBenchmark {
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
        for (int step = 0; step < 200; step++) {
            compute.kick(0.0025);
            compute.drift(0.005);
            compute.computeForces();
            compute.kick(0.0025);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        compute.close();
    }

    @Benchmark
    public long build() {
        compute.rebuildNeighbourList();
        return compute.neighbourBuilds();
    }
}
