package io.live2.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.model.config.ConfigException;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link JobSpec} (format version 1). Parsing is strict: unknown fields, missing fields, wrong
 * types and out-of-range values are rejected with a {@link JobRejectedException} whose one-line message names the
 * field path, the value given and what is allowed. The "simulation" object is read by {@link ConfigLoader} exactly
 * as {@code live run --config} reads a file; its messages are prefixed with "simulation.". {@link #toJson} is
 * canonical (fixed field order, the simulation written fully resolved) and {@code parse(toJson(s)).equals(s)}.
 */
public final class JobSpecJson {
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    public static final long MAX_RUNTIME_SECONDS = 604_800;
    public static final int MAX_VCPUS = 256;
    public static final int MIN_MEMORY_MIB = 256;
    public static final int MAX_MEMORY_MIB = 1_048_576;
    public static final long MAX_CHECKPOINT_EVERY = 1_000_000_000L;

    private static final Set<String> TOP = Set.of("version", "job_id", "user_id", "environment", "simulation", "limits",
            "checkpoint_every");
    private static final Set<String> LIMITS = Set.of("max_runtime_seconds", "capacity", "vcpus", "memory_mib");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
    }

    private JobSpecJson() {
    }

    /** Reads and validates a spec. */
    public static JobSpec parse(String json) {
        if (json == null) {
            throw new JobRejectedException("spec: no document given");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JobRejectedException("spec: not valid JSON: " + oneLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            throw new JobRejectedException("spec: not valid JSON: " + oneLine(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new JobRejectedException("spec: empty document; expected a JSON object");
        }
        ObjectNode top = object(root, "spec");
        fields(top, "", TOP);
        long version = integer(top, "version", "");
        if (version != JobSpec.VERSION) {
            throw new JobRejectedException("version: " + version + " is not supported; allowed 1");
        }
        String jobId = id(top, "job_id");
        String userId = id(top, "user_id");
        String env = text(top, "environment", "");
        if (!ENVIRONMENTS.contains(env)) {
            throw new JobRejectedException("environment: " + quote(env) + " is not allowed; allowed "
                    + String.join(", ", ENVIRONMENTS));
        }
        SimulationConfig sim = simulation(object(top.get("simulation"), "simulation"));
        ObjectNode lim = object(top.get("limits"), "limits");
        fields(lim, "limits.", LIMITS);
        long maxRuntime = range(lim, "max_runtime_seconds", "limits.", 1, MAX_RUNTIME_SECONDS);
        String cap = text(lim, "capacity", "limits.");
        JobSpec.Capacity capacity = switch (cap) {
            case "spot" -> JobSpec.Capacity.SPOT;
            case "spot_fallback" -> JobSpec.Capacity.SPOT_WITH_FALLBACK;
            case "on_demand" -> JobSpec.Capacity.ON_DEMAND;
            default -> throw new JobRejectedException("limits.capacity: " + quote(cap)
                    + " is not allowed; allowed spot, spot_fallback, on_demand");
        };
        int vcpus = (int) range(lim, "vcpus", "limits.", 1, MAX_VCPUS);
        int memory = (int) range(lim, "memory_mib", "limits.", MIN_MEMORY_MIB, MAX_MEMORY_MIB);
        long every = range(top, "checkpoint_every", "", 1, MAX_CHECKPOINT_EVERY);
        return new JobSpec((int) version, jobId, userId, env, sim, new JobSpec.Limits(maxRuntime, capacity, vcpus, memory),
                every);
    }

    /** Validates a spec built in code (same rules as {@link #parse}); returns it. */
    public static JobSpec check(JobSpec spec) {
        if (spec == null) {
            throw new JobRejectedException("spec: null");
        }
        if (spec.simulation() == null) {
            throw new JobRejectedException("simulation: missing required field");
        }
        if (spec.limits() == null) {
            throw new JobRejectedException("limits: missing required field");
        }
        if (spec.limits().capacity() == null) {
            throw new JobRejectedException("limits.capacity: missing required field");
        }
        if (spec.jobId() == null || spec.userId() == null || spec.environment() == null) {
            throw new JobRejectedException((spec.jobId() == null ? "job_id" : spec.userId() == null ? "user_id"
                    : "environment") + ": missing required field");
        }
        JobSpec back = parse(toJson(spec));
        if (!back.equals(spec)) {
            throw new JobRejectedException("simulation: the config does not survive a JSON round trip");
        }
        return spec;
    }

    /** Canonical JSON: fixed field order, two-space indentation, the simulation fully resolved. */
    public static String toJson(JobSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", spec.version());
        root.put("job_id", spec.jobId());
        root.put("user_id", spec.userId());
        root.put("environment", spec.environment());
        try {
            root.set("simulation", JSON.readTree(ConfigLoader.toJson(spec.simulation())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ConfigLoader.toJson wrote invalid JSON", e);
        }
        ObjectNode lim = root.putObject("limits");
        lim.put("max_runtime_seconds", spec.limits().maxRuntimeSeconds());
        lim.put("capacity", spec.limits().capacity().wireName());
        lim.put("vcpus", spec.limits().vcpus());
        lim.put("memory_mib", spec.limits().memoryMib());
        root.put("checkpoint_every", spec.checkpointEvery());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The spec as a Jackson tree (for embedding in other documents). */
    static JsonNode toTree(JobSpec spec) {
        try {
            return JSON.readTree(toJson(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimulationConfig simulation(ObjectNode node) {
        try {
            return ConfigLoader.fromJson(node.toString());
        } catch (ConfigException e) {
            throw new JobRejectedException("simulation." + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new JobRejectedException("simulation: " + oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static void fields(ObjectNode node, String path, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            String f = unknown.iterator().next();
            throw new JobRejectedException(path + clip(f) + ": unknown field; allowed: " + String.join(", ", new TreeSet<>(allowed)));
        }
        List<String> missing = new ArrayList<>();
        for (String f : new TreeSet<>(allowed)) {
            if (!node.has(f)) {
                missing.add(path + f);
            }
        }
        if (!missing.isEmpty()) {
            throw new JobRejectedException(missing.get(0) + ": missing required field"
                    + (missing.size() > 1 ? " (also missing: " + String.join(", ", missing.subList(1, missing.size())) + ")" : ""));
        }
    }

    private static ObjectNode object(JsonNode n, String path) {
        if (n instanceof ObjectNode o) {
            return o;
        }
        throw new JobRejectedException(path + ": expected an object, got " + describe(n));
    }

    private static String id(ObjectNode node, String field) {
        String v = text(node, field, "");
        if (!ID.matcher(v).matches()) {
            throw new JobRejectedException(field + ": " + quote(v) + " is not allowed; allowed 1 to 64 characters from A-Z a-z 0-9 _ -");
        }
        return v;
    }

    private static String text(ObjectNode node, String field, String path) {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual()) {
            throw new JobRejectedException(path + field + ": expected a string, got " + describe(n));
        }
        return n.textValue();
    }

    private static long integer(ObjectNode node, String field, String path) {
        JsonNode n = node.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new JobRejectedException(path + field + ": expected an integer, got " + describe(n));
        }
        if (!n.canConvertToLong()) {
            throw new JobRejectedException(path + field + ": " + clip(n.asText()) + " is out of range");
        }
        return n.longValue();
    }

    private static long range(ObjectNode node, String field, String path, long min, long max) {
        JsonNode n = node.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new JobRejectedException(path + field + ": expected an integer in " + min + ".." + max + ", got " + describe(n));
        }
        if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            throw new JobRejectedException(path + field + ": " + clip(n.asText()) + " is out of range; allowed " + min + ".." + max);
        }
        return n.longValue();
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String kind = switch (n.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
        };
        if (n.isTextual()) {
            return kind + " " + quote(n.textValue());
        }
        if (n.isValueNode()) {
            return kind + " " + clip(n.asText());
        }
        return kind;
    }

    private static String quote(String s) {
        return "'" + clip(s) + "'";
    }

    /** Keeps messages one line and short whatever the input. */
    static String clip(String s) {
        String one = oneLine(s);
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    /** User text made safe for a one-line message: line breaks become spaces, other controls \\uXXXX escapes. */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(c == '\n' || c == '\r' ? " " : String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
