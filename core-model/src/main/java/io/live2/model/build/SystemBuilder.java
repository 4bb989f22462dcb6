package io.live2.model.build;

import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import io.live2.model.config.ConfigException;
import io.live2.model.config.SimulationConfig;
import io.live2.model.config.SimulationConfig.Component;
import io.live2.model.config.SimulationConfig.CustomType;
import io.live2.model.kinds.Kind;
import io.live2.model.kinds.KindModel;
import io.live2.model.kinds.KindRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the step-0 system from a validated config: type table, molecule counts (scaled from the composition
 * ratios, see {@link Composition}), a square periodic box of area atoms/density, pre-bonded molecules placed
 * without overlaps ({@link Placement}) and Maxwell–Boltzmann velocities ({@link Velocities}).
 * Atom ids are 0..n-1 in composition order: all molecules of the first component, then the second, ...
 */
public final class SystemBuilder {
    /** The config allows 2,000,000 particles; rounding to whole molecules may add a few atoms. */
    static final long MAX_ATOMS = 2_000_100;

    private SystemBuilder() {
    }

    public static InitialSystem build(SimulationConfig config) {
        PhysicsDatabase db = PhysicsDatabase.builtIn();
        List<Kind> kinds = config.openChemistry() == null ? List.of()
                : new KindModel(config.openChemistry(), config.seed()).initialKinds();
        List<Component> composition = config.composition().isEmpty() ? equalKinds(kinds) : config.composition();

        MoleculeTemplate[] componentTemplates = new MoleculeTemplate[composition.size()];
        int[] atomsEach = new int[composition.size()];
        List<Double> ratios = new ArrayList<>();
        for (int c = 0; c < composition.size(); c++) {
            String name = composition.get(c).molecule();
            MoleculeTemplate t = Templates.builtIn().get(name);
            componentTemplates[c] = t != null ? t : MoleculeTemplate.atom(name);
            atomsEach[c] = componentTemplates[c].size();
            ratios.add(composition.get(c).ratio());
        }
        long[] counts = Composition.scale(ratios, atomsEach, config.particles());
        long atoms = 0;
        long molecules = 0;
        for (int c = 0; c < counts.length; c++) {
            atoms += counts[c] * atomsEach[c];
            molecules += counts[c];
        }
        if (atoms > MAX_ATOMS) {
            throw new ConfigException("particles: " + config.particles() + " gives " + atoms + " atoms; allowed up to "
                    + MAX_ATOMS);
        }

        TypeTable table = new TypeTable(db, config.types(), kinds);
        int[][] typeOf = new int[composition.size()][];
        for (int c = 0; c < composition.size(); c++) {
            MoleculeTemplate t = componentTemplates[c];
            typeOf[c] = new int[t.size()];
            for (int a = 0; a < t.size(); a++) {
                typeOf[c][a] = table.index(t.atoms().get(a).type());
            }
        }
        List<ParticleType> types = table.finish();
        double box = Math.sqrt(atoms / config.density());
        checkBox(config, table, box, (int) atoms);

        ParticleState state = new ParticleState((int) atoms, box, box);
        Topology topology = new Topology((int) atoms);
        MoleculeTemplate[] perMolecule = new MoleculeTemplate[(int) molecules];
        int[] first = new int[(int) molecules];
        int[] atomType = new int[(int) atoms];
        double[] mass = new double[(int) atoms];
        Map<String, Long> placedCounts = new LinkedHashMap<>();
        int slot = 0;
        int mol = 0;
        for (int c = 0; c < composition.size(); c++) {
            MoleculeTemplate t = componentTemplates[c];
            for (long k = 0; k < counts[c]; k++) {
                perMolecule[mol] = t;
                first[mol] = slot;
                for (int a = 0; a < t.size(); a++) {
                    int ti = typeOf[c][a];
                    atomType[slot + a] = ti;
                    state.type[slot + a] = ti;
                    mass[slot + a] = types.get(ti).mass();
                }
                for (MoleculeTemplate.Bond b : t.bonds()) {
                    topology.addBond(slot + b.a(), slot + b.b(), b.order());
                }
                slot += t.size();
                mol++;
            }
            placedCounts.put(composition.get(c).molecule(), counts[c]);
        }

        boolean lattice = useLattice(config, composition);
        new Placement(box, table.sigmas(), config.seed()).place(perMolecule, first, atomType, state, lattice, config.density());
        Velocities.assign(state, mass, config.temperature(), config.seed());
        BondRule rule = kinds.isEmpty() ? BondRule.fromDatabase(db) : KindRules.bondRule(db);
        return new InitialSystem(state, topology, types, rule, kinds, Map.copyOf(placedCounts),
                lattice ? "lattice" : "random");
    }

