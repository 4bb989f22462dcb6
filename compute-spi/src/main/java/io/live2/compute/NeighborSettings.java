package io.live2.compute;

/**
 * Verlet-list parameters: the list holds pairs within cutoff + skin and is rebuilt when any atom has moved more
 * than skin/2 since the last build (checked every step), so no interacting pair is ever missed.
 *
 * @param skin nm (reduced units for lj-fluid)
 */
public record NeighborSettings(double skin) {
    public NeighborSettings {
        if (!(skin >= 0) || Double.isInfinite(skin)) {
            throw new IllegalArgumentException("skin must be >= 0, got " + skin);
        }
    }
}
