package io.live2.compute;

/**
 * Potential energy terms (kJ/mol) and the pair virial W = Σ r·F over pairs (kJ/mol), from one force evaluation.
 * In 2-D the pressure is P = (2K + W) / (2A) with K the kinetic energy and A the box area.
 */
public record Energies(double lennardJones, double bonds, double repulsion13, double virial) {
    public double potential() {
        return lennardJones + bonds + repulsion13;
    }
}
