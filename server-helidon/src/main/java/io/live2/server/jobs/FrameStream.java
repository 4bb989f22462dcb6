package io.live2.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.live2.jobs.LiveFrame;
import io.live2.server.auth.Caller;
import io.live2.server.auth.Scope;
import io.live2.server.db.JobRepository;
import io.live2.server.db.JobRow;
import io.live2.server.http.ApiException;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Json;
import io.live2.server.progress.ProgressBus;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * GET /jobs/{id}/frames?max_atoms=10000: Server-Sent Events of a running job's box for the dashboard's live view.
 * Events "frame" (data: the {@link FrameCodec} JSON, at most max_atoms atoms, about four a second while the job runs
 * on this server's local orchestrator) and "status" (the job object with its history, at the start and at every
 * state change); it ends after a final state. The newest frame this replica holds is sent first. Like
 * {@link JobEventStream}: one of the caller's stream slots, reconnecting starts afresh (the current state, the newest
 * frame), and the job is read again every few seconds so a lost bus message never stalls the stream; each such
 * re-read writes a {@code :ping} comment, so a viewer that left frees its slot within seconds.
 */
public final class FrameStream {
    public static final int MIN_ATOMS = 100;
    public static final int MAX_ATOMS = LiveFrame.MAX_ATOMS;
    public static final int DEFAULT_ATOMS = 10_000;
    private static final long RECHECK_MILLIS = 3_000;
    /** In the inbox: the job's state changed (frames are the wire JSON strings). */
    private static final Object STATE_CHANGED = new Object();

    private final JobService service;
    private final JobRepository jobs;
    private final ProgressBus bus;
    private final JobUpdates updates;
    private final JobEventStream events;

    /** @param events the event streams, whose per-user slots frame streams share */
    public FrameStream(JobService service, JobRepository jobs, ProgressBus bus, JobUpdates updates, JobEventStream events) {
        this.service = service;
        this.jobs = jobs;
        this.bus = bus;
        this.updates = updates;
        this.events = events;
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/jobs/{id}/frames", Scope.JOBS_READ, (req, res, caller) -> {
            int max = JobRoutes.intParam(req, "max_atoms", DEFAULT_ATOMS, MIN_ATOMS, MAX_ATOMS);
            JobRow j = service.get(caller.userId(), JobRoutes.id(req));
            stream(res, caller, j, max);
        });
    }

    @SuppressWarnings("try") // subscriptions and the watch are held open for the stream's lifetime
    void stream(ServerResponse res, Caller caller, JobRow first, int maxAtoms) {
        Runnable release = events.openSlot(caller.userId());
        String id = first.id();
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>(64);
        try (ProgressBus.Subscription states = bus.subscribe(id, m -> {
                 if (!m.contains("\"type\":\"progress\"")) {
                     inbox.offer(STATE_CHANGED);
                 }
             });
             ProgressBus.Subscription frames = bus.subscribe(JobUpdates.FRAMES + id, inbox::offer);
             JobUpdates.FrameWatch watch = updates.watchFrames(id)) {
            res.header(HeaderNames.create("X-Accel-Buffering"), "no");
            try (SseSink sink = res.sink(SseSink.TYPE)) {
                long lastEvent = 0;
                long lastStep = -1;
                String held = updates.newestFrame(id).orElse(null);
                if (held != null) {
                    lastStep = emitFrame(sink, held, Json.readStored(held), maxAtoms, lastEvent);
                }
                lastEvent = -1;
                JobRow job = first;
                boolean reread = false; // the first pass uses the job the route already read
                while (true) {
                    if (reread) {
                        job = jobs.get(caller.userId(), id).orElseThrow(() -> ApiException.notFound("job"));
                        updates.stillWatching(id);
                    }
                    List<JobRepository.JobEvent> history = jobs.events(caller.userId(), id, 0);
                    long newest = history.isEmpty() ? 0 : history.get(history.size() - 1).id();
                    if (newest != lastEvent) {
                        lastEvent = newest;
                        sink.emit(SseEvent.builder().id(Long.toString(newest)).name("status")
                                .data(Json.write(JobViews.jobWithHistory(job, history))).build());
                    }
                    if (JobUpdates.isFinal(job.status())) {
                        return;
                    }
                    long deadline = System.nanoTime() + RECHECK_MILLIS * 1_000_000;
                    reread = false;
                    while (!reread) {
                        long left = deadline - System.nanoTime();
                        Object msg = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (msg == null) {
                            JobEventStream.keepAlive(sink); // a client that went away is noticed here
                        }
                        if (msg == null || msg == STATE_CHANGED) {
                            reread = true;
                            break;
                        }
                        // a client slower than the frames gets the newest one, not a backlog
                        while (inbox.peek() instanceof String newer) {
                            msg = newer;
                            inbox.poll();
                        }
                        JsonNode frame = Json.readStored((String) msg);
                        // the held frame may come again from the bus; a resumed attempt may go back in steps
                        if (frame.path("step").asLong() != lastStep) {
                            lastStep = emitFrame(sink, (String) msg, frame, maxAtoms, lastEvent);
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

    /** Sends a frame (downsampled to the viewer's max_atoms when larger); returns its step. */
    private static long emitFrame(SseSink sink, String json, JsonNode n, int maxAtoms, long lastEvent) {
        long step = n.path("step").asLong();
        String data = n.path("atoms").asInt() <= maxAtoms ? json : FrameCodec.toJson(FrameCodec.fromTree(n).downsample(maxAtoms));
        sink.emit(SseEvent.builder().id(lastEvent + "-" + step).name("frame").data(data).build());
        return step;
    }
}
