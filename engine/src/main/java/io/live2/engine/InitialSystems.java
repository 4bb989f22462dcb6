package io.live2.engine;

import io.live2.model.BondRule;
import io.live2.model.PhysicsDatabase;
import io.live2.model.kinds.KindRules;
import io.live2.model.build.InitialSystem;
import io.live2.model.build.SystemBuilder;
import io.live2.model.config.SimulationConfig;
import io.live2.model.io.Snapshot;

/** Builds the starting state of a fresh run from its config (placement, pre-bonded molecules, velocities). */
final class InitialSystems {
    private InitialSystems() {
    }

    record Built(Snapshot snapshot, BondRule bondRule) {
    }

    static Built build(SimulationConfig config) {
        InitialSystem sys = SystemBuilder.build(config);
        return new Built(new Snapshot(0, 0.0, sys.types(), sys.state(), sys.topology()), sys.bondRule());
    }

    /** The bond rule a config implies (database for elements, the kind rule for open chemistry); used on resume. */
    static BondRule bondRule(SimulationConfig config) {
        PhysicsDatabase db = PhysicsDatabase.builtIn();
        return config.openChemistry() != null ? KindRules.bondRule(db) : BondRule.fromDatabase(db);
    }
}
