package io.live2.engine;

import io.live2.compute.Motion;
import io.live2.model.ParticleType;
import io.live2.model.config.SimulationConfig;

import java.util.List;

/**
 * Splits a time step into sub-steps when some atom would otherwise drift further than {@code maxDisplacement}
 * in one integration step (a displacement-limited step, as LAMMPS's fix dt/reset for radiation cascades).
 *
 * <p>Why: a pulse can hand one atom thousands of kJ/mol (an H atom at 50–70 nm/ps moves 0.03 nm per 0.5 fs
 * step), and velocity Verlet cannot follow such an atom into a Lennard-Jones wall whose energy changes e-fold
 * over ~0.01 nm: each step then creates energy, the atom speeds up, and the run blows up (issue 11, replayed by
 * the engine's blow-up regression test). Shorter steps integrate the same physics more finely; nothing is
 * clamped. Thermal atoms at the presets' temperatures move well under the limit, so ordinary steps are not split
 * and keep their bytes (sub-step 0 draws the noise an undivided step always drew).
 */
final class StepControl {
    private final double maxDisplacement;

    StepControl(double maxDisplacement) {
        if (!(maxDisplacement > 0)) {
            throw new IllegalArgumentException("maxDisplacement must be positive, got " + maxDisplacement);
        }
        this.maxDisplacement = maxDisplacement;
    }

    /**
     * The config's limit ({@code max_displacement}, in units of σ) made a length with the smallest σ of the type
     * table: a Lennard-Jones wall stiffens on a length scale proportional to σ, and the smallest σ has the
     * steepest wall (0.04 σ_H = 0.010 nm for the element presets, 0.04 nm in the reduced-unit lj-fluid).
     */
    static StepControl of(SimulationConfig config, List<ParticleType> types) {
        double sigma = Double.POSITIVE_INFINITY;
        for (ParticleType t : types) {
            sigma = Math.min(sigma, t.sigma());
        }
        return new StepControl(config.maxDisplacement() * sigma);
    }

    /** The limit, nm. */
    double maxDisplacement() {
        return maxDisplacement;
    }

    /**
     * Into how many equal parts the {@code remaining} time of a step must be cut so that no atom drifts further
     * than the limit in any part, judged from the motion now (re-judged after every part, so an atom that a
     * collision speeds up is followed too). At least 1; {@link Integer#MAX_VALUE} when no finite count is enough.
     */
    int parts(Motion motion, double remaining) {
        if (motion.maxDisplacement(remaining) <= maxDisplacement) {
            return 1;
        }
        double parts = Math.ceil(remaining / motion.longestStep(maxDisplacement));
        return parts >= Integer.MAX_VALUE || Double.isNaN(parts) ? Integer.MAX_VALUE : Math.max(1, (int) parts);
    }
}
