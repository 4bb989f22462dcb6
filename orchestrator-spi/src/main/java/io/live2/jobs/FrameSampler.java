package io.live2.jobs;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.util.List;

/**
 * Chooses which atoms a {@link LiveFrame} carries and copies them out. Deterministic: molecules (connected components
 * of the bond graph) are walked in the order of their lowest atom index, each taken whole while it fits in what is
 * left of the cap; a molecule too large to fit is passed over for later, smaller ones. If room is left once every
 * molecule was seen (only when some were too large), it is filled from the passed-over molecules in index order,
 * each piece grown breadth-first so the part sent is connected. Bonds are sent when both ends are.
 *
 * <p>Runs on the simulation thread: the scratch arrays (four ints per atom) are kept between frames, so a frame
 * allocates only its own arrays. Not thread-safe; one sampler per run.
 */
public final class FrameSampler {
    /** Bond graph as the sampler reads it; partners of an atom in a fixed order. */
    interface Graph {
        int degree(int i);

        int partner(int i, int k);
    }

    private int[] seen = new int[0];
    private int[] chosen = new int[0];
    private int[] local = new int[0];
    private int[] order = new int[0];
    private int gen;

    /**
     * Copies the chosen atoms of the engine's state.
     *
     * @param cap at most this many atoms (at least 1)
     */
    public LiveFrame capture(long step, ParticleState state, Topology topology, ForceField forceField, int cap) {
        int n = state.n;
        byte[] typeElement = typeElements(forceField.types());
        int count = select(n, new Graph() {
            @Override
            public int degree(int i) {
                return topology.degree(i);
            }

            @Override
            public int partner(int i, int k) {
                return topology.partner(i, k);
            }
        }, cap);
        double bx = state.boxX();
        double by = state.boxY();
        float maxX = below(bx);
        float maxY = below(by);
        byte[] elements = new byte[count];
        float[] xy = new float[2 * count];
        int bondCount = 0;
        for (int k = 0; k < count; k++) {
            int a = order[k];
            int t = state.type[a];
            elements[k] = t >= 0 && t < typeElement.length ? typeElement[t] : 0;
            xy[2 * k] = inBox(state.x[a], maxX);
            xy[2 * k + 1] = inBox(state.y[a], maxY);
            for (int s = 0, d = topology.degree(a); s < d; s++) {
                int p = topology.partner(a, s);
                if (p > a && chosen[p] == gen) {
                    bondCount++;
                }
            }
        }
        int[] bonds = new int[2 * bondCount];
        int b = 0;
        for (int k = 0; k < count; k++) {
            int a = order[k];
            for (int s = 0, d = topology.degree(a); s < d; s++) {
                int p = topology.partner(a, s);
                if (p > a && chosen[p] == gen) {
                    bonds[b++] = k;
                    bonds[b++] = local[p];
                }
            }
        }
        return new LiveFrame(step, bx, by, elements, xy, bonds, n);
    }

