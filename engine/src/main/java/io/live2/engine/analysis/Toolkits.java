package io.live2.engine.analysis;

import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.ReactionNetworkTool;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the optional adapters with ServiceLoader: chemistry-cdk (SMILES, InChIKey, SDF, depictions) and
 * chemistry-network (GraphML, autocatalytic cycles). Without them the analysis still runs; the fields they fill
 * are null and the report says which adapter to put on the class path.
 */
public final class Toolkits {
    private Toolkits() {
    }

    public static Optional<ChemistryToolkit> chemistry() {
        return ServiceLoader.load(ChemistryToolkit.class, Toolkits.class.getClassLoader()).findFirst();
    }

    public static Optional<ReactionNetworkTool> network() {
        return ServiceLoader.load(ReactionNetworkTool.class, Toolkits.class.getClassLoader()).findFirst();
    }
}
