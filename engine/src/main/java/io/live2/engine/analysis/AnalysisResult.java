package io.live2.engine.analysis;

import io.live2.model.analysis.ReactionNetworkTool;

import java.util.List;
import java.util.Map;

/**
 * Everything the analysis of a run produced, ready to be written: species, reaction types, what was made, the per-frame series
 * and the autocatalytic cycles (null when no network adapter is on the class path).
 */
record AnalysisResult(List<SpeciesRow> species, List<ReactionRow> reactions, Products products, long reactionEvents, List<Long> steps,
                      Map<String, long[]> timeSeries, List<Integer> novelPerFrame, ReactionNetworkTool.NetworkData network,
                      ReactionNetworkTool.CycleSearch cycles, int maxCycleReactions, int maxCycles, String chemistryToolkit,
                      String networkTool) {

    int novelSpecies() {
        return (int) species.stream().filter(SpeciesRow::novel).count();
    }

    /** Distinct species present in each frame. */
    int[] speciesPresentPerFrame() {
        int[] present = new int[steps.size()];
        for (long[] series : timeSeries.values()) {
            for (int f = 0; f < series.length; f++) {
                if (series[f] > 0) {
                    present[f]++;
                }
            }
        }
        return present;
    }
}
