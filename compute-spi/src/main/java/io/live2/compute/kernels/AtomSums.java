package io.live2.compute.kernels;

/**
 * One atom's running sums during a force evaluation: its force and its (not yet halved) share of the pair
 * energies and pair virial. Reused per thread, so the force loops allocate nothing.
 */
public final class AtomSums {
    public double fx;
    public double fy;
    public double lj;
    public double bonds;
    public double repulsion13;
    public double virial;

    public void reset() {
        fx = 0;
        fy = 0;
        lj = 0;
        bonds = 0;
        repulsion13 = 0;
        virial = 0;
    }
}
