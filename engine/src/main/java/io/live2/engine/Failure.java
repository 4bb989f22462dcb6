package io.live2.engine;

import java.util.List;

/**
 * Why a run could not go on: the step, a machine-readable reason, a sentence for people, and the atom slots
 * involved (results.json {@code failure}, logs/failure.json).
 *
 * @param step    the step at which the check failed (the state of this step is the bad one)
 * @param reason  {@code non_finite_state}, {@code position_outside_box}, {@code unresolvable_motion} or {@code error}
 * @param message one line: what happened and what to try
 * @param atoms   slots of the atoms involved, most relevant first (ids are reported from the state)
 */
record Failure(long step, String reason, String message, List<Integer> atoms) {
    static final String NON_FINITE = "non_finite_state";
    static final String OUTSIDE_BOX = "position_outside_box";
    static final String UNRESOLVABLE = "unresolvable_motion";
    static final String ERROR = "error";

    Failure {
        atoms = List.copyOf(atoms);
    }
}
