package io.live2.compute.cpu;

import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random systems of real elements (H, C, N, O from the built-in database) for the backend tests (shared
 * with the other backend modules through compute-spi's test jar):
 * some bent H-X-H fragments (bonds at about r_e, angles small enough that the soft 1-3 repulsion acts) and
 * free atoms, placed without close overlaps between fragments.
 */
public final class TestSystems {
    public static final PhysicsDatabase DB = PhysicsDatabase.builtIn();
    public static final List<String> SYMBOLS = List.of("H", "C", "N", "O");
    public static final ForceField FF = new ForceField(
            SYMBOLS.stream().map(s -> ParticleType.of(DB.element(s))).toList(), BondRule.fromDatabase(DB), 2.5);

    public record System(ParticleState state, Topology topology, ForceField ff) {
        public System copy() {
            return new System(state.copy(), topology.copy(), ff);
        }
    }

    private TestSystems() {
    }

    public static int type(String symbol) {
        return SYMBOLS.indexOf(symbol);
    }

    /**
     * @param atoms     total atoms
     * @param fragments how many H-X-H fragments (3 atoms each) among them
     * @param box       square box side, nm
     */
    public static System random(long seed, int atoms, int fragments, double box) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ParticleState s = new ParticleState(atoms, box, box);
        Topology t = new Topology(atoms);
        int placed = 0;
        for (int f = 0; f < fragments && placed + 3 <= atoms; f++) {
            String centre = List.of("C", "N", "O").get(rnd.nextInt(3));
            int c = placed;
            int h1 = placed + 1;
            int h2 = placed + 2;
            s.type[c] = type(centre);
            s.type[h1] = type("H");
            s.type[h2] = type("H");
            MorseParams m = DB.morse(centre, "H", 1);
            double re = m.reNm();
            for (int attempt = 0; ; attempt++) {
                double cx = rnd.nextDouble() * box;
                double cy = rnd.nextDouble() * box;
                double a1 = rnd.nextDouble() * 2 * Math.PI;
                double a2 = a1 + Math.toRadians(50 + 50 * rnd.nextDouble());
                double r1 = re * (0.9 + 0.2 * rnd.nextDouble());
                double r2 = re * (0.9 + 0.2 * rnd.nextDouble());
                setPos(s, c, cx, cy);
                setPos(s, h1, cx + r1 * Math.cos(a1), cy + r1 * Math.sin(a1));
                setPos(s, h2, cx + r2 * Math.cos(a2), cy + r2 * Math.sin(a2));
                if (clear(s, placed, c, 3) || attempt > 10_000) {
                    break;
                }
            }
            t.addBond(c, h1, 1);
            t.addBond(c, h2, 1);
            placed += 3;
        }
        while (placed < atoms) {
            s.type[placed] = rnd.nextInt(SYMBOLS.size());
            for (int attempt = 0; ; attempt++) {
                setPos(s, placed, rnd.nextDouble() * box, rnd.nextDouble() * box);
                if (clear(s, placed, placed, 1) || attempt > 10_000) {
                    break;
                }
            }
            placed++;
        }
        for (int i = 0; i < atoms; i++) {
            double sd = Math.sqrt(2.5 / FF.mass(s.type[i]));
            s.vx[i] = sd * gaussian(rnd);
            s.vy[i] = sd * gaussian(rnd);
        }
        return new System(s, t, FF);
    }

    private static void setPos(ParticleState s, int i, double x, double y) {
        s.x[i] = ParticleState.wrap(x, s.boxX());
        s.y[i] = ParticleState.wrap(y, s.boxY());
    }

    /** Atoms [first, first+count) keep at least 0.22 nm from every atom placed before them. */
    private static boolean clear(ParticleState s, int before, int first, int count) {
        for (int i = first; i < first + count; i++) {
            for (int j = 0; j < before; j++) {
                if (s.distance2(i, j) < 0.22 * 0.22) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
