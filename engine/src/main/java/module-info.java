/** The simulation loop: Simulation builder, time stepping, reactive events, observers, run directory, resume. */
module io.live2.engine {
    requires transitive io.live2.compute;
    requires com.fasterxml.jackson.databind;
    exports io.live2.engine;
    exports io.live2.engine.analysis;
    uses io.live2.model.analysis.ChemistryToolkit;
    uses io.live2.model.analysis.ReactionNetworkTool;
}
