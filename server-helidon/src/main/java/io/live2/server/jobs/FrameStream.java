package io.live2.server.jobs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Json;
import io.live2.server.progress.ProgressBus;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

    private final JobService service;
    private final JobRepository jobs;
    private final ProgressBus bus;
    private final JobUpdates updates;
    private final JobEventStream events;
    /** Per job with a viewer here: the downsampled frames its viewers share. */
    private final ConcurrentHashMap<String, SharedFrames> sharedFrames = new ConcurrentHashMap<>();

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
        Inbox inbox = new Inbox();
        SharedFrames shared = sharedFrames.compute(id, (k, f) -> (f == null ? new SharedFrames() : f).join());
        try (ProgressBus.Subscription states = bus.subscribe(id, m -> {
                 if (!m.contains("\"type\":\"progress\"")) {
                     inbox.stateChanged();
                 }
             });
             ProgressBus.Subscription frames = bus.subscribe(JobUpdates.FRAMES + id, inbox::frame);
             JobUpdates.FrameWatch watch = updates.watchFrames(id)) {
            res.header(HeaderNames.create("X-Accel-Buffering"), "no");
            try (SseSink sink = res.sink(SseSink.TYPE)) {
                long lastEvent = 0;
                long lastStep = -1;
                String held = updates.newestFrame(id).orElse(null);
                if (held != null) {
                    lastStep = emitFrame(sink, shared, held, head(held), maxAtoms, lastEvent);
                }
                lastEvent = -1;
                JobRow job = first;
                boolean reread = false; // the first pass uses the job the route already read
                while (true) {
                    if (reread) {
                        job = jobs.get(caller.userId(), id).orElse(null);
                        if (job == null) {
                            return; // gone while streamed (the response has started: no error to send), just end
                        }
                        updates.stillWatching(id);
                    }
                    lastEvent = JobEventStream.emitStatusIfNewer(sink, jobs, caller.userId(), job, lastEvent, "");
                    if (JobUpdates.isFinal(job.status())) {
                        return;
                    }
                    long deadline = System.nanoTime() + RECHECK_MILLIS * 1_000_000;
                    while (true) {
                        if (inbox.takeStateChange()) {
                            break; // a pending frame waits for the next pass
                        }
                        String msg = inbox.takeFrame(); // a client slower than the frames gets the newest one only
                        if (msg != null) {
                            // the held frame may come again from the bus; a resumed attempt may go back in steps
                            long[] head = head(msg);
                            if (head[0] != lastStep) {
                                lastStep = emitFrame(sink, shared, msg, head, maxAtoms, lastEvent);
                            }
                            continue;
                        }
                        long left = deadline - System.nanoTime();
                        if (left <= 0 || !inbox.await(left)) {
                            JobEventStream.keepAlive(sink); // a client that went away is noticed here
                            break;
                        }
                    }
                    reread = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.UncheckedIOException e) {
            // the client went away: nothing to answer
        } finally {
            sharedFrames.computeIfPresent(id, (k, f) -> f.leave());
            release.run();
        }
    }

    /** Sends a frame (downsampled to the viewer's max_atoms when larger); returns its step. */
    private static long emitFrame(SseSink sink, SharedFrames shared, String json, long[] head, int maxAtoms, long lastEvent) {
        String data = head[1] <= maxAtoms ? json : shared.downsampled(json, head[0], maxAtoms);
        sink.emit(SseEvent.builder().id(lastEvent + "-" + head[0]).name("frame").data(data).build());
        return head[0];
    }

    /** A frame's step and atom count, read from the head of its JSON without decoding the rest. */
    static long[] head(String json) {
        long step = 0;
        long atoms = 0;
        int found = 0;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a frame is a JSON object");
            }
            while (found < 2 && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("step")) {
                    step = p.getLongValue();
                    found++;
                } else if (name.equals("atoms")) {
                    atoms = p.getLongValue();
                    found++;
                } else {
                    p.skipChildren();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a frame's JSON is damaged: " + e.getMessage(), e);
        }
        return new long[]{step, atoms};
    }

    /**
     * One viewer's inbox: only the newest frame is kept (a slow viewer costs one frame, however large, not a
     * backlog), and a state change is a flag that is never dropped.
     */
    static final class Inbox {
        private final AtomicReference<String> frame = new AtomicReference<>();
        private final AtomicBoolean stateChanged = new AtomicBoolean();
        private final Semaphore wake = new Semaphore(0);

        void frame(String json) {
            frame.set(json);
            wake.release();
        }

        void stateChanged() {
            stateChanged.set(true);
            wake.release();
        }

        boolean takeStateChange() {
            return stateChanged.getAndSet(false);
        }

        String takeFrame() {
            return frame.getAndSet(null);
        }

        /** Waits until something arrived since the last wait (look with the take methods); false when the time ran out. */
        boolean await(long nanos) throws InterruptedException {
            boolean woke = wake.tryAcquire(nanos, TimeUnit.NANOSECONDS);
            wake.drainPermits(); // the flags say what came: one look covers every signal so far
            return woke;
        }
    }

    /**
     * What the viewers of one job on this replica share: the newest step's frame downsampled and encoded once per
     * max_atoms (not once per viewer); a frame of another step replaces it all.
     */
    static final class SharedFrames {
        private record Step(long step, ConcurrentHashMap<Integer, String> byMaxAtoms) {
        }

        private final AtomicReference<Step> current = new AtomicReference<>(new Step(-1, new ConcurrentHashMap<>()));
        private int viewers; // changed only inside the map's compute for this job

        SharedFrames join() {
            viewers++;
            return this;
        }

        /** @return null when the last viewer left (the map then drops it) */
        SharedFrames leave() {
            return --viewers <= 0 ? null : this;
        }

        String downsampled(String json, long step, int maxAtoms) {
            Step s = current.updateAndGet(c -> c.step() == step ? c : new Step(step, new ConcurrentHashMap<>()));
            // one viewer encodes, the others of the same max_atoms wait for its result
            return s.byMaxAtoms().computeIfAbsent(maxAtoms,
                    m -> FrameCodec.toJson(FrameCodec.fromTree(Json.readStored(json)).downsample(m)));
        }
    }
}
