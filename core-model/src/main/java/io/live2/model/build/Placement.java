package io.live2.model.build;

import io.live2.model.ParticleState;
import io.live2.model.config.ConfigException;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;

/**
 * Puts molecules into the square periodic box without overlaps: no atom of one molecule closer than
 * {@link #MIN_DISTANCE_FACTOR}·σ_ij (minimum image) to an atom of another. Atoms of one molecule keep their
 * template geometry (bonded and 1-3 pairs are excluded from LJ, so they may be closer).
 * <ul>
 *   <li>random: each molecule gets a uniform centre and a uniform rotation; a rejected try is redrawn, up to
 *       {@link #MAX_ATTEMPTS} times. Counter for try t of molecule m: (step t, atom m, purpose PLACEMENT) for the
 *       centre, purpose PLACEMENT+256 for the angle. Larger molecules go first (stable order), since small ones
 *       fit into the gaps they leave.</li>
 *   <li>lattice: molecule centres on a square lattice of ⌈√M⌉² sites filled row by row (like LAMMPS
 *       {@code lattice sq}), random rotation from try 0; used for dense single-atom fluids where random
 *       sequential placement would jam.</li>
 * </ul>
 */
final class Placement {
    /** 0.9 σ: LJ energy at contact 6.6 ε, a few kJ/mol at most, so the first steps do not explode. */
    static final double MIN_DISTANCE_FACTOR = 0.9;
    static final int MAX_ATTEMPTS = 1000;
    private static final int ANGLE_STREAM = Purpose.PLACEMENT + 256;

    private final double box;
    private final double[] sigma;
    private final Philox rng;

    /** @param sigma LJ σ per type index, nm */
    Placement(double box, double[] sigma, long seed) {
        this.box = box;
        this.sigma = sigma.clone();
        this.rng = new Philox(seed);
    }

    /**
     * Places molecule m's atoms at slots first[m] .. first[m]+templates[m].size()-1.
     *
     * @param atomType type index of every atom slot
     */
    void place(MoleculeTemplate[] templates, int[] first, int[] atomType, ParticleState s, boolean lattice, double density) {
        OverlapGrid grid = grid(s.n);
        int m = templates.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        if (!lattice) {
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(templates[b].size(), templates[a].size()));
        }
        int side = (int) Math.ceil(Math.sqrt(m));
        double spacing = box / side;
        double[] px = new double[16];
        double[] py = new double[16];
        for (int mol : order) {
            MoleculeTemplate t = templates[mol];
            if (px.length < t.size()) {
                px = new double[t.size()];
                py = new double[t.size()];
            }
            boolean placed = false;
            for (int attempt = 0; attempt < (lattice ? 1 : MAX_ATTEMPTS) && !placed; attempt++) {
                double cx;
                double cy;
                if (lattice) {
                    cx = (mol % side + 0.5) * spacing;
                    cy = (mol / side + 0.5) * spacing;
                } else {
                    double[] u = rng.uniforms(attempt, mol, Purpose.PLACEMENT);
                    cx = u[0] * box;
                    cy = u[1] * box;
                }
                double angle = t.size() == 1 ? 0 : 2 * Math.PI * rng.uniforms(attempt, mol, ANGLE_STREAM)[0];
                double c = Math.cos(angle);
                double sn = Math.sin(angle);
                placed = true;
                for (int a = 0; a < t.size() && placed; a++) {
                    MoleculeTemplate.Atom atom = t.atoms().get(a);
                    px[a] = ParticleState.wrap(cx + c * atom.x() - sn * atom.y(), box);
                    py[a] = ParticleState.wrap(cy + sn * atom.x() + c * atom.y(), box);
                    placed = grid.free(px[a], py[a], atomType[first[mol] + a]);
                }
                if (placed) {
                    for (int a = 0; a < t.size(); a++) {
                        int slot = first[mol] + a;
                        s.x[slot] = px[a];
                        s.y[slot] = py[a];
                        grid.add(slot, px[a], py[a], atomType[slot]);
                    }
                }
            }
            if (!placed) {
                throw new ConfigException("density: " + density + " atoms/nm² is too dense to place molecule " + t.name()
                        + (lattice ? " on a square lattice without overlaps" : " after " + MAX_ATTEMPTS + " random tries")
                        + "; lower density" + (lattice ? " or use placement random" : " or use placement lattice"));
            }
        }
    }

    private OverlapGrid grid(int atoms) {
        int k = sigma.length;
        double[] min = new double[k * k];
        double maxMin = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                min[i * k + j] = MIN_DISTANCE_FACTOR * 0.5 * (sigma[i] + sigma[j]);
                maxMin = Math.max(maxMin, min[i * k + j]);
            }
        }
        return new OverlapGrid(box, atoms, min, k, maxMin);
    }
}