    /**
     * auto → lattice for a single-component, single-atom composition without open chemistry (a simple fluid such
     * as lj-fluid, dense enough that random placement would jam), random otherwise.
     */
    static boolean useLattice(SimulationConfig config, List<Component> composition) {
        return switch (config.placement()) {
            case "lattice" -> true;
            case "random" -> false;
            default -> config.openChemistry() == null && composition.size() == 1
                    && !Templates.builtIn().has(composition.get(0).molecule());
        };
    }

    /** Open chemistry with an empty composition: equal shares of every initial kind. */
    private static List<Component> equalKinds(List<Kind> kinds) {
        if (kinds.isEmpty()) {
            throw new ConfigException("composition: empty; at least one molecule is required");
        }
        return kinds.stream().map(k -> new Component(k.name(), 1.0)).toList();
    }

    /**
     * Minimum image needs the box to be at least twice the interaction range (largest LJ cutoff + skin), or an
     * atom would meet two images of the same neighbour.
     */
    private static void checkBox(SimulationConfig config, TypeTable table, double box, int atoms) {
        double range = config.cutoff() * table.maxSigma() + config.skin();
        if (box < 2 * range) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "particles: %d atoms at density %s/nm² give a %.3f nm box, smaller than twice the interaction range"
                            + " (%.3f nm = cutoff·σ_max + skin); use more particles or a lower density",
                    atoms, config.density(), box, range));
        }
    }

    /** Type table in first-use order: elements as they appear in the composition, then custom types, then kinds. */
    private static final class TypeTable {
        private final List<ParticleType> types = new ArrayList<>();
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final PhysicsDatabase db;
        private final List<CustomType> custom;
        private final List<Kind> kinds;

        TypeTable(PhysicsDatabase db, List<CustomType> custom, List<Kind> kinds) {
            this.db = db;
            this.custom = custom;
            this.kinds = kinds;
        }

        int index(String name) {
            Integer i = index.get(name);
            if (i != null) {
                return i;
            }
            ParticleType t = lookup(name);
            index.put(name, types.size());
            types.add(t);
            return types.size() - 1;
        }

        private ParticleType lookup(String name) {
            for (CustomType c : custom) {
                if (c.name().equals(name)) {
                    return new ParticleType(c.name(), null, c.mass(), c.valence(), c.sigma(), c.epsilon(), 0.0);
                }
            }
            for (Kind k : kinds) {
                if (k.name().equals(name)) {
                    return k.toParticleType();
                }
            }
            if (db.hasElement(name)) {
                return ParticleType.of(db.element(name));
            }
            throw new ConfigException("composition: '" + name + "' is not an element, custom type or kind");
        }

        /** The final table: any kinds the composition does not use are appended, so mutations can refer to them. */
        List<ParticleType> finish() {
            for (Kind k : kinds) {
                index(k.name());
            }
            return List.copyOf(types);
        }

        double[] sigmas() {
            return types.stream().mapToDouble(ParticleType::sigma).toArray();
        }

        double maxSigma() {
            double m = 0;
            for (ParticleType t : types) {
                m = Math.max(m, t.sigma());
            }
            return m;
        }
    }

    /** Exposed for the engine: the force field a built system implies, with the config's cutoff factor. */
    public static ForceField forceField(InitialSystem system, SimulationConfig config) {
        return new ForceField(system.types(), system.bondRule(), config.cutoff());
    }
}
