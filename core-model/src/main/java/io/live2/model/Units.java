package io.live2.model;

/**
 * GROMACS units, self-consistent: length nm, time ps, mass u, energy kJ/mol, temperature K.
 * With these, force/mass = kJ/mol/nm/u = nm/ps², so no conversion factor appears in the integrator.
 */
public final class Units {
    /** Boltzmann constant in kJ/mol/K. */
    public static final double K_B = 0.0083144626;
    /** Literature tables give Å; the engine works in nm. */
    public static final double NM_PER_ANGSTROM = 0.1;
    public static final double KJ_PER_KCAL = 4.184;

    private Units() {
    }
}
