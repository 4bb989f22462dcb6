package io.live2.jobs.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A PROTOCOL FAKE of the AWS Batch JSON routes the SDK calls (POST /v1/submitjob, /v1/describejobs, /v1/canceljob,
 * /v1/terminatejob, /v1/listjobs) on a JDK HttpServer bound to 127.0.0.1. It is not AWS and schedules nothing: job
 * states are scripted by the test. Every request body is recorded so tests can assert the exact wire fields.
 */
final class BatchFake implements AutoCloseable {
    record Request(String route, JsonNode body) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Batch job id → its job detail as DescribeJobs returns it (mutable by tests). */
    final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;
    long now = 1_700_000_000_000L;

    BatchFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    AwsSettings aws() {
        return new AwsSettings(Region.EU_CENTRAL_1, endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret-for-tests")));
    }

    List<JsonNode> bodies(String route) {
        return requests.stream().filter(r -> r.route().equals(route)).map(Request::body).toList();
    }

    /** Sets a job's status and status reason. */
    void script(String batchId, String status, String statusReason) {
        ObjectNode j = jobs.get(batchId);
        j.put("status", status);
        if (statusReason == null) {
            j.remove("statusReason");
        } else {
            j.put("statusReason", statusReason);
        }
        if (!status.equals("SUBMITTED") && !status.equals("PENDING") && !status.equals("RUNNABLE") && !j.has("startedAt")
                && !status.equals("FAILED")) {
            j.put("startedAt", now + 1000);
        }
        if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
            j.put("stoppedAt", now + 5000);
        }
    }

    /** Adds a finished attempt (startedAt, stoppedAt, statusReason, container exitCode/reason). */
    void attempt(String batchId, Integer exitCode, String reason, String statusReason) {
        ObjectNode j = jobs.get(batchId);
        ArrayNode attempts = j.has("attempts") ? (ArrayNode) j.get("attempts") : j.putArray("attempts");
        ObjectNode a = attempts.addObject();
        ObjectNode c = a.putObject("container");
        if (exitCode != null) {
            c.put("exitCode", exitCode);
        }
        if (reason != null) {
            c.put("reason", reason);
        }
        long start = now + 1000 + attempts.size() * 10_000L;
        a.put("startedAt", start);
        a.put("stoppedAt", start + 5000);
        if (statusReason != null) {
            a.put("statusReason", statusReason);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String route = ex.getRequestURI().getPath();
        byte[] in = ex.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
        requests.add(new Request(route, body));
        ObjectNode out = JSON.createObjectNode();
        int code = 200;
        switch (route) {
            case "/v1/submitjob" -> {
                String id = String.format("b%04d-%s", ids.incrementAndGet(), "fake");
                ObjectNode j = JSON.createObjectNode();
                j.put("jobId", id);
                j.put("jobArn", "arn:aws:batch:eu-central-1:000000000000:job/" + id);
                j.put("jobName", body.path("jobName").asText());
                j.put("jobQueue", body.path("jobQueue").asText());
                j.put("jobDefinition", body.path("jobDefinition").asText());
                j.put("status", "SUBMITTED");
                j.put("createdAt", now + ids.get());
                ObjectNode container = j.putObject("container");
                container.set("command", body.path("containerOverrides").path("command"));
                container.set("environment", body.path("containerOverrides").path("environment"));
                if (body.has("arrayProperties")) {
                    int size = body.path("arrayProperties").path("size").asInt();
                    j.putObject("arrayProperties").put("size", size);
                    for (int i = 0; i < size; i++) {
                        ObjectNode child = j.deepCopy();
                        child.put("jobId", id + ":" + i);
                        child.putObject("arrayProperties").put("index", i);
                        jobs.put(id + ":" + i, child);
                    }
                }
                jobs.put(id, j);
                order.add(id);
                out.put("jobId", id).put("jobName", j.get("jobName").asText()).put("jobArn", j.get("jobArn").asText());
            }
            case "/v1/describejobs" -> {
                ArrayNode list = out.putArray("jobs");
                for (JsonNode id : body.path("jobs")) {
                    ObjectNode j = jobs.get(id.asText());
                    if (j != null) {
                        list.add(j);
                    }
                }
            }
            case "/v1/canceljob", "/v1/terminatejob" -> {
                ObjectNode j = jobs.get(body.path("jobId").asText());
                if (j == null) {
                    code = 400;
                    out.put("__type", "ClientException").put("message", "Job " + body.path("jobId").asText() + " not found");
                } else {
                    String s = j.path("status").asText();
                    boolean queued = s.equals("SUBMITTED") || s.equals("PENDING") || s.equals("RUNNABLE");
                    boolean running = s.equals("STARTING") || s.equals("RUNNING");
                    if (route.equals("/v1/canceljob") ? queued : queued || running) {
                        script(j.get("jobId").asText(), "FAILED", body.path("reason").asText());
                    }
                }
            }
            case "/v1/listjobs" -> {
                ArrayNode list = out.putArray("jobSummaryList");
                String queue = body.path("jobQueue").asText();
                List<String> names = new ArrayList<>();
                for (JsonNode f : body.path("filters")) {
                    if (f.path("name").asText().equals("JOB_NAME")) {
                        f.path("values").forEach(v -> names.add(v.asText()));
                    }
                }
                String status = body.path("jobStatus").asText("RUNNING");
                for (String id : order) {
                    ObjectNode j = jobs.get(id);
                    boolean match = j.path("jobQueue").asText().equals(queue)
                            && (names.isEmpty() ? j.path("status").asText().equals(status) : names.contains(j.path("jobName").asText()));
                    if (match) {
                        list.addObject().put("jobId", id).put("jobArn", j.path("jobArn").asText()).put("jobName", j.path("jobName").asText())
                                .put("status", j.path("status").asText()).put("createdAt", j.path("createdAt").asLong());
                    }
                }
            }
            default -> {
                code = 404;
                out.put("__type", "ClientException").put("message", "no route " + route);
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(out);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (code != 200) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", out.path("__type").asText());
        }
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String text(JsonNode n) {
        return n.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
