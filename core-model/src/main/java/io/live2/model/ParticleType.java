package io.live2.model;

/**
 * One row of the type table: what the engine needs to know about a particle kind.
 * Real elements have {@code element} set; open-chemistry kinds have it null and carry an affinity.
 *
 * @param name       unique label ("C", "H", or an open-chemistry kind label such as "K3")
 * @param element    element symbol, or null for an open-chemistry kind
 * @param mass       u
 * @param maxValence maximum sum of bond orders
 * @param sigma      LJ σ, nm
 * @param epsilon    LJ ε, kJ/mol
 * @param affinity   open-chemistry bonding affinity in [0, 1] (1 for elements; unused there)
 */
public record ParticleType(String name, String element, double mass, int maxValence, double sigma, double epsilon,
                           double affinity) {

    public static ParticleType of(Element e) {
        return new ParticleType(e.symbol(), e.symbol(), e.mass(), e.maxValence(), e.sigmaNm(), e.epsilon(), 1.0);
    }

    public boolean isElement() {
        return element != null;
    }
}
