package io.live2.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.live2.model.config.SimulationConfig.Component;
import io.live2.model.config.SimulationConfig.CustomType;
import io.live2.model.config.SimulationConfig.Driver;
import io.live2.model.config.SimulationConfig.Ensemble;
import io.live2.model.config.SimulationConfig.OpenChemistry;
import io.live2.model.config.SimulationConfig.Output;
import io.live2.model.config.SimulationConfig.Pulses;
import io.live2.model.config.SimulationConfig.Reactions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a merged JSON tree into a validated {@link SimulationConfig}. Field-level checks (type, range) happen
 * while reading; cross-field checks (break_depth &lt; form_depth, min &lt;= max, names) at the end. Whether a
 * molecule name is known is checked by {@link MoleculeNames}, so the build package owns the template list.
 */
final class ConfigReader {
    static final List<String> ROOT = List.of("preset", "particles", "steps", "seed", "temperature", "timestep",
            "ensemble", "friction", "density", "cutoff", "skin", "backend", "threads", "placement", "max_displacement", "types",
            "composition", "reactions", "pulses", "open_chemistry", "output", "driver");
    static final List<String> TYPE = List.of("name", "mass", "sigma", "epsilon", "valence");
    static final List<String> COMPONENT = List.of("molecule", "ratio");
    static final List<String> REACTIONS = List.of("enabled", "interval", "form_depth", "break_depth");
    static final List<String> PULSES = List.of("kind", "interval", "radius", "energy", "probability");
    static final List<String> OPEN = List.of("kinds", "mutation_rate", "mass_min", "mass_max", "valence_min",
            "valence_max", "sigma_min", "sigma_max", "epsilon_min", "epsilon_max", "affinity_min", "affinity_max",
            "mutation_scale");
    /** The shortest driver period in time steps: the wall must move little per step for its work to be exact. */
    static final int MIN_DRIVER_PERIOD_STEPS = 100;
    static final List<String> DRIVER = List.of("type", "period_ps", "min_fraction", "temperature_k");
    static final List<String> OUTPUT = List.of("snapshot_every", "checkpoint_every", "trajectory_every", "snapshot_files",
            "thermo_every");

    private ConfigReader() {
    }

    static SimulationConfig read(JsonNode root, String presetName) {
        JsonFields f = new JsonFields(root, "", "", ROOT);
        List<CustomType> types = types(f);
        OpenChemistry open = f.has("open_chemistry") ? openChemistry(f.objectOrNull("open_chemistry")) : null;
        List<Component> composition = composition(f, types, open);
        Reactions reactions = reactions(new JsonFields(f.required("reactions"), "reactions", "reactions", REACTIONS));
        Pulses pulses = pulses(new JsonFields(f.required("pulses"), "pulses", "pulses", PULSES));
        Output output = output(new JsonFields(f.required("output"), "output", "output", OUTPUT));
        String placement = f.has("placement") ? f.choice("placement", SimulationConfig.PLACEMENTS) : "auto";
        double maxDisplacement = f.has("max_displacement") ? f.real("max_displacement")
                : SimulationConfig.DEFAULT_MAX_DISPLACEMENT;
        Driver driver = f.has("driver") ? driver(f.objectOrNull("driver")) : null;
        SimulationConfig c = new SimulationConfig(
                presetName,
                f.intValue("particles"),
                f.integer("steps"),
                f.integer("seed"),
                f.real("temperature"),
                f.real("timestep"),
                Ensemble.valueOf(f.choice("ensemble", Limits.ENSEMBLES).toUpperCase(Locale.ROOT)),
                f.real("friction"),
                f.real("density"),
                f.real("cutoff"),
                f.real("skin"),
                f.matching("backend", Limits.BACKEND_NAME, Limits.BACKEND_DESCRIPTION),
                f.intValue("threads"),
                types,
                composition,
                reactions,
                pulses,
                open,
                output,
                placement,
                maxDisplacement,
                driver);
        if (driver != null && driver.periodPs() < MIN_DRIVER_PERIOD_STEPS * c.timestep()) {
            throw new ConfigException("driver.period_ps: " + Range.fmt(driver.periodPs()) + " is shorter than "
                    + MIN_DRIVER_PERIOD_STEPS + " timesteps (" + Range.fmt(MIN_DRIVER_PERIOD_STEPS * c.timestep())
                    + " ps); allowed period_ps >= " + MIN_DRIVER_PERIOD_STEPS + " * timestep, so the wall moves smoothly");
        }
        return c;
    }

