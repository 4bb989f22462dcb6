package io.live2.model.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.model.config.SimulationConfig.Component;
import io.live2.model.config.SimulationConfig.CustomType;
import io.live2.model.config.SimulationConfig.OpenChemistry;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Canonical JSON for a config: fixed field order (record order), two-space indent, "\n" line ends on every OS,
 * numbers in their shortest exact decimal form (0.0005, not 5.0E-4). Identical configs give identical bytes, so
 * metadata.json can be diffed and hashed.
 */
final class ConfigWriter {
    private static final ObjectWriter WRITER = JsonTrees.MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ConfigWriter() {
    }

    static String write(SimulationConfig c) {
        try {
            return WRITER.writeValueAsString(tree(c)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a config", e);
        }
    }

    static ObjectNode tree(SimulationConfig c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        if (c.preset() != null) {
            o.put("preset", c.preset());
        }
        o.put("particles", c.particles());
        o.put("steps", c.steps());
        o.put("seed", c.seed());
        o.set("temperature", num(c.temperature()));
        o.set("timestep", num(c.timestep()));
        o.put("ensemble", c.ensemble().name().toLowerCase(Locale.ROOT));
        o.set("friction", num(c.friction()));
        o.set("density", num(c.density()));
        o.set("cutoff", num(c.cutoff()));
        o.set("skin", num(c.skin()));
        o.put("backend", c.backend());
        o.put("threads", c.threads());
        o.put("placement", c.placement());
        o.set("max_displacement", num(c.maxDisplacement()));
        ArrayNode types = o.putArray("types");
        for (CustomType t : c.types()) {
            ObjectNode n = types.addObject();
            n.put("name", t.name());
            n.set("mass", num(t.mass()));
            n.set("sigma", num(t.sigma()));
            n.set("epsilon", num(t.epsilon()));
            n.put("valence", t.valence());
        }
        ArrayNode comp = o.putArray("composition");
        for (Component m : c.composition()) {
            ObjectNode n = comp.addObject();
            n.put("molecule", m.molecule());
            n.set("ratio", num(m.ratio()));
        }
        ObjectNode r = o.putObject("reactions");
        r.put("enabled", c.reactions().enabled());
        r.put("interval", c.reactions().interval());
        r.set("form_depth", num(c.reactions().formDepth()));
        r.set("break_depth", num(c.reactions().breakDepth()));
        ObjectNode p = o.putObject("pulses");
        p.put("kind", c.pulses().kind());
        p.put("interval", c.pulses().interval());
        p.set("radius", num(c.pulses().radius()));
        p.set("energy", num(c.pulses().energy()));
        p.set("probability", num(c.pulses().probability()));
        OpenChemistry oc = c.openChemistry();
        if (oc == null) {
            o.putNull("open_chemistry");
        } else {
            ObjectNode k = o.putObject("open_chemistry");
            k.put("kinds", oc.kinds());
            k.set("mutation_rate", num(oc.mutationRate()));
            k.set("mass_min", num(oc.massMin()));
            k.set("mass_max", num(oc.massMax()));
            k.put("valence_min", oc.valenceMin());
            k.put("valence_max", oc.valenceMax());
            k.set("sigma_min", num(oc.sigmaMin()));
            k.set("sigma_max", num(oc.sigmaMax()));
            k.set("epsilon_min", num(oc.epsilonMin()));
            k.set("epsilon_max", num(oc.epsilonMax()));
            k.set("affinity_min", num(oc.affinityMin()));
            k.set("affinity_max", num(oc.affinityMax()));
            k.set("mutation_scale", num(oc.mutationScale()));
        }
        ObjectNode out = o.putObject("output");
        out.put("snapshot_every", c.output().snapshotEvery());
        out.put("checkpoint_every", c.output().checkpointEvery());
        out.put("trajectory_every", c.output().trajectoryEvery());
        out.put("snapshot_files", c.output().snapshotFiles());
        out.put("thermo_every", c.output().thermoEvery());
        if (c.driver() != null) {
            // written only when present, so a config without a driver keeps the bytes it had before drivers existed
            ObjectNode d = o.putObject("driver");
            d.put("type", c.driver().type());
            d.set("period_ps", num(c.driver().periodPs()));
            d.set("min_fraction", num(c.driver().minFraction()));
            d.set("temperature_k", num(c.driver().temperatureK()));
        }
        return o;
    }

    /** Shortest decimal that reads back to the same double (BigDecimal.valueOf uses Double.toString). */
    private static com.fasterxml.jackson.databind.JsonNode num(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("config holds a non-finite number: " + d);
        }
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        if (b.scale() <= 0) {
            b = b.setScale(1);
        }
        return DecimalNode.valueOf(b); // as is: the factory would normalise 298.0 to 2.98E+2
    }
}
