package io.live2.server.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.Json;

import java.time.Instant;
import java.util.List;

/** The job object of the API (docs/server.md), built from a stored row. */
public final class JobViews {
    private JobViews() {
    }

    public static ObjectNode job(JobRow j) {
        ObjectNode o = Json.object();
        o.put("job_id", j.id());
        o.put("status", j.status());
        o.put("attempt", j.attempt());
        o.put("capacity", j.capacity());
        o.put("created_at", time(j.createdAt()));
        o.put("started_at", time(j.startedAt()));
        o.put("ended_at", time(j.endedAt()));
        o.put("updated_at", time(j.updatedAt()));
        ObjectNode p = o.putObject("progress");
        p.put("step", j.step());
        p.put("total_steps", j.totalSteps());
        p.put("percent", j.totalSteps() == 0 ? 0.0 : 100.0 * j.step() / j.totalSteps());
        p.put("steps_per_second", j.stepsPerSecond());
        p.put("species", j.species());
        o.put("failure_cause", j.failureCause());
        // the configuration the job runs (fully resolved, with its preset's name): the dashboard shows the preset
        // and re-runs a job from it
        o.set("simulation", Json.readStored(j.spec()).path("simulation"));
        ObjectNode e = o.putObject("estimate");
        e.put("duration_seconds", round(j.estimateSeconds(), 1));
        e.put("cost_usd", round(j.estimateCostUsd(), 6));
        return o;
    }

    /** The job object with its state history (GET /jobs/{id} and the event stream's snapshots). */
    public static ObjectNode jobWithHistory(JobRow j, List<JobRepository.JobEvent> events) {
        ObjectNode o = job(j);
        ArrayNode h = o.putArray("history");
        for (JobRepository.JobEvent ev : events) {
            h.addObject().put("status", ev.status()).put("at", time(ev.createdAt())).put("reason", ev.reason());
        }
        return o;
    }

    static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A dry run's answer: the tier, the capacity, the estimate and the guardrails' verdict. */
    static ObjectNode decision(io.live2.server.billing.Admission.Decision d) {
        ObjectNode o = Json.object();
        o.put("tier", d.tier().id()).put("capacity", d.capacity().wireName()).put("runs_on", d.jobCapacity().wireName());
        ObjectNode e = o.putObject("estimate");
        e.put("duration_seconds", round(d.estimate().durationSeconds(), 1));
        e.put("cost_usd", round(d.estimate().costUsd(), 6));
        e.put("instance_type", d.estimate().instanceType());
        e.put("basis", d.estimate().basis());
        ObjectNode v = o.putObject("verdict");
        v.put("allowed", d.verdict().allowed());
        if (!d.verdict().allowed()) {
            v.put("reason", d.verdict().reason().code()).put("message", d.verdict().message());
            v.set("details", Json.MAPPER.valueToTree(new java.util.TreeMap<>(d.verdict().details())));
            if (d.verdict().retryAfterSeconds() > 0) {
                v.put("retry_after_seconds", d.verdict().retryAfterSeconds());
            }
        }
        return o;
    }
}