    private static List<CustomType> types(JsonFields f) {
        if (!f.has("types")) {
            return List.of();
        }
        ArrayNode a = f.array("types", Limits.MAX_TYPES);
        List<CustomType> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String p = "types[" + i + "]";
            JsonFields t = new JsonFields(a.get(i), p, "types[]", TYPE);
            String name = t.text("name");
            if (!name.matches(Limits.TYPE_NAME_PATTERN)) {
                throw new ConfigException(p + ".name: '" + JsonFields.clip(name) + "' is not a valid type name; allowed "
                        + Limits.TYPE_NAME_PATTERN);
            }
            if (MoleculeNames.isReserved(name)) {
                throw new ConfigException(p + ".name: '" + name + "' clashes with an element, molecule template or"
                        + " open-chemistry kind name; choose another");
            }
            if (!seen.add(name)) {
                throw new ConfigException(p + ".name: '" + name + "' is defined twice");
            }
            out.add(new CustomType(name, t.real("mass"), t.real("sigma"), t.real("epsilon"), t.intValue("valence")));
        }
        return List.copyOf(out);
    }

    private static List<Component> composition(JsonFields f, List<CustomType> types, OpenChemistry open) {
        ArrayNode a = f.array("composition", Limits.MAX_COMPONENTS);
        if (a.isEmpty() && open == null) {
            throw new ConfigException("composition: empty; at least one molecule is required"
                    + " (an empty composition is only allowed with open_chemistry)");
        }
        List<Component> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String p = "composition[" + i + "]";
            JsonFields c = new JsonFields(a.get(i), p, "composition[]", COMPONENT);
            String molecule = c.text("molecule");
            if (!MoleculeNames.isKnown(molecule, types, open)) {
                throw new ConfigException(p + ".molecule: '" + JsonFields.clip(molecule) + "' is not a known molecule;"
                        + " allowed " + MoleculeNames.describe(types, open));
            }
            if (!seen.add(molecule)) {
                throw new ConfigException(p + ".molecule: '" + molecule + "' is listed twice; merge the ratios");
            }
            out.add(new Component(molecule, c.real("ratio")));
        }
        return List.copyOf(out);
    }

    private static Reactions reactions(JsonFields r) {
        Reactions out = new Reactions(r.bool("enabled"), r.intValue("interval"), r.real("form_depth"), r.real("break_depth"));
        if (!(out.breakDepth() < out.formDepth())) {
            throw new ConfigException("reactions.break_depth: " + out.breakDepth() + " must be below reactions.form_depth ("
                    + out.formDepth() + "), so a freshly formed bond does not break at once");
        }
        return out;
    }

    private static Pulses pulses(JsonFields p) {
        return new Pulses(p.choice("kind", Limits.PULSE_KINDS), p.intValue("interval"), p.real("radius"),
                p.real("energy"), p.real("probability"));
    }

    private static OpenChemistry openChemistry(JsonNode node) {
        JsonFields o = new JsonFields(node, "open_chemistry", "open_chemistry", OPEN);
        OpenChemistry out = new OpenChemistry(o.intValue("kinds"), o.real("mutation_rate"),
                o.real("mass_min"), o.real("mass_max"), o.intValue("valence_min"), o.intValue("valence_max"),
                o.real("sigma_min"), o.real("sigma_max"), o.real("epsilon_min"), o.real("epsilon_max"),
                o.real("affinity_min"), o.real("affinity_max"), o.real("mutation_scale"));
        ordered("mass", out.massMin(), out.massMax());
        ordered("valence", out.valenceMin(), out.valenceMax());
        ordered("sigma", out.sigmaMin(), out.sigmaMax());
        ordered("epsilon", out.epsilonMin(), out.epsilonMax());
        ordered("affinity", out.affinityMin(), out.affinityMax());
        return out;
    }

    private static void ordered(String name, double min, double max) {
        if (min > max) {
            throw new ConfigException("open_chemistry." + name + "_max: " + Range.fmt(max) + " is below open_chemistry."
                    + name + "_min (" + Range.fmt(min) + "); allowed " + name + "_min <= " + name + "_max");
        }
    }

    private static Driver driver(JsonNode node) {
        JsonFields d = new JsonFields(node, "driver", "driver", DRIVER);
        return new Driver(d.choice("type", Driver.TYPES), d.real("period_ps"), d.real("min_fraction"),
                d.real("temperature_k"));
    }

    private static Output output(JsonFields o) {
        String files = o.has("snapshot_files") ? o.choice("snapshot_files", Output.SNAPSHOT_FILES) : "latest";
        long thermo = o.has("thermo_every") ? o.integer("thermo_every") : Output.DEFAULT_THERMO_EVERY;
        return new Output(o.integer("snapshot_every"), o.integer("checkpoint_every"), o.integer("trajectory_every"), files,
                thermo);
    }
}
