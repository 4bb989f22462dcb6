package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.compute.PairVisitor;
import io.live2.compute.kernels.AtomSums;
import io.live2.compute.kernels.BindChecks;
import io.live2.compute.kernels.BlockEnergies;
import io.live2.compute.kernels.Blocks;
import io.live2.compute.kernels.BondedTerms;
import io.live2.compute.kernels.Integrators;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;


/**
 * The correctness oracle: all pairs, O(N²), one thread, no neighbour list. For each atom i the LJ forces of
 * j = 0..n-1 are added in ascending j, then its bonded terms ({@link BondedTerms}). Every fast backend is tested
 * against this one. Energies: each atom adds half of each of its pair energies; atom sums are reduced over
 * the fixed {@link Blocks}, the same way the threaded backend does it.
 */
public final class ReferenceBackend implements ComputeBackend {
    private ParticleState state;
    private Topology topology;
    private ForceField ff;
    private final AtomSums sums = new AtomSums();
    private final int[] scratch = new int[BondedTerms.MAX_ONE_THREE];

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void bind(ParticleState state, Topology topology, ForceField forceField, NeighborSettings settings) {
        BindChecks.requireBindable(state, topology, forceField, settings);
        this.state = state;
        this.topology = topology;
        this.ff = forceField;
    }

    @Override
    public Energies computeForces() {
        bound();
        ParticleState s = state;
        int n = s.n;
        BlockEnergies energies = new BlockEnergies(n);
        for (int b = 0; b < Blocks.count(n); b++) {
            double lj = 0;
            double bonds = 0;
            double r13 = 0;
            double virial = 0;
            for (int i = Blocks.start(b); i < Blocks.end(b, n); i++) {
                atomForce(i);
                s.fx[i] = sums.fx;
                s.fy[i] = sums.fy;
                lj += 0.5 * sums.lj;
                bonds += 0.5 * sums.bonds;
                r13 += 0.5 * sums.repulsion13;
                virial += 0.5 * sums.virial;
            }
            energies.set(b, lj, bonds, r13, virial);
        }
        return energies.reduce();
    }

    private void bound() {
        if (state == null) {
            throw new IllegalStateException("backend 'reference' is not bound to a system: call bind(...) first");
        }
    }

    private void atomForce(int i) {
        ParticleState s = state;
        sums.reset();
        int ti = s.type[i];
        for (int j = 0; j < s.n; j++) {
            if (j == i || topology.isExcluded(i, j)) {
                continue;
            }
            double dx = s.minImageX(s.x[i] - s.x[j]);
            double dy = s.minImageY(s.y[i] - s.y[j]);
            double r2 = dx * dx + dy * dy;
            double fOverR = ff.ljForceOverR(ti, s.type[j], r2);
            sums.fx += fOverR * dx;
            sums.fy += fOverR * dy;
            sums.lj += ff.ljEnergy(ti, s.type[j], r2);
            sums.virial += fOverR * r2;
        }
        BondedTerms.accumulate(i, s, topology, ff, scratch, sums);
    }

    @Override
    public void topologyChanged() {
        // nothing cached: exclusions are read from the topology on every evaluation
    }

    @Override
    public void kick(double dt) {
        bound();
        Integrators.kick(state, ff.invMassTable(), dt, 0, state.n);
    }

    @Override
    public void drift(double dt) {
        bound();
        Integrators.drift(state, dt, 0, state.n);
    }

    @Override
    public double thermostat(double c1, double kT, long seed, long step, int substep) {
        bound();
        // per block, then in block order: the same sum, to the bit, as the pooled backends
        Philox rng = new Philox(seed);
        int purpose = Purpose.langevin(substep);
        double heat = 0;
        for (int b = 0; b < Blocks.count(state.n); b++) {
            heat += Integrators.thermostat(state, ff.massTable(), c1, kT, rng, step, purpose,
                    Blocks.start(b), Blocks.end(b, state.n));
        }
        return heat;
    }

    @Override
    public Motion motion() {
        bound();
        return Integrators.motion(state, ff.invMassTable());
    }

    @Override
    public double kineticEnergy() {
        bound();
        int n = state.n;
        double k = 0;
        for (int b = 0; b < Blocks.count(n); b++) {
            k += Integrators.kineticEnergy(state, ff.massTable(), Blocks.start(b), Blocks.end(b, n));
        }
        return k;
    }

    @Override
    public void forEachPairWithin(double maxDistance, PairVisitor visitor) {
        bound();
        double max2 = maxDistance * maxDistance;
        ParticleState s = state;
        for (int i = 0; i < s.n; i++) {
            for (int j = i + 1; j < s.n; j++) {
                if (topology.isExcluded(i, j)) {
                    continue;
                }
                double dx = s.minImageX(s.x[i] - s.x[j]);
                double dy = s.minImageY(s.y[i] - s.y[j]);
                double r2 = dx * dx + dy * dy;
                if (r2 < max2) {
                    visitor.visit(i, j, r2);
                }
            }
        }
    }

    @Override
    public long neighbourBuilds() {
        return 0;
    }

    @Override
    public void close() {
        // no resources
    }
}
