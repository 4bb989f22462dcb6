package io.live2.model;

/** Gives the Morse parameters of a bond between two particle types at an order, or null if no such bond exists. */
@FunctionalInterface
public interface BondRule {
    MorseParams bond(ParticleType a, ParticleType b, int order);

    /** Real elements: parameters come from the physics database. */
    static BondRule fromDatabase(PhysicsDatabase db) {
        return (a, b, order) -> a.isElement() && b.isElement() ? db.morse(a.element(), b.element(), order) : null;
    }
}
