package io.live2.compute.opencl;

import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Shared test support: OpenCL must be present under CI=true (the tests fail otherwise); elsewhere a machine without
 * OpenCL skips them with the probe's reason. Also random bonded test systems of H, C, N, O (as the CPU tests' ones).
 */
final class OpenClTests {
    static final PhysicsDatabase DB = PhysicsDatabase.builtIn();
    static final List<String> SYMBOLS = List.of("H", "C", "N", "O");
    static final ForceField FF = new ForceField(
            SYMBOLS.stream().map(s -> ParticleType.of(DB.element(s))).toList(), BondRule.fromDatabase(DB), 2.5);

    record Sys(ParticleState state, Topology topology, ForceField ff) {
        Sys copy() {
            return new Sys(state.copy(), topology.copy(), ff);
        }
    }

    private OpenClTests() {
    }

    static void requireOpenCl() {
        String why = OpenClDevice.unavailableReason();
        if (why == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but OpenCL is not usable, so the OpenCL backend cannot be tested: " + why);
        }
        Assumptions.abort("OpenCL backend tests skipped: " + why);
    }

    static int type(String symbol) {
        return SYMBOLS.indexOf(symbol);
    }

    /** Random system: fragments H-X-H (bonds near r_e, angles 50-100 degrees so the 1-3 term acts) and free atoms. */
    static Sys random(long seed, int atoms, int fragments, double box) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ParticleState s = new ParticleState(atoms, box, box);
        Topology t = new Topology(atoms);
        int placed = 0;
        for (int f = 0; f < fragments && placed + 3 <= atoms; f++) {
            String centre = List.of("C", "N", "O").get(rnd.nextInt(3));
            int c = placed;
            s.type[c] = type(centre);
            s.type[c + 1] = type("H");
            s.type[c + 2] = type("H");
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
                setPos(s, c + 1, cx + r1 * Math.cos(a1), cy + r1 * Math.sin(a1));
                setPos(s, c + 2, cx + r2 * Math.cos(a2), cy + r2 * Math.sin(a2));
                if (clear(s, placed, c, 3) || attempt > 10_000) {
                    break;
                }
            }
            t.addBond(c, c + 1, 1);
            t.addBond(c, c + 2, 1);
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
        return new Sys(s, t, FF);
    }

    /** Rounds positions and velocities to float, so that both backends see the same input. */
    static void roundToFloat(ParticleState s) {
        for (int i = 0; i < s.n; i++) {
            s.x[i] = (float) s.x[i];
            s.y[i] = (float) s.y[i];
            s.vx[i] = (float) s.vx[i];
            s.vy[i] = (float) s.vy[i];
        }
    }

    private static void setPos(ParticleState s, int i, double x, double y) {
        s.x[i] = ParticleState.wrap(x, s.boxX());
        s.y[i] = ParticleState.wrap(y, s.boxY());
    }

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
