package io.live2.server.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.live2.jobs.ArtifactStore;
import io.live2.jobs.JobSpec;
import io.live2.server.auth.Scope;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Bodies;
import io.live2.server.http.Json;
import io.live2.server.http.JsonBody;
import io.live2.server.http.Responses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The /jobs routes: submit, list, read, cancel, artifacts, results and the live event stream. */
public final class JobRoutes {
    private final JobService service;
    private final JobRepository jobs;
    private final ArtifactStore store;
    private final JobEventStream events;
    private final int maxBodyBytes;
    private final Duration urlValidity;
    private final Clock clock;
    private final FinishedJobs finished = new FinishedJobs();

    public JobRoutes(JobService service, JobRepository jobs, ArtifactStore store, JobEventStream events, int maxBodyBytes,
                     Duration urlValidity, Clock clock) {
        this.service = service;
        this.jobs = jobs;
        this.store = store;
        this.events = events;
        this.maxBodyBytes = maxBodyBytes;
        this.urlValidity = urlValidity;
        this.clock = clock;
    }

    public void register(ApiRoutes api, String base) {
        api.user(Method.POST, "/jobs", Scope.JOBS_WRITE, (req, res, caller) -> {
            JobService.Submission s = JobService.parse(JsonBody.parse(Bodies.json(req, maxBodyBytes)));
            JobRepository.Created c = service.submit(caller.userId(), s);
            ObjectNode body = JobViews.job(c.job());
            if (c.created()) {
                Responses.created(res, base + "/jobs/" + c.job().id(), body);
            } else {
                res.header(io.helidon.http.HeaderNames.LOCATION, base + "/jobs/" + c.job().id());
                Responses.json(res, 200, body);
            }
        });
        // a dry run: what POST /jobs would estimate and decide, creating nothing (live remote submit --dry-run)
        api.user(Method.POST, "/jobs/estimate", Scope.JOBS_READ, (req, res, caller) -> {
            JobService.Submission s = JobService.parse(JsonBody.parse(Bodies.json(req, maxBodyBytes)));
            Responses.json(res, JobViews.decision(service.estimate(caller.userId(), s)));
        });
        api.user(Method.GET, "/jobs", Scope.JOBS_READ, (req, res, caller) -> {
            int limit = intParam(req, "limit", 20, 1, 100);
            String cursor = req.query().first("cursor").orElse(null);
            JobService.Page page = service.list(caller.userId(), limit, cursor);
            ObjectNode out = Json.object();
            ArrayNode arr = out.putArray("jobs");
            page.jobs().forEach(j -> arr.add(JobViews.job(j)));
            out.put("next_cursor", page.nextCursor());
            Responses.json(res, out);
        });
        api.user(Method.GET, "/jobs/{id}", Scope.JOBS_READ, (req, res, caller) -> {
            String id = id(req);
            byte[] cached = finished.get(caller.userId(), id);
            if (cached != null) {
                res.headers().contentType(io.helidon.common.media.type.MediaTypes.APPLICATION_JSON);
                res.send(cached);
                return;
            }
            JobRepository.JobWithEvents j = jobs.getWithEvents(caller.userId(), id)
                    .orElseThrow(() -> ApiException.notFound("job " + JsonBody.oneLine(id)));
            byte[] body = Json.write(JobViews.jobWithHistory(j.job(), j.events())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            finished.put(caller.userId(), id, j.job().status(), body);
            res.headers().contentType(io.helidon.common.media.type.MediaTypes.APPLICATION_JSON);
            res.send(body);
        });
        api.user(Method.POST, "/jobs/{id}/cancel", Scope.JOBS_WRITE, (req, res, caller) ->
                Responses.json(res, JobViews.job(service.cancel(caller.userId(), id(req)))));
        api.user(Method.GET, "/jobs/{id}/artifacts", Scope.JOBS_READ, (req, res, caller) -> {
            JobRow j = service.get(caller.userId(), id(req));
            String prefix = prefix(j);
            ObjectNode out = Json.object();
            out.put("job_id", j.id());
            out.put("expires_at", clock.instant().plus(urlValidity).toString());
            ArrayNode arr = out.putArray("artifacts");
            try {
                for (ArtifactStore.ArtifactInfo a : store.list(prefix)) {
                    arr.addObject().put("key", a.key().substring(prefix.length())).put("size", a.size()).put("sha256", a.sha256())
                            .put("url", store.signedUrl(a.key(), urlValidity).toString());
                }
            } catch (IOException e) {
                throw ApiException.unavailable("the artifact store is not reachable; retry shortly", 5);
            }
            Responses.json(res, out);
        });
        api.user(Method.GET, "/jobs/{id}/results", Scope.JOBS_READ, (req, res, caller) -> {
            JobRow j = service.get(caller.userId(), id(req));
            if (!j.status().equals("succeeded")) {
                throw ApiException.conflict("not_ready", "job " + j.id() + " is " + j.status() + "; results exist once it has succeeded");
            }
            String prefix = prefix(j);
            ObjectNode out = Json.object();
            out.set("results", stored(prefix + "results/results.json"));
            out.set("species", stored(prefix + "results/molecules.json"));
            Responses.json(res, out);
        });
        api.user(Method.GET, "/jobs/{id}/events", Scope.JOBS_READ, (req, res, caller) -> {
            JobRow j = service.get(caller.userId(), id(req));
            events.stream(req, res, caller, j);
        });
    }

    private com.fasterxml.jackson.databind.JsonNode stored(String key) {
        try {
            Optional<InputStream> in = store.get(key);
            if (in.isEmpty()) {
                throw ApiException.conflict("not_ready", key.substring(key.lastIndexOf('/') + 1) + " is not in the artifact store");
            }
            try (InputStream s = in.get()) {
                return Json.MAPPER.readTree(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's artifact prefix, read from its stored spec without re-validating the simulation config. */
    static String prefix(JobRow j) {
        return JobSpec.artifactPrefix(Json.readStored(j.spec()).path("environment").asText(), j.userId(), j.id());
    }

    static String id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.notFound("job");
        }
        return id;
    }

    static int intParam(ServerRequest req, String name, int dflt, int min, int max) {
        Optional<String> v = req.query().first(name).asOptional();
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiException.badRequest(name, name + ": " + n + " is out of range; allowed " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + ": '" + JsonBody.oneLine(v.get()) + "' is not an integer; allowed " + min + ".." + max);
        }
    }
}
