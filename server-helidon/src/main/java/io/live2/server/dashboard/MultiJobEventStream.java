package io.live2.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.live2.jobs.JobState;
import io.live2.server.auth.Caller;
import io.live2.server.auth.Scope;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Json;
import io.live2.server.http.JsonBody;
import io.live2.server.jobs.JobEventStream;
import io.live2.server.jobs.JobViews;
import io.live2.server.progress.ProgressBus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * GET /events?jobs=j_1,j_2,...: one Server-Sent Events stream for up to {@value #MAX_JOBS} of the caller's jobs (the
 * dashboard's jobs list), so a browser needs one connection instead of one per row. For each job it first sends a
 * "status" event (the job object with its history; id "&lt;job_id&gt;:&lt;newest state event id&gt;"), then
 * "progress" events (the fields of GET /jobs/{id}/events' progress plus "job_id") and a "status" event at each state
 * change; it ends once every listed job is final. It is one stream against the per-user stream limit. As with the
 * one-job stream, a job is read again after a state change or a few seconds of silence, so a lost bus message
 * delays an update but never loses it; each periodic re-read also writes a {@code :ping} comment, so a client
 * that went away frees its stream slot within seconds.
 */
public final class MultiJobEventStream {
    public static final int MAX_JOBS = 50;
    private static final long RECHECK_MILLIS = 3_000;

    private final JobRepository jobs;
    private final ProgressBus bus;
    private final JobEventStream slots;

    /** @param slots the one-job stream, whose per-user stream count this stream shares */
    public MultiJobEventStream(JobRepository jobs, ProgressBus bus, JobEventStream slots) {
        this.jobs = jobs;
        this.bus = bus;
        this.slots = slots;
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/events", Scope.JOBS_READ, (req, res, caller) -> stream(req, res, caller, ids(req, caller)));
    }

    /** The listed ids, each checked to be one of the caller's jobs (404 naming the first that is not). */
    private List<String> ids(ServerRequest req, Caller caller) {
        String list = req.query().first("jobs").orElse("");
        Set<String> ids = new LinkedHashSet<>();
        int listed = 0;
        for (String part : list.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            listed++;
            ids.add(id);
        }
        if (listed == 0) {
            throw ApiException.badRequest("jobs", "jobs: required, a comma-separated list of 1.." + MAX_JOBS + " job ids");
        }
        if (listed > MAX_JOBS) {
            throw ApiException.badRequest("jobs", "jobs: " + listed + " ids; allowed 1.." + MAX_JOBS);
        }
        for (String id : ids) {
            if (!id.matches("[A-Za-z0-9_-]{1,64}") || jobs.get(caller.userId(), id).isEmpty()) {
                throw new ApiException(404, "not_found", "job " + JsonBody.oneLine(id) + " not found", "jobs", 0);
            }
        }
        return List.copyOf(ids);
    }

    private record Message(String jobId, String text) {
    }

    /** What the stream last told about one job. */
    private static final class Seen {
        long lastEvent = -1;
        boolean done;
    }

    private void stream(ServerRequest req, ServerResponse res, Caller caller, List<String> ids) {
        Runnable release = slots.openSlot(caller.userId());
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>(10_000);
        List<ProgressBus.Subscription> subs = new ArrayList<>();
        try {
            for (String id : ids) {
                subs.add(bus.subscribe(id, m -> inbox.offer(new Message(id, m))));
            }
            Map<String, Seen> seen = new LinkedHashMap<>();
            ids.forEach(id -> seen.put(id, new Seen()));
            res.header(HeaderNames.create("X-Accel-Buffering"), "no");
            try (SseSink sink = res.sink(SseSink.TYPE)) {
                // read after subscribing: a change between the read and the subscription cannot be missed
                for (String id : ids) {
                    check(sink, caller, id, seen.get(id));
                }
                while (!allDone(seen)) {
                    long deadline = System.nanoTime() + RECHECK_MILLIS * 1_000_000;
                    Set<String> reread = new LinkedHashSet<>();
                    while (reread.isEmpty()) {
                        long left = deadline - System.nanoTime();
                        Message msg = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (msg == null) {
                            JobEventStream.keepAlive(sink); // a client that went away is noticed here
                            seen.forEach((id, s) -> {
                                if (!s.done) {
                                    reread.add(id);
                                }
                            });
                            break;
                        }
                        Seen s = seen.get(msg.jobId());
                        if (s.done) {
                            continue;
                        }
                        JsonNode m = Json.readStored(msg.text());
                        if ("progress".equals(m.path("type").asText())) {
                            ObjectNode data = Json.object().put("job_id", msg.jobId());
                            m.properties().forEach(e -> {
                                if (!e.getKey().equals("type")) {
                                    data.set(e.getKey(), e.getValue());
                                }
                            });
                            sink.emit(SseEvent.builder().id(msg.jobId() + ":" + s.lastEvent + "-" + m.path("step").asLong())
                                    .name("progress").data(Json.write(data)).build());
                        } else {
                            reread.add(msg.jobId());
                        }
                    }
                    for (String id : reread) {
                        check(sink, caller, id, seen.get(id));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.UncheckedIOException e) {
            // the client went away: nothing to answer
        } finally {
            subs.forEach(ProgressBus.Subscription::close);
            release.run();
        }
    }

    /** Reads the job; sends its status when its history has a newer state event than last sent. */
    private void check(SseSink sink, Caller caller, String id, Seen s) {
        JobRow job = jobs.get(caller.userId(), id).orElse(null);
        if (job == null) {
            s.done = true; // deleted with its user while streamed: nothing more will come
            return;
        }
        s.lastEvent = JobEventStream.emitStatusIfNewer(sink, jobs, caller.userId(), job, s.lastEvent, id + ":");
        s.done = JobState.ofWire(job.status()).terminal();
    }

    private static boolean allDone(Map<String, Seen> seen) {
        return seen.values().stream().allMatch(s -> s.done);
    }
}
