package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.config.SimulationConfig;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;

/**
 * Energy injection (CHEMISTRY.md §5): every {@code interval} steps a pulse at a seeded random point.
 * <ul>
 *   <li>discharge: the pulse energy is split equally over the atoms within the radius, each getting a kick of
 *       that energy in a random direction (an electric discharge's hot electrons, coarsely);</li>
 *   <li>heat: the same energy per atom on average, as Gaussian velocity kicks (a hot spot);</li>
 *   <li>uv: each bond whose midpoint is within the radius is hit with the given probability and receives the
 *       pulse energy as motion of its two atoms apart along the bond (photolysis); it then dissociates through
 *       the ordinary breaking rule if the energy suffices.</li>
 * </ul>
 * The energy actually added (the exact kinetic-energy change) is returned so it can be reported and subtracted
 * from the energy balance. All random numbers are Philox draws keyed by (seed, step, atom id, purpose).
 */
final class EnergyPulses {
    private final SimulationConfig.Pulses cfg;
    private final Philox philox;

    EnergyPulses(SimulationConfig.Pulses cfg, long seed) {
        this.cfg = cfg;
        this.philox = new Philox(seed);
    }

    boolean active() {
        return cfg != null && !"none".equals(cfg.kind()) && cfg.interval() > 0 && cfg.energy() > 0;
    }

    boolean due(long step) {
        return active() && step % cfg.interval() == 0;
    }

    /**
     * What a pulse did: its centre (nm), the atoms within its radius (slot indices, ascending: those it kicked, and
     * those a kind mutation may change) and the kinetic energy it added (kJ/mol).
     */
    record Hit(double x, double y, int[] region, double energy) {
    }

    String kind() {
        return cfg.kind();
    }

    double radius() {
        return cfg.radius();
    }

    /** Applies the pulse for this step; the centre and the region are found once, for the kicks and the caller. */
    Hit apply(long step, ParticleState s, Topology t, ForceField ff) {
        double[] u = philox.uniforms(step, 0, Purpose.PULSE_POSITION);
        double cx = u[0] * s.boxX();
        double cy = u[1] * s.boxY();
        double r2max = cfg.radius() * cfg.radius();
        int[] region = java.util.stream.IntStream.range(0, s.n).filter(i -> within(s, i, cx, cy, r2max)).toArray();
        double added = switch (cfg.kind()) {
            case "uv" -> photolysis(step, s, t, ff, cx, cy, r2max);
            case "discharge", "heat" -> kicks(step, s, ff, region, "heat".equals(cfg.kind()));
            default -> throw new IllegalStateException("pulses.kind: unknown kind '" + cfg.kind() + "'");
        };
        return new Hit(cx, cy, region, added);
    }

    private double kicks(long step, ParticleState s, ForceField ff, int[] region, boolean gaussian) {
        if (region.length == 0) {
            return 0;
        }
        double perAtom = cfg.energy() / region.length;
        double added = 0;
        for (int i : region) {
            double m = ff.mass(s.type[i]);
            double[] g = philox.normals(step, s.id[i], Purpose.PULSE_KICK);
            double dvx;
            double dvy;
            if (gaussian) {
                double sd = Math.sqrt(perAtom / m);
                dvx = g[0] * sd;
                dvy = g[1] * sd;
            } else {
                double len = Math.hypot(g[0], g[1]);
                double speed = Math.sqrt(2.0 * perAtom / m);
                dvx = len == 0 ? speed : g[0] / len * speed;
                dvy = len == 0 ? 0 : g[1] / len * speed;
            }
            double before = s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i];
            s.vx[i] += dvx;
            s.vy[i] += dvy;
            added += 0.5 * m * (s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i] - before);
        }
        return added;
    }

    private double photolysis(long step, ParticleState s, Topology t, ForceField ff, double cx, double cy, double r2max) {
        double added = 0;
        for (int i = 0; i < s.n; i++) {
            for (int k = 0; k < t.degree(i); k++) {
                int j = t.partner(i, k);
                if (j < i) {
                    continue;
                }
                double mx = s.x[i] + 0.5 * s.minImageX(s.x[j] - s.x[i]);
                double my = s.y[i] + 0.5 * s.minImageY(s.y[j] - s.y[i]);
                double dx = s.minImageX(mx - cx);
                double dy = s.minImageY(my - cy);
                if (dx * dx + dy * dy >= r2max) {
                    continue;
                }
                double hit = philox.uniforms(step, s.id[i], Purpose.UV_BREAK + (k << 8))[0];
                if (hit < cfg.probability()) {
                    double before = kinetic(s, ff, i) + kinetic(s, ff, j);
                    KineticTransfer.addSeparating(s, ff, i, j, cfg.energy());
                    added += kinetic(s, ff, i) + kinetic(s, ff, j) - before;
                }
            }
        }
        return added;
    }

    private static double kinetic(ParticleState s, ForceField ff, int i) {
        return 0.5 * ff.mass(s.type[i]) * (s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i]);
    }

    private static boolean within(ParticleState s, int i, double cx, double cy, double r2max) {
        double dx = s.minImageX(s.x[i] - cx);
        double dy = s.minImageY(s.y[i] - cy);
        return dx * dx + dy * dy < r2max;
    }
}
