package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;

/**
 * Pays a potential-energy change of a reactive event from (or returns it to) the kinetic energy of the two atoms
 * along their line of centres, in their centre-of-mass frame: momentum is conserved exactly and total energy
 * changes by exactly −ΔU. An event whose ΔU exceeds that kinetic energy cannot be paid and is rejected, so
 * endothermic events need energetic collisions: activation emerges from the dynamics.
 */
final class KineticTransfer {
    private KineticTransfer() {
    }

    /**
     * Changes the relative velocity of i and j along their line of centres so that their kinetic energy changes
     * by −deltaU. Returns false (and changes nothing) when the pair has too little energy along that line.
     */
    static boolean pay(ParticleState s, ForceField ff, int i, int j, double deltaU) {
        double dx = s.minImageX(s.x[i] - s.x[j]);
        double dy = s.minImageY(s.y[i] - s.y[j]);
        double r = Math.sqrt(dx * dx + dy * dy);
        if (r == 0) {
            return false;
        }
        double nx = dx / r;
        double ny = dy / r;
        double mi = ff.mass(s.type[i]);
        double mj = ff.mass(s.type[j]);
        double mu = mi * mj / (mi + mj);
        double vrel = (s.vx[i] - s.vx[j]) * nx + (s.vy[i] - s.vy[j]) * ny;
        double kAlong = 0.5 * mu * vrel * vrel;
        double kAfter = kAlong - deltaU;
        if (kAfter < 0) {
            return false;
        }
        // keep the sense of the motion (approaching stays approaching); a resting pair is pushed apart
        double sign = vrel < 0 ? -1.0 : 1.0;
        double vrelAfter = sign * Math.sqrt(2.0 * kAfter / mu);
        double dv = vrelAfter - vrel;
        s.vx[i] += mu / mi * dv * nx;
        s.vy[i] += mu / mi * dv * ny;
        s.vx[j] -= mu / mj * dv * nx;
        s.vy[j] -= mu / mj * dv * ny;
        return true;
    }

    /** Adds energy e &gt;= 0 to the pair's motion along the line of centres, pushing them apart (UV photolysis). */
    static void addSeparating(ParticleState s, ForceField ff, int i, int j, double e) {
        double dx = s.minImageX(s.x[i] - s.x[j]);
        double dy = s.minImageY(s.y[i] - s.y[j]);
        double r = Math.sqrt(dx * dx + dy * dy);
        if (r == 0) {
            return;
        }
        double nx = dx / r;
        double ny = dy / r;
        double mi = ff.mass(s.type[i]);
        double mj = ff.mass(s.type[j]);
        double mu = mi * mj / (mi + mj);
        double vrel = (s.vx[i] - s.vx[j]) * nx + (s.vy[i] - s.vy[j]) * ny;
        double vrelAfter = Math.sqrt(vrel * vrel + 2.0 * e / mu);
        double dv = vrelAfter - vrel;
        s.vx[i] += mu / mi * dv * nx;
        s.vy[i] += mu / mi * dv * ny;
        s.vx[j] -= mu / mj * dv * nx;
        s.vy[j] -= mu / mj * dv * ny;
    }
}
