package io.live2.server.dashboard;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.live2.jobs.ArtifactStore;
import io.live2.jobs.JobSpec;
import io.live2.server.auth.Scope;
import io.live2.server.db.JobRow;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Json;
import io.live2.server.http.JsonBody;
import io.live2.server.jobs.JobService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * GET /jobs/{id}/results/{name}: one analysis file of a succeeded job, as the store holds it, so the dashboard
 * reads the species, reactions, network and time series through the API's origin (the signed artifact URLs may be
 * on another origin). Only the files named here are served; 409 not_ready before success or when the file is absent.
 */
public final class ResultFileRoutes {
    /** The files served and their types; any other name is 404. */
    static final Map<String, MediaType> FILES = Map.of(
            "results.json", MediaTypes.APPLICATION_JSON,
            "molecules.json", MediaTypes.APPLICATION_JSON,
            "products.json", MediaTypes.APPLICATION_JSON,
            "reactions.json", MediaTypes.APPLICATION_JSON,
            "reaction_network.json", MediaTypes.APPLICATION_JSON,
            "species_timeseries.csv", MediaTypes.create("text/csv; charset=utf-8"));

    private final JobService service;
    private final ArtifactStore store;

    public ResultFileRoutes(JobService service, ArtifactStore store) {
        this.service = service;
        this.store = store;
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/jobs/{id}/results/{name}", Scope.JOBS_READ, (req, res, caller) -> {
            String name = req.path().pathParameters().get("name");
            MediaType type = FILES.get(name);
            String id = req.path().pathParameters().get("id");
            if (type == null) {
                throw new ApiException(404, "not_found", "no result file '" + JsonBody.oneLine(name) + "'; known: "
                        + String.join(", ", new TreeSet<>(FILES.keySet())), "name", 0);
            }
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw ApiException.notFound("job");
            }
            JobRow j = service.get(caller.userId(), id);
            if (!j.status().equals("succeeded")) {
                throw ApiException.conflict("not_ready", "job " + j.id() + " is " + j.status() + "; results exist once it has succeeded");
            }
            String key = JobSpec.artifactPrefix(Json.readStored(j.spec()).path("environment").asText(), j.userId(), j.id())
                    + "results/" + name;
            Optional<InputStream> in;
            try {
                in = store.get(key);
            } catch (IOException e) {
                throw ApiException.unavailable("the artifact store is not reachable; retry shortly", 5);
            }
            if (in.isEmpty()) {
                throw ApiException.conflict("not_ready", name + " is not in the artifact store for job " + j.id());
            }
            try (InputStream s = in.get()) {
                res.headers().contentType(type);
                res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"");
                try (OutputStream out = res.outputStream()) {
                    s.transferTo(out);
                }
            }
        });
    }
}
