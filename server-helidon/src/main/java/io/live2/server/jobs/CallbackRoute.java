package io.live2.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.live2.jobs.JobProgress;
import io.live2.jobs.aws.CallbackVerifier;
import io.live2.server.http.ApiException;
import io.live2.server.http.Bodies;
import io.live2.server.http.ErrorBodies;
import io.live2.server.http.Json;
import io.live2.server.http.Responses;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;

/**
 * POST /internal/callbacks: the workers' progress and state reports. Only requests signed with the job's key
 * (HMAC-SHA256 over timestamp and body, derived from the callback secret) within the replay window are applied;
 * a replayed, stale or forged callback is refused (401) and changes nothing. Workers never hold database
 * credentials: this route is their only way in.
 */
public final class CallbackRoute {
    private static final Logger LOG = Logger.getLogger(CallbackRoute.class.getName());
    private static final Set<String> STATES = Set.of("queued", "running", "succeeded", "failed", "canceled", "interrupted");
    private final CallbackVerifier verifier;
    private final JobUpdates updates;

    public CallbackRoute(CallbackVerifier verifier, JobUpdates updates) {
        this.verifier = verifier;
        this.updates = updates;
    }

    public void register(HttpRouting.Builder routing, java.util.List<String> routes) {
        routes.add("POST /internal/callbacks");
        routing.route(Method.POST, "/internal/callbacks", (req, res) -> {
            try {
                String body = new String(Bodies.json(req, 64 * 1024), StandardCharsets.UTF_8);
                CallbackVerifier.Result r = verifier.verify(req.headers().first(HeaderNames.create("X-Live-Timestamp")).orElse(null),
                        req.headers().first(HeaderNames.create("X-Live-Signature")).orElse(null), body);
                if (!r.ok()) {
                    LOG.warning("callback refused: " + r.outcome() + (r.jobId() == null ? "" : " for job " + r.jobId()));
                    throw ApiException.unauthorized("callback refused: " + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
                }
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(body);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // found by `live drill fuzz`: the verifier's lenient reader accepts what the strict one refuses (a
                    // field twice, nesting deeper than 64), and a signed body like that was a 500 instead of a 400
                    throw ApiException.badRequest(null, "callback body: not valid JSON: "
                            + io.live2.server.http.JsonBody.oneLine(e.getOriginalMessage()));
                }
                String state = n.path("state").isTextual() && STATES.contains(n.get("state").asText()) ? n.get("state").asText() : null;
                JobProgress p = new JobProgress(n.path("step").asLong(), n.path("total_steps").asLong(n.path("step").asLong()),
                        n.path("percent").asDouble(), n.path("steps_per_second").asDouble(), n.path("species").asInt(),
                        n.path("temperature").asDouble(), n.path("bonds").asInt());
                updates.applyCallback(r.jobId(), state, n.path("attempt").asInt(1),
                        n.path("failure_cause").isTextual() ? n.get("failure_cause").asText() : null, p);
                Responses.noContent(res);
            } catch (ApiException e) {
                ErrorBodies.send(req, res, e);
            } catch (Exception e) {
                ErrorBodies.unexpected(req, res, e);
            }
        });
    }
}
