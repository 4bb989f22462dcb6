package io.live2.compute;

import io.live2.model.ParticleState;

/**
 * The engine's per-step sanity check and sub-step control, read from the state after every force evaluation:
 * the largest speed and acceleration of any atom, and the first atom whose state cannot be integrated.
 *
 * @param maxSpeed        largest |v| over all atoms, nm/ps (NaN or infinite when some velocity is)
 * @param maxAcceleration largest |f|/m over all atoms, nm/ps² (NaN or infinite when some force is)
 * @param firstBadAtom    lowest slot whose position, velocity or force is not finite, or whose position lies
 *                        outside [0, box); -1 when every atom is sound
 */
public record Motion(double maxSpeed, double maxAcceleration, int firstBadAtom) {
    /** Nothing moves: the state before any force evaluation. */
    public static final Motion AT_REST = new Motion(0, 0, -1);

    public boolean sound() {
        return firstBadAtom < 0;
    }

    /**
     * Whether atom i passes the check: v² and (f/m)² finite (so velocity and force are, and not absurd enough to
     * overflow) and the position inside [0, box). The one definition the check, the failure report and the soak's
     * invariants use.
     */
    public static boolean atomSound(ParticleState s, int i, double inverseMass) {
        double v2 = s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i];
        double a2 = (s.fx[i] * s.fx[i] + s.fy[i] * s.fy[i]) * (inverseMass * inverseMass);
        return Double.isFinite(v2) && Double.isFinite(a2)
                && s.x[i] >= 0 && s.x[i] < s.boxX() && s.y[i] >= 0 && s.y[i] < s.boxY();
    }

    /**
     * An upper bound on how far any atom drifts in a velocity-Verlet (or BAOAB) step of length h: the drift uses
     * the velocity after a half kick, |v + a·h/2|·h ≤ (max|v| + max|a|·h/2)·h.
     */
    public double maxDisplacement(double h) {
        return (maxSpeed + 0.5 * maxAcceleration * h) * h;
    }

    /**
     * The longest step whose {@link #maxDisplacement} stays within limit: the positive root of
     * (A/2)·h² + V·h − limit = 0, written in the form that does not cancel when A·limit is small against V².
     * Infinite when nothing moves or accelerates.
     */
    public double longestStep(double limit) {
        double v = maxSpeed;
        double a = maxAcceleration;
        double denominator = v + Math.sqrt(v * v + 2.0 * a * limit);
        return denominator > 0 ? 2.0 * limit / denominator : Double.POSITIVE_INFINITY;
    }
}
