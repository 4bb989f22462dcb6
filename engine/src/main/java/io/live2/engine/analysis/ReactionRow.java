package io.live2.engine.analysis;

import io.live2.model.analysis.ReactionNetworkTool.Stoich;

import java.util.List;

/** One reaction type as the outputs show it, with a readable equation in formulas. */
record ReactionRow(String id, List<Stoich> reactants, List<Stoich> products, long events, long firstStep, long lastStep,
                   String equation) {
}
