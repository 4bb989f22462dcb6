package io.live2.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Instant;

/**
 * metadata.json: resolved config, seed, versions, backend, host, start/end, status. A resumed run appends a
 * segment, so the history of interruptions and resumes is kept.
 */
final class MetadataWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataWriter() {
    }

    static void started(RunDirectory dir, Simulation sim, Long resumedFrom) throws IOException {
        ObjectNode root = read(dir);
        root.put("format", "live2.run");
        root.put("live_version", Version.LIVE);
        root.put("status", "running");
        if (!root.has("created_at")) {
            root.put("created_at", Instant.now().toString());
        }
        root.put("seed", sim.config().seed());
        root.put("backend", sim.backendName());
        root.put("threads", sim.threads());
        root.put("atoms", sim.state().n);
        root.put("steps_requested", sim.totalSteps());
        root.put("java_version", System.getProperty("java.version"));
        root.put("java_vendor", System.getProperty("java.vendor"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("host", hostName());
        root.put("available_processors", Runtime.getRuntime().availableProcessors());
        root.set("config", JSON.readTree(sim.configJson()));
        ArrayNode segments = root.has("segments") ? (ArrayNode) root.get("segments") : root.putArray("segments");
        ObjectNode seg = segments.addObject();
        seg.put("started_at", Instant.now().toString());
        seg.put("from_step", sim.step());
        if (resumedFrom != null) {
            seg.put("resumed_from_checkpoint_step", resumedFrom);
        }
        if (!sim.configChanges().isEmpty()) {
            ObjectNode changes = seg.putObject("config_changes");
            sim.configChanges().forEach((field, fromTo) -> {
                ObjectNode change = changes.putObject(field);
                change.set("from", JSON.valueToTree(fromTo.get(0)));
                change.set("to", JSON.valueToTree(fromTo.get(1)));
            });
        }
        dir.writeJson(dir.metadata(), root);
    }

    static void finished(RunDirectory dir, Simulation sim, RunStatus status) throws IOException {
        ObjectNode root = read(dir);
        root.put("status", status.wireName());
        root.put("step_reached", sim.step());
        root.put("ended_at", Instant.now().toString());
        JsonNode segments = root.get("segments");
        if (segments instanceof ArrayNode a && !a.isEmpty()) {
            ObjectNode last = (ObjectNode) a.get(a.size() - 1);
            last.put("ended_at", Instant.now().toString());
            last.put("to_step", sim.step());
            last.put("status", status.wireName());
        }
        dir.writeJson(dir.metadata(), root);
    }

    /**
     * The metadata written so far (an empty object when there is none yet).
     *
     * @throws RunDirectoryException when metadata.json is not what this class writes: it holds the history of the run
     *                               (segments), which a rewrite from scratch would silently lose
     */
    static ObjectNode read(RunDirectory dir) throws IOException {
        if (!Files.exists(dir.metadata())) {
            return JSON.createObjectNode();
        }
        JsonNode n;
        try {
            n = JSON.readTree(dir.metadata().toFile());
        } catch (JacksonException e) {
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw new RunDirectoryException(dir.metadata() + ": not valid JSON (" + why + "); restore it from a copy, or move "
                    + "it aside to start a new history (the checkpoints hold the config)", e);
        }
        if (!(n instanceof ObjectNode o) || (o.has("segments") && !o.get("segments").isArray())) {
            throw new RunDirectoryException(dir.metadata() + ": not a run's metadata (expected a JSON object with a "
                    + "'segments' array); restore it from a copy, or move it aside to start a new history");
        }
        return o;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
