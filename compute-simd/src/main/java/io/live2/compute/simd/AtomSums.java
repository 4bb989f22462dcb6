package io.live2.compute.simd;

/**
 * Copy of io.live2.compute.cpu.AtomSums (package-private there; this module cannot see it). Keep the
 * arithmetic identical: the simd backend's bit-identity with "reference" and "cpu" depends on it.
 *
 * <p>One atom's running sums during a force evaluation: its force and its (not yet halved) share of the pair
 * energies and pair virial. Reused per thread, so the force loops allocate nothing.
 */
final class AtomSums {
    double fx;
    double fy;
    double lj;
    double bonds;
    double repulsion13;
    double virial;

    void reset() {
        fx = 0;
        fy = 0;
        lj = 0;
        bonds = 0;
        repulsion13 = 0;
        virial = 0;
    }
}
