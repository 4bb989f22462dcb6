package io.live2.model.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file: readable JSON with the full state (types, ids, positions, velocities, bonds by atom id).
 * It carries no wall-clock time or host data, so identical runs give identical bytes. Doubles are written in
 * Java's shortest round-trip form, so reading a snapshot back gives the exact same numbers.
 */
public final class SnapshotJson {
    public static final String FORMAT = "live2.snapshot";
    public static final int VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private SnapshotJson() {
    }

    public static void write(Snapshot s, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(s, out));
    }

    public static void write(Snapshot s, OutputStream out) throws IOException {
        ParticleState st = s.state();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeNumberField("step", s.step());
            g.writeNumberField("time_ps", s.timePs());
            g.writeArrayFieldStart("box");
            g.writeNumber(st.boxX());
            g.writeNumber(st.boxY());
            g.writeEndArray();
            g.writeNumberField("atom_count", st.n);
            g.writeNumberField("bond_count", s.topology().bondCount());
            g.writeArrayFieldStart("types");
            for (ParticleType t : s.types()) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                if (t.element() == null) {
                    g.writeNullField("element");
                } else {
                    g.writeStringField("element", t.element());
                }
                g.writeNumberField("mass", t.mass());
                g.writeNumberField("valence", t.maxValence());
                g.writeNumberField("sigma", t.sigma());
                g.writeNumberField("epsilon", t.epsilon());
                g.writeNumberField("affinity", t.affinity());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("atoms");
            g.writeFieldName("id");
            g.writeArray(st.id, 0, st.n);
            g.writeFieldName("type");
            g.writeArray(st.type, 0, st.n);
            writeDoubles(g, "x", st.x, st.n);
            writeDoubles(g, "y", st.y, st.n);
            writeDoubles(g, "vx", st.vx, st.n);
            writeDoubles(g, "vy", st.vy, st.n);
            g.writeEndObject();
            g.writeArrayFieldStart("bonds");
            Topology t = s.topology();
            for (int i = 0; i < st.n; i++) {
                for (int k = 0; k < t.degree(i); k++) {
                    int j = t.partner(i, k);
                    if (j > i) {
                        g.writeStartArray();
                        g.writeNumber(st.id[i]);
                        g.writeNumber(st.id[j]);
                        g.writeNumber(t.orderAt(i, k));
                        g.writeEndArray();
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeDoubles(JsonGenerator g, String name, double[] v, int n) throws IOException {
        g.writeFieldName(name);
        g.writeArray(v, 0, n);
    }

    public static Snapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** @throws DamagedFileException when the content is not a readable snapshot (the message names {@code source}) */
    public static Snapshot read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw new DamagedFileException(source + ": not valid JSON" + where + " (truncated or damaged snapshot): "
                    + (why.length() > 120 ? why.substring(0, 120) + "..." : why), e);
        }
        return read(root, source);
    }

    /**
     * A snapshot from its parsed JSON (one line of a frame log, or a whole snapshot file).
     *
     * @throws DamagedFileException when it is not a readable snapshot (the message names {@code source})
     */
    public static Snapshot read(JsonNode root, String source) throws IOException {
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new DamagedFileException(source + ": not a Live 2.0 snapshot (format field is not '" + FORMAT + "')");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new DamagedFileException(source + ": snapshot version " + root.path("version") + " is not supported");
        }
        try {
            return parse(root, source);
        } catch (RuntimeException e) {
            // a well-formed document whose values the model refuses (bond to itself, bad order, ...)
            throw new DamagedFileException(source + ": inconsistent snapshot (" + e.getMessage() + ")", e);
        }
    }

    private static Snapshot parse(JsonNode root, String source) throws IOException {
        List<ParticleType> types = new ArrayList<>();
        for (JsonNode t : root.path("types")) {
            types.add(new ParticleType(t.path("name").asText(), t.path("element").isNull() ? null : t.path("element").asText(),
                    t.path("mass").asDouble(), t.path("valence").asInt(), t.path("sigma").asDouble(),
                    t.path("epsilon").asDouble(), t.path("affinity").asDouble()));
        }
        JsonNode box = root.path("box");
        JsonNode atoms = root.path("atoms");
        int n = atoms.path("id").size();
        ParticleState st = new ParticleState(n, box.path(0).asDouble(), box.path(1).asDouble());
        Map<Long, Integer> slotOfId = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            st.id[i] = atoms.path("id").path(i).asLong();
            st.type[i] = atoms.path("type").path(i).asInt();
            if (st.type[i] < 0 || st.type[i] >= types.size()) {
                throw new DamagedFileException(source + ": atom " + st.id[i] + " has type index " + st.type[i] + " outside the type table");
            }
            st.x[i] = atoms.path("x").path(i).asDouble();
            st.y[i] = atoms.path("y").path(i).asDouble();
            st.vx[i] = atoms.path("vx").path(i).asDouble();
            st.vy[i] = atoms.path("vy").path(i).asDouble();
            slotOfId.put(st.id[i], i);
        }
        Topology topo = new Topology(n);
        for (JsonNode b : root.path("bonds")) {
            Integer i = slotOfId.get(b.path(0).asLong());
            Integer j = slotOfId.get(b.path(1).asLong());
            if (i == null || j == null) {
                throw new DamagedFileException(source + ": bond " + b + " names an atom id that is not in the snapshot");
            }
            topo.addBond(i, j, b.path(2).asInt());
        }
        return new Snapshot(root.path("step").asLong(), root.path("time_ps").asDouble(), types, st, topo);
    }
}
