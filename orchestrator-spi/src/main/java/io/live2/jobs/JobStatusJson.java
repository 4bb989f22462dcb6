package io.live2.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** status.json: a {@link JobStatus} as JSON (snake_case, wire names, ISO-8601 instants); round-trips. */
public final class JobStatusJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JobStatusJson() {
    }

    static ObjectNode toTree(JobStatus s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("job_id", s.jobId());
        o.put("user_id", s.userId());
        o.put("state", s.state().wireName());
        o.put("attempt", s.attempt());
        ObjectNode p = o.putObject("progress");
        JobProgress pr = s.progress() == null ? JobProgress.NONE : s.progress();
        p.put("step", pr.step());
        p.put("total_steps", pr.totalSteps());
        p.put("percent", pr.percent());
        p.put("steps_per_second", pr.stepsPerSecond());
        p.put("species", pr.species());
        p.put("temperature", pr.temperature());
        p.put("bonds", pr.bonds());
        o.put("created_at", str(s.createdAt()));
        o.put("started_at", str(s.startedAt()));
        o.put("ended_at", str(s.endedAt()));
        o.put("updated_at", str(s.updatedAt()));
        o.put("failure_cause", s.failureCause());
        if (s.costUsd() == null) {
            o.putNull("cost_usd");
        } else {
            o.put("cost_usd", s.costUsd());
        }
        ArrayNode h = o.putArray("history");
        for (JobStatus.Transition t : s.history()) {
            ObjectNode e = h.addObject();
            e.put("from", t.from() == null ? null : t.from().wireName());
            e.put("to", t.to().wireName());
            e.put("at", str(t.at()));
            e.put("reason", t.reason());
        }
        return o;
    }

    public static String toJson(JobStatus s) {
        try {
            return JSON.writeValueAsString(toTree(s)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JobStatus parse(String json) {
        try {
            return fromTree(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("status.json: not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JobStatus fromTree(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("status.json: expected an object");
        }
        JsonNode p = o.path("progress");
        JobProgress progress = new JobProgress(p.path("step").asLong(), p.path("total_steps").asLong(),
                p.path("percent").asDouble(), p.path("steps_per_second").asDouble(), p.path("species").asInt(),
                p.path("temperature").asDouble(), p.path("bonds").asInt());
        List<JobStatus.Transition> h = new ArrayList<>();
        for (JsonNode e : o.path("history")) {
            h.add(new JobStatus.Transition(state(e.get("from")), state(e.get("to")), instant(e.get("at")), text(e.get("reason"))));
        }
        JsonNode cost = o.get("cost_usd");
        return new JobStatus(o.path("job_id").asText(), o.path("user_id").asText(), state(o.get("state")),
                o.path("attempt").asInt(1), progress, instant(o.get("created_at")), instant(o.get("started_at")),
                instant(o.get("ended_at")), instant(o.get("updated_at")), text(o.get("failure_cause")),
                cost == null || cost.isNull() ? null : cost.asDouble(), List.copyOf(h));
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JobState state(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return JobState.ofWire(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status.json: unknown state '" + n.asText() + "'");
        }
    }
}
