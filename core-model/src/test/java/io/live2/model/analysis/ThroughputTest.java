package io.live2.model.analysis;

import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.io.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints (never asserts) the time to extract and key a 100,000-atom frame of small molecules: cold (every molecule
 * keyed) and warm (a second frame with 1% of molecules changed, so the keyer reuses the rest).
 * Also runnable as a main method for a longer measurement.
 */
class ThroughputTest {

    /** water, methane, ethanol-like chains, H2 and free atoms; 100,000 atoms; ids shuffled across slots. */
    static Snapshot frame(long step, int atoms, long seed, double changeFraction) {
        Random r = new Random(seed);
        ParticleState st = new ParticleState(atoms, 300, 300);
        Topology t = new Topology(atoms);
        int i = 0;
        Random edits = new Random(step);
        while (i < atoms) {
            int kind = r.nextInt(5);
            int size = switch (kind) {
                case 0 -> 3;
                case 1 -> 5;
                case 2 -> 9;
                case 3 -> 2;
                default -> 1;
            };
            if (i + size > atoms) {
                size = 1;
                kind = 4;
            }
            double cx = r.nextDouble() * 300;
            double cy = r.nextDouble() * 300;
            for (int k = 0; k < size; k++) {
                st.x[i + k] = ParticleState.wrap(cx + 0.1 * k, 300);
                st.y[i + k] = cy;
            }
            boolean change = edits.nextDouble() < changeFraction;
            switch (kind) {
                case 0 -> { // H2O
                    st.type[i] = 2; st.type[i + 1] = 1; st.type[i + 2] = 1;
                    t.addBond(i, i + 1, 1);
                    if (!change) {
                        t.addBond(i, i + 2, 1);
                    }
                }
                case 1 -> { // CH4
                    st.type[i] = 0;
                    for (int k = 1; k < 5; k++) {
                        st.type[i + k] = 1;
                        t.addBond(i, i + k, 1);
                    }
                }
                case 2 -> { // C2H5OH
                    st.type[i] = 0; st.type[i + 1] = 0; st.type[i + 2] = 2;
                    for (int k = 3; k < 9; k++) {
                        st.type[i + k] = 1;
                    }
                    t.addBond(i, i + 1, 1); t.addBond(i + 1, i + 2, 1);
                    t.addBond(i, i + 3, 1); t.addBond(i, i + 4, 1); t.addBond(i, i + 5, 1);
                    t.addBond(i + 1, i + 6, 1); t.addBond(i + 1, i + 7, 1);
                    t.addBond(i + 2, i + 8, change ? 2 : 1);
                }
                case 3 -> { // H2
                    st.type[i] = 1; st.type[i + 1] = 1;
                    t.addBond(i, i + 1, 1);
                }
                default -> st.type[i] = r.nextBoolean() ? 1 : 4;
            }
            i += size;
        }
        // ids: a fixed random permutation of 0..n-1 (slots not in id order)
        long[] ids = new long[atoms];
        for (int k = 0; k < atoms; k++) {
            ids[k] = k;
        }
        Random pr = new Random(seed * 31);
        for (int k = atoms - 1; k > 0; k--) {
            int j = pr.nextInt(k + 1);
            long tmp = ids[k];
            ids[k] = ids[j];
            ids[j] = tmp;
        }
        System.arraycopy(ids, 0, st.id, 0, atoms);
        return new Snapshot(step, step * 0.001, Graphs.TYPES, st, t);
    }

    @Test
    void printsExtractAndKeyTimeFor100kAtoms() {
        run(1);
    }

    static void run(int reps) {
        int n = 100_000;
        Snapshot a = frame(1000, n, 42, 0.0);
        Snapshot b = frame(2000, n, 42, 0.01);
        for (int rep = 0; rep < reps; rep++) {
            SpeciesKeyer keyer = new SpeciesKeyer();
            long t0 = System.nanoTime();
            List<MoleculeGraph> ma = MoleculeExtractor.extract(a);
            long t1 = System.nanoTime();
            List<String> ka = keyer.keys(ma);
            long t2 = System.nanoTime();
            long before = keyer.rekeyed();
            List<MoleculeGraph> mb = MoleculeExtractor.extract(b);
            List<String> kb = keyer.keys(mb);
            long rekeyedB = keyer.rekeyed() - before;
            long t3 = System.nanoTime();
            ChemistryAnalysis an = new ChemistryAnalysis();
            an.accept(a);
            long t4 = System.nanoTime();
            an.accept(b);
            long t5 = System.nanoTime();
            assertEquals(ma.size(), ka.size());
            assertEquals(mb.size(), kb.size());
            System.out.printf("analysis throughput, %d atoms, %d molecules: extract %.1f ms, key cold %.1f ms,"
                            + " (%d canonical searches), next frame extract+key (1%% changed, %d searches) %.1f ms;"
                            + " ChemistryAnalysis.accept first %.1f ms, second with reactions (%d events) %.1f ms%n",
                    n, ma.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, before, rekeyedB, (t3 - t2) / 1e6,
                    (t4 - t3) / 1e6, an.reactions().eventCount(), (t5 - t4) / 1e6);
        }
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    }
}