    /** A smaller frame of a frame: the same walk over the frame's own atoms and bonds. */
    static LiveFrame downsample(LiveFrame f, int cap) {
        int n = f.atoms();
        // the frame's bonds as adjacency lists (CSR), partners ascending like the engine's topology
        int[] start = new int[n + 1];
        int[] bonds = f.bonds();
        for (int v : bonds) {
            start[v + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] adj = new int[bonds.length];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int i = 0; i < bonds.length; i += 2) {
            adj[fill[bonds[i]]++] = bonds[i + 1];
            adj[fill[bonds[i + 1]]++] = bonds[i];
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.sort(adj, start[i], start[i + 1]);
        }
        FrameSampler s = new FrameSampler();
        int count = s.select(n, new Graph() {
            @Override
            public int degree(int i) {
                return start[i + 1] - start[i];
            }

            @Override
            public int partner(int i, int k) {
                return adj[start[i] + k];
            }
        }, cap);
        byte[] elements = new byte[count];
        float[] xy = new float[2 * count];
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int a = s.order[k];
            elements[k] = f.elements()[a];
            xy[2 * k] = f.xy()[2 * a];
            xy[2 * k + 1] = f.xy()[2 * a + 1];
        }
        for (int i = 0; i < bonds.length; i += 2) {
            if (s.chosen[bonds[i]] == s.gen && s.chosen[bonds[i + 1]] == s.gen) {
                kept++;
            }
        }
        int[] out = new int[2 * kept];
        int b = 0;
        for (int i = 0; i < bonds.length; i += 2) {
            if (s.chosen[bonds[i]] == s.gen && s.chosen[bonds[i + 1]] == s.gen) {
                out[b++] = s.local[bonds[i]];
                out[b++] = s.local[bonds[i + 1]];
            }
        }
        return new LiveFrame(f.step(), f.boxX(), f.boxY(), elements, xy, out, f.totalAtoms());
    }

    /**
     * Marks the chosen atoms ({@code chosen[i] == gen}, at {@code local[i]}) and lists them in {@code order[0..count)}.
     *
     * @return how many were chosen: min(n, cap)
     */
    int select(int n, Graph g, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap: " + cap + " is out of range; allowed 1.." + Integer.MAX_VALUE);
        }
        if (seen.length < n) {
            seen = new int[n];
            chosen = new int[n];
            local = new int[n];
            order = new int[n];
            gen = 0;
        }
        if (gen == Integer.MAX_VALUE) {
            java.util.Arrays.fill(seen, 0);
            java.util.Arrays.fill(chosen, 0);
            gen = 0;
        }
        gen++;
        int count = 0;
        boolean passedOver = false;
        // whole molecules in the order of their lowest index; each is laid out breadth-first at order[count..)
        for (int i = 0; i < n && count < cap; i++) {
            if (seen[i] == gen) {
                continue;
            }
            seen[i] = gen;
            order[count] = i;
            int head = count;
            int tail = count + 1;
            while (head < tail) {
                int a = order[head++];
                for (int k = 0, d = g.degree(a); k < d; k++) {
                    int p = g.partner(a, k);
                    if (p >= 0 && seen[p] != gen) {
                        seen[p] = gen;
                        order[tail++] = p;
                    }
                }
            }
            if (tail - count <= cap - count) {
                for (int k = count; k < tail; k++) {
                    chosen[order[k]] = gen;
                    local[order[k]] = k;
                }
                count = tail;
            } else {
                passedOver = true; // too large for what is left: its slots are reused by the next molecule
            }
        }
        // room left: connected pieces of the passed-over molecules, in index order
        for (int i = 0; passedOver && i < n && count < cap; i++) {
            if (chosen[i] == gen) {
                continue;
            }
            int head = count;
            take(i, count++);
            while (head < count && count < cap) {
                int a = order[head++];
                for (int k = 0, d = g.degree(a); k < d && count < cap; k++) {
                    int p = g.partner(a, k);
                    if (p >= 0 && chosen[p] != gen) {
                        take(p, count++);
                    }
                }
            }
        }
        return count;
    }

    private void take(int atom, int at) {
        chosen[atom] = gen;
        local[atom] = at;
        order[at] = atom;
    }

    /** Atomic number per type index; 0 for open-chemistry kinds. */
    static byte[] typeElements(List<ParticleType> types) {
        byte[] z = new byte[types.size()];
        for (int t = 0; t < z.length; t++) {
            ParticleType pt = types.get(t);
            z[t] = (byte) (pt.isElement() ? atomicNumber(pt.element()) : 0);
        }
        return z;
    }

    private static final List<String> SYMBOLS = List.of(("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn"
            + " Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm"
            + " Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es"
            + " Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og").split(" "));

    /** 1 for "H" ... 118 for "Og"; 0 for anything else. */
    public static int atomicNumber(String symbol) {
        return SYMBOLS.indexOf(symbol) + 1;
    }

    /** The largest float strictly below the box length (a double): positions in [0, box) stay so as floats. */
    private static float below(double box) {
        float f = Math.nextDown((float) box);
        while (f >= box) {
            f = Math.nextDown(f);
        }
        return f;
    }

    private static float inBox(double v, float max) {
        float f = (float) v;
        return f > max ? max : (f >= 0 ? f : 0f);
    }
}
