package io.live2.model.io;

import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.util.List;

/**
 * A full simulation state at one step: what snapshots/snapshot_&lt;step&gt;.json and checkpoints hold.
 *
 * @param step   time step index
 * @param timePs simulated time, ps
 */
public record Snapshot(long step, double timePs, List<ParticleType> types, ParticleState state, Topology topology) {
}
