package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Drill 4, duplicates and races, first part (issue 16): against the embedded server on a Research account (two
 * parallel jobs, one held by a long job for the whole drill), rounds of (a) many concurrent submissions of
 * different jobs at the account's last free slot, of which exactly one may pass and the rest get 429
 * parallel_limit, then (b) many concurrent submissions of the same body with the same idempotency key, which must
 * all name one job (one 201, the rest 200). Every answer's status is counted; a 5xx fails the drill.
 */
final class RaceDrill {
    private static final ObjectMapper JSON = new ObjectMapper();
    // long enough that the admitted job still holds the slot while the round's other submissions arrive
    private static final String JOB = "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":150,\"steps\":2000000,\"seed\":%d}%s}";

    record Settings(int rounds, int slotRacers, int idempotentRacers, Path dir) {
    }

    record Result(int rounds, int slotPasses, Map<Integer, Integer> statuses, int idempotentJobs, List<String> problems,
                  double seconds) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    RaceDrill(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.firstStart(settings.dir(), Drills.researchServerConfig(2));
        List<String> problems = new ArrayList<>();
        int slotPasses = 0;
        int idempotentJobs = 0;
        out.printf(Locale.ROOT, "race drill: %d rounds of %d concurrent submissions at the last free slot and %d concurrent "
                + "identical idempotent submissions, Research tier (2 parallel jobs, one held throughout)%n", settings.rounds(), settings.slotRacers(),
                settings.idempotentRacers());
        try {
            List<String> holder = created(race(server, 1, i -> String.format(JOB, 424242, "")));
            if (holder.size() != 1) {
                throw new IOException("the job that holds the first slot was not accepted");
            }
            for (int round = 0; round < settings.rounds(); round++) {
                int seedBase = round * 1000;
                awaitFreeSlot(server);
                List<HttpResponse<String>> slot = race(server, settings.slotRacers(), i -> String.format(JOB, seedBase + i, ""));
                List<String> passed = created(slot);
                slotPasses += passed.size();
                if (passed.size() != 1) {
                    problems.add("round " + (round + 1) + ": " + passed.size() + " of " + settings.slotRacers()
                            + " submissions passed at the last free slot");
                }
                for (HttpResponse<String> r : slot) {
                    if (r.statusCode() == 429 && !JSON.readTree(r.body()).path("error").path("code").asText().equals("parallel_limit")) {
                        problems.add("round " + (round + 1) + ": a 429 that is not parallel_limit: " + r.body());
                    }
                }
                passed.forEach(id -> cancel(server, id));

                awaitFreeSlot(server);
                String key = "drill-round-" + round;
                String body = String.format(JOB, 999_999 - round, ", \"idempotency_key\": \"" + key + "\"");
                List<HttpResponse<String>> same = race(server, settings.idempotentRacers(), i -> body);
                Set<String> ids = ConcurrentHashMap.newKeySet();
                int createdCount = 0;
                for (HttpResponse<String> r : same) {
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        ids.add(JSON.readTree(r.body()).path("job_id").asText());
                        createdCount += r.statusCode() == 201 ? 1 : 0;
                    } else {
                        problems.add("round " + (round + 1) + ": an idempotent replay answered " + r.statusCode() + ": " + r.body());
                    }
                }
                idempotentJobs += ids.size();
                if (ids.size() != 1 || createdCount != 1) {
                    problems.add("round " + (round + 1) + ": " + settings.idempotentRacers() + " identical submissions made "
                            + ids.size() + " jobs (" + createdCount + " answered 201)");
                }
                ids.forEach(id -> cancel(server, id));
                out.printf(Locale.ROOT, "  round %d: %d of %d passed at the last slot; %d identical submissions -> %d job%n",
                        round + 1, passed.size(), settings.slotRacers(), settings.idempotentRacers(), ids.size());
            }
        } finally {
            server.stop(60); // the holder is interrupted with the server and resumes if the data directory is reused
        }
        // the key sent with every request: stored hashed, never logged (the log and the database, after the stop)
        List<String> leaks = SecretScan.filesContaining(settings.dir(), server.firstKey);
        if (!leaks.isEmpty()) {
            problems.add("the API key appears in " + leaks);
        }
        statuses.keySet().stream().filter(s -> s >= 500).forEach(s -> problems.add(statuses.get(s) + " answers with status " + s));
        return new Result(settings.rounds(), slotPasses, new TreeMap<>(statuses), idempotentJobs, problems,
                (System.nanoTime() - start) / 1e9);
    }

    /** Sends n submissions released together by one latch, and returns every answer. */
    private List<HttpResponse<String>> race(ServerProcess server, int n, java.util.function.IntFunction<String> body)
            throws InterruptedException, IOException {
        CountDownLatch go = new CountDownLatch(1);
        List<HttpResponse<String>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url + "/api/v1/jobs")).header("X-API-Key", server.firstKey)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    answers.add(r);
                } catch (IOException | InterruptedException e) {
                    errors.add(e);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw new IOException(errors.size() + " submissions got no answer, first: " + errors.get(0));
        }
        return answers;
    }

    private static List<String> created(List<HttpResponse<String>> answers) throws IOException {
        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() == 201) {
                ids.add(JSON.readTree(r.body()).path("job_id").asText());
            }
        }
        return ids;
    }

    private void cancel(ServerProcess server, String id) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(server.url + "/api/v1/jobs/" + id + "/cancel")).header("X-API-Key", server.firstKey)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cancel " + id + ": " + e, e);
        }
    }

    /** Waits until the account's last slot is free: one job (the holder) queued or running. */
    private void awaitFreeSlot(ServerProcess server) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url + "/api/v1/billing/usage"))
                    .header("X-API-Key", server.firstKey).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode now = JSON.readTree(r.body()).path("now");
            if (r.statusCode() == 200 && now.path("running_jobs").asInt(-1) == 1) {
                return;
            }
            Thread.sleep(50); // polling interval; the bound is the deadline above
        }
        throw new IOException("the account's slot was not free again within 60 s");
    }
}
