package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Units;
import io.live2.model.config.SimulationConfig;

/**
 * The nanoreactor piston (config {@code driver: {type: "piston", ...}}), after the ab initio nanoreactor of Wang et
 * al., Nature Chemistry 6, 1044–1048 (2014): a confining wall that periodically compresses the system while the
 * thermostat holds it hot, so molecules collide often and hard and the chemistry speeds up.
 *
 * <p>Physics (2-D): a circular wall centred in the periodic box. Its radius is R_max = half the box diagonal (the
 * circle reaches the corners, so at full extent no atom feels it) times
 * s(t) = 1 − (1 − f)·(1 − cos 2πt/T)/2, which runs smoothly from 1 at t = 0 to f = {@code min_fraction} at T/2 and
 * back at T = {@code period_ps}. An atom at distance r from the centre (its offset from the centre is already the
 * minimum image, since positions lie in [0, box)) beyond the radius feels the smooth flat-bottom harmonic potential
 * U_i = ½·m_i·κ·(r − R)² (zero inside; force continuous at r = R), mass-scaled as in the nanoreactor, so every atom
 * gets the same restoring acceleration κ·(r − R) whatever its mass. κ = {@value #KAPPA} ps⁻², i.e.
 * 1 kcal/mol/Å² per u: a thermal atom at 2,500 K penetrates √(k_BT/(mκ)) ≈ 0.06 nm (C) to 0.2 nm (H).
 *
 * <p>Time: the radius is a function of the simulated time of the step, so of the step number (never of wall time):
 * it is held fixed within a step and moves at the step boundary. The integrator then integrates, step by step, a
 * time-independent Hamiltonian (the backend's potential plus the wall at this step's radius), and the only energy
 * that enters from outside is the work done when the wall moves with the atoms held still,
 * W = Σ_i [U_i(x, R_new) − U_i(x, R_old)], which the engine adds to the ledger's {@code driver_work}. So total
 * energy (the wall's potential included) minus the bath's heat, the pulses' energy and this work is conserved up to
 * the integrator's own error (docs/validation.md).
 *
 * <p>Forces: the wall is an extra host pass, not a backend kernel. Its kick v += a·h/2 is applied next to the
 * backend's kick in every B step of velocity Verlet/BAOAB (kicks commute: B_wall·B_backend = B_total), with the
 * wall accelerations evaluated at the positions after each drift. On a device backend the engine pulls the state
 * before and pushes it after each wall pass (the pulses' pattern), which costs two transfers per half step.
 * Every sum runs in ascending atom order, so results do not depend on the thread count.
 */
final class PistonDriver {
    /** Mass-scaled wall stiffness, ps⁻²: 1 kcal/mol/Å² per u (4.184 kJ/mol / 0.01 nm² / u), the nanoreactor's scale. */
    static final double KAPPA = 418.4;

    private final double period;
    private final double minFraction;
    private double radius = Double.NaN;
    private double[] ax = new double[0];
    private double[] ay = new double[0];
    private double maxAcceleration;

    PistonDriver(SimulationConfig.Driver cfg) {
        this.period = cfg.periodPs();
        this.minFraction = cfg.minFraction();
    }

    /** The driver the config asks for, or null for none. */
    static PistonDriver of(SimulationConfig config) {
        return config.driver() == null ? null : new PistonDriver(config.driver());
    }

    /** The thermostat's kT: the driver's temperature while a driver runs, the config's otherwise (kJ/mol). */
    static double thermostatKt(SimulationConfig config) {
        double t = config.driver() != null ? config.driver().temperatureK() : config.temperature();
        return Units.K_B * t;
    }

    /** The wall's largest radius: half the box diagonal, nm. */
    static double maxRadius(ParticleState s) {
        return 0.5 * Math.hypot(s.boxX(), s.boxY());
    }

    /** The radius at simulated time t (ps), nm. */
    double radiusAt(double timePs, ParticleState s) {
        double phase = 2.0 * Math.PI * (timePs / period);
        double squeeze = (1.0 - minFraction) * 0.5 * (1.0 - Math.cos(phase));
        return maxRadius(s) * (1.0 - squeeze);
    }

