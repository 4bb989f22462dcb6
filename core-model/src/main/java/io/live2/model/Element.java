package io.live2.model;

/**
 * A chemical element as the engine sees it: mass, maximum valence and UFF Lennard-Jones parameters
 * already converted to engine units.
 *
 * @param sigmaNm   LJ σ in nm (UFF x_i / 2^(1/6))
 * @param epsilon   LJ ε in kJ/mol (UFF D_i)
 * @param citation  where the row comes from
 */
public record Element(String symbol, double mass, int maxValence, double sigmaNm, double epsilon, String citation) {
}
