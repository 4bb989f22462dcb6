package io.live2.compute.aparapi;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Test gate: skip (with the reason) when Aparapi cannot run OpenCL here, but fail under CI=true. */
final class Aparapi {
    private Aparapi() {
    }

    static void require() {
        String why = new AparapiBackendProvider().unavailableReason();
        if (why == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and the aparapi backend is unusable: " + why);
        }
        Assumptions.abort("aparapi backend unusable here: " + why);
    }
}