    /** The current radius, nm. */
    double radius() {
        return radius;
    }

    /** Places the wall for a run starting (or resuming) at time t, and evaluates its accelerations. */
    void start(double timePs, ParticleState s) {
        radius = radiusAt(timePs, s);
        accelerations(s);
    }

    /**
     * Moves the wall to its radius at time t with the atoms held still, re-evaluates the accelerations and returns
     * the work the wall did on the system, Σ_i U_i(R_new) − U_i(R_old), kJ/mol.
     */
    double moveTo(double timePs, ParticleState s, ForceField ff) {
        double next = radiusAt(timePs, s);
        double cx = 0.5 * s.boxX();
        double cy = 0.5 * s.boxY();
        double work = 0;
        for (int i = 0; i < s.n; i++) {
            double r = Math.hypot(s.x[i] - cx, s.y[i] - cy);
            double dNew = Math.max(0.0, r - next);
            double dOld = Math.max(0.0, r - radius);
            if (dNew > 0 || dOld > 0) {
                work += 0.5 * ff.mass(s.type[i]) * KAPPA * (dNew - dOld) * (dNew + dOld);
            }
        }
        radius = next;
        accelerations(s);
        return work;
    }

    /** The wall's potential energy at the current positions and radius, kJ/mol. */
    double energy(ParticleState s, ForceField ff) {
        return energy(s, ff, radius);
    }

    static double energy(ParticleState s, ForceField ff, double radius) {
        double cx = 0.5 * s.boxX();
        double cy = 0.5 * s.boxY();
        double u = 0;
        for (int i = 0; i < s.n; i++) {
            double d = Math.hypot(s.x[i] - cx, s.y[i] - cy) - radius;
            if (d > 0) {
                u += 0.5 * ff.mass(s.type[i]) * KAPPA * d * d;
            }
        }
        return u;
    }

    /** Wall accelerations at the current positions and radius (call after every drift). */
    void accelerations(ParticleState s) {
        if (ax.length != s.n) {
            ax = new double[s.n];
            ay = new double[s.n];
        }
        double cx = 0.5 * s.boxX();
        double cy = 0.5 * s.boxY();
        double max = 0;
        for (int i = 0; i < s.n; i++) {
            double dx = s.x[i] - cx;
            double dy = s.y[i] - cy;
            double r = Math.hypot(dx, dy);
            double d = r - radius;
            if (d > 0) {
                double a = -KAPPA * d / r; // r > radius > 0
                ax[i] = a * dx;
                ay[i] = a * dy;
                max = Math.max(max, KAPPA * d);
            } else {
                ax[i] = 0;
                ay[i] = 0;
            }
        }
        maxAcceleration = max;
    }

    /** The wall's force on atom i (mass m), kJ/mol/nm, from the last evaluated accelerations. */
    double forceX(int i, double mass) {
        return mass * ax[i];
    }

    double forceY(int i, double mass) {
        return mass * ay[i];
    }

    /** v += a·h for every atom outside the wall. */
    void kick(ParticleState s, double h) {
        for (int i = 0; i < s.n; i++) {
            if (ax[i] != 0 || ay[i] != 0) {
                s.vx[i] += ax[i] * h;
                s.vy[i] += ay[i] * h;
            }
        }
    }

    /** The largest wall acceleration, nm/ps² (the sub-step control adds it to the backend's). */
    double maxAcceleration() {
        return maxAcceleration;
    }

    /** Mean distance of the atoms from the wall's centre, nm: how compressed the system is. */
    static double meanRadius(ParticleState s) {
        double cx = 0.5 * s.boxX();
        double cy = 0.5 * s.boxY();
        double sum = 0;
        for (int i = 0; i < s.n; i++) {
            sum += Math.hypot(s.x[i] - cx, s.y[i] - cy);
        }
        return s.n == 0 ? 0 : sum / s.n;
    }
}
