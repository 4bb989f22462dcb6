package io.live2.model.kinds;

import io.live2.model.config.SimulationConfig.OpenChemistry;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates kinds: the initial set drawn from the configured attribute ranges, and mutants of existing kinds.
 * All randomness is Philox keyed by the run seed, so the same seed gives the same kinds on every machine.
 * One Philox block gives two numbers; a draw that needs more uses sub-streams {@code purpose + 256·k}
 * (Purpose values are small, so sub-streams never collide with another purpose).
 */
public final class KindModel {
    private static final int SUB = 256;
    /** |z| above this (two-sided 10 %) moves the valence by one in a mutation. */
    private static final double VALENCE_JUMP_Z = 1.645;

    private final OpenChemistry config;
    private final Philox rng;

    public KindModel(OpenChemistry config, long seed) {
        this.config = config;
        this.rng = new Philox(seed);
    }

    /**
     * Kinds K1..Kn: mass, σ, ε, affinity uniform in their ranges, valence uniform over the integers
     * valence_min..valence_max. Counter: (step 0, atom = kind index, purpose KIND_SAMPLING).
     */
    public List<Kind> initialKinds() {
        List<Kind> out = new ArrayList<>(config.kinds());
        for (int k = 0; k < config.kinds(); k++) {
            double[] u1 = rng.uniforms(0, k, Purpose.KIND_SAMPLING);
            double[] u2 = rng.uniforms(0, k, Purpose.KIND_SAMPLING + SUB);
            double[] u3 = rng.uniforms(0, k, Purpose.KIND_SAMPLING + 2 * SUB);
            int vSpan = config.valenceMax() - config.valenceMin() + 1;
            out.add(new Kind(Kind.name(k + 1),
                    lerp(config.massMin(), config.massMax(), u1[0]),
                    config.valenceMin() + Math.min(vSpan - 1, (int) (u3[0] * vSpan)),
                    lerp(config.sigmaMin(), config.sigmaMax(), u1[1]),
                    lerp(config.epsilonMin(), config.epsilonMax(), u2[0]),
                    lerp(config.affinityMin(), config.affinityMax(), u2[1])));
        }
        return out;
    }

    /**
     * A mutant of {@code parent} for the atom {@code atomId} hit at {@code step}, named K{@code newIndex}.
     * Mass, σ and ε are multiplied by exp(s·z) (log-normal: stays positive, symmetric in ratio), affinity moves by
     * s·z, valence moves by ±1 when |z| &gt; 1.645; s = mutation_scale, each z an independent standard normal.
     * Every attribute is clamped to its configured range, so mutants stay inside the validated space.
     */
    public Kind mutate(Kind parent, long step, long atomId, int newIndex) {
        double s = config.mutationScale();
        double[] z1 = rng.normals(step, atomId, Purpose.MUTATION);
        double[] z2 = rng.normals(step, atomId, Purpose.MUTATION + SUB);
        double[] z3 = rng.normals(step, atomId, Purpose.MUTATION + 2 * SUB);
        int valence = parent.valence();
        if (Math.abs(z3[0]) > VALENCE_JUMP_Z) {
            valence += z3[0] > 0 ? 1 : -1;
        }
        return new Kind(Kind.name(newIndex),
                clamp(parent.mass() * Math.exp(s * z1[0]), config.massMin(), config.massMax()),
                (int) clamp(valence, config.valenceMin(), config.valenceMax()),
                clamp(parent.sigma() * Math.exp(s * z1[1]), config.sigmaMin(), config.sigmaMax()),
                clamp(parent.epsilon() * Math.exp(s * z2[0]), config.epsilonMin(), config.epsilonMax()),
                clamp(parent.affinity() + s * z2[1], config.affinityMin(), config.affinityMax()));
    }

    private static double lerp(double lo, double hi, double u) {
        return lo + (hi - lo) * u;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
