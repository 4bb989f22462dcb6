package io.live2.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.live2.server.auth.Caller;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.ApiException;
import io.live2.server.http.Json;
import io.live2.server.progress.ProgressBus;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET /jobs/{id}/events: Server-Sent Events of one job. The stream opens with a "status" event (the job object with
 * its state history, id = the newest state event's id), then sends "progress" events as the runner reports them
 * and a new "status" event at every state change, and ends after a final state. A client that reconnects with
 * {@code Last-Event-ID} gets the current snapshot, whose history holds every change it missed. The stream also
 * re-reads the job every few seconds, so a lost bus message delays an update but never loses it; at each such
 * re-read it writes an SSE comment ({@code :ping}), so a client that went away is noticed within seconds (the write
 * fails) and its stream slot is freed, even while the job sends nothing (queued, or run by AWS Batch).
 */
public final class JobEventStream {
    private static final long RECHECK_MILLIS = 3_000;
    private final JobRepository jobs;
    private final ProgressBus bus;
    private final int perUser;
    private final int total;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final AtomicInteger openOnServer = new AtomicInteger();

    /** An SSE comment: browsers ignore it; writing it is how a stream notices a client that went away. */
    private static final SseEvent KEEP_ALIVE = SseEvent.builder().comment("ping").build();

    /**
     * @param perUser open streams per user (more: 429)
     * @param total   open streams of all users together (more: 503): each holds heap, so this bounds what streams can take
     */
    public JobEventStream(JobRepository jobs, ProgressBus bus, int perUser, int total) {
        this.jobs = jobs;
        this.bus = bus;
        this.perUser = perUser;
        this.total = total;
    }

    /**
     * Takes one of the user's event stream slots (every kind of stream counts against the one per-user limit);
     * 429 too_many_streams when all are open; 503 server_busy when the server holds as many streams of all users as it
     * may. Run the returned action once when the stream ends.
     */
    public Runnable openSlot(String userId) {
        AtomicInteger count = open.computeIfAbsent(userId, k -> new AtomicInteger());
        if (count.incrementAndGet() > perUser) {
            count.decrementAndGet();
            throw new ApiException(429, "too_many_streams", "at most " + perUser + " event streams may be open per user", null, 5);
        }
        if (openOnServer.incrementAndGet() > total) {
            openOnServer.decrementAndGet();
            count.decrementAndGet();
            throw ApiException.unavailable("this server holds as many event streams as it may (" + total
                    + "); retry shortly, or poll GET /jobs/{id}", 5);
        }
        return () -> {
            openOnServer.decrementAndGet();
            count.decrementAndGet();
        };
    }

    /**
     * Writes a {@code :ping} comment. Streams call it at every periodic re-read: a closed connection makes it throw
     * (UncheckedIOException), so the stream ends and frees its slot, subscriptions and thread.
     */
    public static void keepAlive(SseSink sink) {
        sink.emit(KEEP_ALIVE);
    }

    @SuppressWarnings("try") // the subscription is held open for the stream's lifetime, not used by name
    public void stream(ServerRequest req, ServerResponse res, Caller caller, JobRow first) {
        Runnable release = openSlot(caller.userId());
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>(10_000);
        try (ProgressBus.Subscription sub = bus.subscribe(first.id(), inbox::offer)) {
            res.header(HeaderNames.create("X-Accel-Buffering"), "no");
            try (SseSink sink = res.sink(SseSink.TYPE)) {
                long lastEvent = -1;
                JobRow job = first;
                boolean reread = false; // the first pass uses the job the route already read
                while (true) {
                    if (reread) {
                        JobRow again = jobs.get(caller.userId(), job.id()).orElse(null);
                        if (again == null) {
                            return; // gone while streamed (the response has started: no error to send), just end
                        }
                        job = again;
                    }
                    lastEvent = emitStatusIfNewer(sink, jobs, caller.userId(), job, lastEvent, "");
                    if (JobUpdates.isFinal(job.status())) {
                        return;
                    }
                    // progress is relayed as it comes; the job is read again only when its state changed, or
                    // after RECHECK_MILLIS of silence in case a bus message was lost
                    long deadline = System.nanoTime() + RECHECK_MILLIS * 1_000_000;
                    reread = false;
                    while (!reread) {
                        long left = deadline - System.nanoTime();
                        String msg = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (msg == null) {
                            keepAlive(sink);
                            reread = true;
                            break;
                        }
                        JsonNode m = Json.readStored(msg);
                        if ("progress".equals(m.path("type").asText())) {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("type");
                            sink.emit(SseEvent.builder().id(lastEvent + "-" + m.path("step").asLong()).name("progress")
                                    .data(Json.write(m)).build());
                        } else {
                            reread = true;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.UncheckedIOException e) {
            // the client went away: nothing to answer
        } finally {
            release.run();
        }
    }
    /**
     * Sends the job's "status" event (the job with its state history, id = idPrefix + the newest state event's id)
     * when its history holds a newer state event than {@code lastEvent}; returns that newest id. Every event stream
     * (one job's, several jobs', the frames') reports state changes through it.
     */
    public static long emitStatusIfNewer(SseSink sink, JobRepository jobs, String userId, JobRow job, long lastEvent,
                                         String idPrefix) {
        List<JobRepository.JobEvent> history = jobs.events(userId, job.id(), 0);
        long newest = history.isEmpty() ? 0 : history.get(history.size() - 1).id();
        if (newest != lastEvent) {
            sink.emit(SseEvent.builder().id(idPrefix + newest).name("status")
                    .data(Json.write(JobViews.jobWithHistory(job, history))).build());
        }
        return newest;
    }
}
