/** The reaction network on JGraphT: GraphML export and the bounded autocatalytic-cycle search. */
module io.live2.chemistry.network {
    requires io.live2.model;
    requires org.jgrapht.core;
    requires org.jgrapht.io;
    provides io.live2.model.analysis.ReactionNetworkTool with io.live2.chemistry.network.JGraphTNetworkTool;
}
