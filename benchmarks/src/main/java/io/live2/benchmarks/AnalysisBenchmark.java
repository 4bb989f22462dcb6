package io.live2.benchmarks;

import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.analysis.CanonicalKey;
import io.live2.model.analysis.ChemistryAnalysis;
import io.live2.model.analysis.MoleculeExtractor;
import io.live2.model.analysis.MoleculeGraph;
import io.live2.model.build.InitialSystem;
import io.live2.model.build.SystemBuilder;
import io.live2.model.config.ConfigLoader;
import io.live2.model.io.Snapshot;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Chemistry analysis throughput on a Miller–Urey mixture: keying every molecule from scratch (molecules keyed per
 * second = molecules / time per op, printed at setup), and the full analysis of two frames (extract, key, catalogue,
 * atom-mapped reaction detection) where the second frame has 1 % of the bonds broken.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
public class AnalysisBenchmark {
    @Param({"10000", "100000"})
    public int atoms;

    private Snapshot before;
    private Snapshot after;
    private List<MoleculeGraph> molecules;

    @Setup(Level.Trial)
    public void setUp() {
        InitialSystem sys = SystemBuilder.build(ConfigLoader.fromJson(
                "{\"preset\": \"miller-urey\", \"particles\": " + atoms + ", \"seed\": 7}"));
        before = new Snapshot(0, 0, sys.types(), sys.state(), sys.topology());
        Topology broken = sys.topology().copy();
        Random rnd = new Random(7);
        ParticleState s = sys.state();
        for (int i = 0; i < s.n; i++) {
            if (broken.degree(i) > 0 && rnd.nextDouble() < 0.01) {
                broken.removeBond(i, broken.partner(i, 0));
            }
        }
        after = new Snapshot(1000, 0.5, sys.types(), s, broken);
        molecules = MoleculeExtractor.extract(before);
        System.out.printf("%n[analysis] %d atoms, %d molecules per frame%n", s.n, molecules.size());
    }

    @Benchmark
    public void keyEveryMolecule(Blackhole bh) {
        for (MoleculeGraph g : molecules) {
            bh.consume(CanonicalKey.of(g));
        }
    }

    @Benchmark
    public ChemistryAnalysis analyseTwoFrames() {
        ChemistryAnalysis analysis = new ChemistryAnalysis();
        analysis.accept(before);
        analysis.accept(after);
        return analysis;
    }
}
