package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.billing.stripe.StripeStub;
import io.live2.billing.stripe.StripeSubscriptionState;
import io.live2.billing.stripe.WebhookSigner;
import io.live2.jobs.aws.CallbackSignature;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drill 4, duplicates and races, second part (issue 16): Stripe's webhook deliveries redelivered and out of order,
 * and workers' callbacks replayed. The drill plays Stripe (a {@link StripeStub} on loopback for the API the server
 * reads back, and deliveries signed with Stripe's scheme, verified in the server by stripe-java) and a worker
 * (callbacks signed with the job's key derived from the callback secret). Each round, for a new account:
 * <ol>
 *   <li>checkout, then Stripe's checkout.session.completed delivered {@code redeliveries} times at once: exactly one
 *       delivery applies it, every other answers "duplicate" (a delivery that finds the first still being handled
 *       gets 409 and is delivered again, as Stripe does); the account is on Research;</li>
 *   <li>an upgrade to Pro: the newer customer.subscription.updated and an older customer.subscription.created, each
 *       delivered {@code redeliveries} times, shuffled, at once: each event applies once, and the account ends as
 *       Stripe has it now (Pro), whatever came last;</li>
 *   <li>a job, and its worker's callbacks: a genuine one is applied (204); the same request again, {@code
 *       redeliveries} times, is refused as a replay; a correctly signed "failed" from outside the 5-minute window
 *       (a capture replayed later) is refused as stale; the genuine one re-pointed at another job is refused as a
 *       bad signature. The job still ends succeeded, with no failure in its history.</li>
 * </ol>
 * Any 5xx fails the drill; so does any secret (Stripe key, webhook secret, callback secret, the accounts' keys,
 * passwords and tokens) found in a file the server wrote.
 */
final class ReplayDrill {
    /** Outside CallbackVerifier.DEFAULT_WINDOW (5 minutes) by one second. */
    private static final long STALE_SECONDS = 301;

    record Result(int deliveries, int applied, int duplicates, int inProgress, int callbacks, Map<String, Integer> callbackOutcomes,
                  int serverErrors, List<String> problems, double seconds) {
    }

    private final Path dir;
    private final int rounds;
    private final int redeliveries;
    private final Random random;
    private final PrintStream out;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final Map<String, Integer> callbackOutcomes = new ConcurrentHashMap<>();
    private final AtomicInteger callbacks = new AtomicInteger();
    private final java.util.Set<String> events = ConcurrentHashMap.newKeySet();

    ReplayDrill(Path dir, int rounds, int redeliveries, long seed, PrintStream out) {
        this.dir = dir;
        this.rounds = rounds;
        this.redeliveries = redeliveries;
        this.random = new Random(seed);
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        SecureRandom rng = new SecureRandom();
        String stripeKey = "sk_test_drill" + hex(rng, 12);
        String webhookSecret = "whsec_drill" + hex(rng, 16);
        String callbackSecret = hex(rng, 32);
        // the secrets live beside the server's directory, not under it: the scan afterwards covers what the server wrote
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("stripe.key"), stripeKey);
        Files.writeString(secrets.resolve("webhook.secret"), webhookSecret);
        Files.writeString(secrets.resolve("callback.secret"), callbackSecret);
        Path serverDir = Files.createDirectories(dir.resolve("server"));
        List<String> scanFor = new ArrayList<>(List.of(stripeKey, webhookSecret, callbackSecret));
        try (StripeStub stripe = new StripeStub(stripeKey)) {
            ServerProcess server = ServerProcess.firstStart(serverDir, config(stripe.apiBase(), secrets));
            scanFor.add(server.firstKey);
            DrillHttp api = new DrillHttp(server.url);
            try {
                for (int round = 1; round <= rounds; round++) {
                    DrillHttp.Account payer = api.newAccount("payer" + round, problems);
                    scanFor.addAll(payer.secrets());
                    round(round, api, stripe, payer, webhookSecret, callbackSecret.getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                server.stop(60);
            }
        }
        // the server's own account of it: one line per event handled, never one per delivery
        String log = Files.readString(serverDir.resolve("server.log"));
        for (String event : events) {
            long handled = log.lines().filter(l -> l.contains("stripe event " + event + " ")).count();
            if (handled != 1) {
                problems.add("the server log records event " + event + " handled " + handled + " times (want once)");
            }
        }
        SecretScan.report(serverDir, scanFor, problems);
        out.printf(Locale.ROOT, "replay drill: %d rounds, %d secrets scanned for in %s%n", rounds, scanFor.size(), serverDir);
        return new Result(deliveries.get(), applied.get(), duplicates.get(), inProgress.get(), callbacks.get(),
                new TreeMap<>(callbackOutcomes), serverErrors.get(), List.copyOf(problems), (System.nanoTime() - start) / 1e9);
    }

    private void round(int round, DrillHttp api, StripeStub stripe, DrillHttp.Account payer, String webhookSecret, byte[] callbackMaster)
            throws IOException, InterruptedException {
        DrillHttp.expect(api.send("POST", "/billing/checkout", payer.key(), null, "{\"tier\":\"research\"}"), 200, "checkout, round " + round, problems);
        String user = stripe.lastRequest("/v1/checkout/sessions").orElseThrow().param("client_reference_id");
        String sub = "sub_drill_" + round;
        String cus = "cus_drill_" + round;
        Instant periodEnd = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long now = Instant.now().getEpochSecond();

        stripe.putSubscription(new StripeSubscriptionState(sub, cus, "active", "price_research", periodEnd, false, user));
        String completed = WebhookSigner.checkoutCompleted("evt_r" + round + "_completed", now, sub, cus, user);
        Map<String, Integer> once = deliverAtOnce(api, webhookSecret, Collections.nCopies(redeliveries, completed));
        expectEachAppliedOnce(once, "round " + round + ", checkout completed ×" + redeliveries);
        expectTier(api, payer, "research", "round " + round + " after the checkout's deliveries");

        // the upgrade: Stripe now has Pro; the older "created" event (still Research in its payload) arrives among the newer
        stripe.putSubscription(new StripeSubscriptionState(sub, cus, "active", "price_pro", periodEnd, false, user));
        String updated = WebhookSigner.subscriptionEvent("evt_r" + round + "_updated", "customer.subscription.updated", now + 1, sub, cus, user, "active");
        String created = WebhookSigner.subscriptionEvent("evt_r" + round + "_created", "customer.subscription.created", now - 60, sub, cus, user, "active");
        List<String> shuffled = new ArrayList<>(Collections.nCopies(redeliveries, updated));
        shuffled.addAll(Collections.nCopies(redeliveries, created));
        Collections.shuffle(shuffled, random);
        Map<String, Integer> upgrade = deliverAtOnce(api, webhookSecret, shuffled);
        expectEachAppliedOnce(upgrade, "round " + round + ", upgrade and an older event ×" + redeliveries + " each, shuffled");
        expectTier(api, payer, "pro", "round " + round + " after the upgrade's deliveries");

        callbacks(round, api, payer, callbackMaster);
    }

    /**
     * Delivers every payload at once (one virtual thread each, released together), each as Stripe would: signed now,
     * and delivered again after a 409 (the first delivery of that event still being handled). Returns, per event id,
     * how many deliveries applied it.
     */
    private Map<String, Integer> deliverAtOnce(DrillHttp api, String webhookSecret, List<String> payloads) throws InterruptedException {
        Map<String, Integer> appliedPerEvent = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (String payload : payloads) {
                all.add(pool.submit(() -> {
                    go.await();
                    deliver(api, webhookSecret, payload, appliedPerEvent);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add("a delivery failed: " + e.getCause());
                }
            }
        }
        return appliedPerEvent;
    }

    private void deliver(DrillHttp api, String webhookSecret, String payload, Map<String, Integer> appliedPerEvent)
            throws IOException, InterruptedException {
        String event = DrillHttp.JSON.readTree(payload).path("id").asText();
        appliedPerEvent.putIfAbsent(event, 0);
        events.add(event);
        for (int attempt = 1; attempt <= 50; attempt++) {
            long t = Instant.now().getEpochSecond();
            HttpResponse<String> r = api.send("POST", "/billing/webhooks/stripe", null, null, payload,
                    Map.of("Stripe-Signature", WebhookSigner.header(webhookSecret, t, payload)));
            deliveries.incrementAndGet();
            if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                problems.add("webhook " + event + ": " + r.statusCode() + " " + r.body());
                return;
            }
            if (r.statusCode() == 409) {
                inProgress.incrementAndGet();
                Thread.sleep(20L * attempt); // Stripe's redelivery, compressed: the bound is the attempts
                continue;
            }
            if (r.statusCode() != 200) {
                problems.add("webhook " + event + ": " + r.statusCode() + " " + r.body());
                return;
            }
            if (DrillHttp.json(r).path("result").asText().startsWith("duplicate")) {
                duplicates.incrementAndGet();
            } else {
                applied.incrementAndGet();
                appliedPerEvent.merge(event, 1, Integer::sum);
            }
            return;
        }
        problems.add("webhook " + event + ": still in progress after 50 deliveries");
    }

    private void expectEachAppliedOnce(Map<String, Integer> appliedPerEvent, String what) {
        appliedPerEvent.forEach((event, n) -> {
            if (n != 1) {
                problems.add(what + ": event " + event + " applied " + n + " times (want once)");
            }
        });
        out.printf(Locale.ROOT, "  %s: applied once each: %s%n", what, appliedPerEvent.values().stream().allMatch(n -> n == 1));
    }

    private void expectTier(DrillHttp api, DrillHttp.Account payer, String tier, String what) throws IOException, InterruptedException {
        JsonNode s = DrillHttp.json(api.send("GET", "/billing/subscription", payer.key(), null, null));
        if (!s.path("tier").asText().equals(tier) || !s.path("status").asText().equals("active")) {
            problems.add(what + ": the account is " + s.path("status").asText() + " on " + s.path("tier").asText() + " (want active on " + tier + ")");
        }
    }

    /** A job's worker reports, genuine and replayed: only the genuine one is applied, and the job ends succeeded. */
    private void callbacks(int round, DrillHttp api, DrillHttp.Account payer, byte[] master) throws IOException, InterruptedException {
        String job = api.submit(payer.key(), 120, 3000, 100 + round);
        String other = api.submit(payer.key(), 120, 500, 200 + round);
        byte[] jobKey = CallbackSignature.jobKey(master, job).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String progress = "{\"job_id\":\"%s\",\"attempt\":1,\"step\":1,\"total_steps\":3000,\"percent\":0.0}".formatted(job);
        String signature = CallbackSignature.sign(jobKey, now, progress);
        callback(api, now, signature, progress, 204, "genuine");
        for (int i = 0; i < redeliveries; i++) {
            callback(api, now, signature, progress, 401, "replayed within the window");
        }
        long then = now - STALE_SECONDS;
        String failed = "{\"job_id\":\"%s\",\"attempt\":1,\"state\":\"failed\",\"failure_cause\":\"drill: a stale report\",\"step\":2}".formatted(job);
        String staleSignature = CallbackSignature.sign(jobKey, then, failed);
        for (int i = 0; i < redeliveries; i++) {
            callback(api, then, staleSignature, failed, 401, "replayed outside the window");
        }
        callback(api, now, signature, progress.replace(job, other), 401, "re-pointed at another job");
        String end = api.awaitEnd(payer.key(), job, Duration.ofMinutes(5));
        if (!end.equals("succeeded")) {
            problems.add("round " + round + ": the job ended " + end + " after the replayed callbacks (want succeeded)");
        }
        JsonNode view = DrillHttp.json(api.send("GET", "/jobs/" + job, payer.key(), null, null));
        if (view.toString().contains("drill: a stale report")) {
            problems.add("round " + round + ": the stale callback's failure reached the job: " + view);
        }
        api.awaitEnd(payer.key(), other, Duration.ofMinutes(5));
    }

    private void callback(DrillHttp api, long timestamp, String signature, String body, int want, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> r = api.send("POST", api.root() + "/internal/callbacks", null, null, body,
                Map.of(CallbackSignature.TIMESTAMP_HEADER, Long.toString(timestamp), CallbackSignature.SIGNATURE_HEADER, signature));
        callbacks.incrementAndGet();
        callbackOutcomes.merge(what + " → " + r.statusCode(), 1, Integer::sum);
        if (r.statusCode() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (r.statusCode() != want) {
            problems.add("callback " + what + ": " + r.statusCode() + " (want " + want + ") " + r.body());
        }
    }

    private String config(String stripeApiBase, Path secrets) {
        return """
                {"jobs": {"local_workers": 1},
                 "limits": {"key_per_minute": 100000, "ip_per_minute": 100000, "login_per_minute": 1000},
                 "callback_secret_file": "%s", "stripe_secret_key_file": "%s",
                 "billing": {"default_tier": "none", "stripe_webhook_secret_file": "%s", "stripe_api_base": "%s",
                   "tiers": {"hobby": {"api_requests_per_minute": 100000},
                     "research": {"stripe_price": "price_research", "api_requests_per_minute": 100000},
                     "pro": {"stripe_price": "price_pro", "api_requests_per_minute": 100000},
                     "enterprise": {"api_requests_per_minute": 100000}}}}"""
                .formatted(secrets.resolve("callback.secret").toAbsolutePath(), secrets.resolve("stripe.key").toAbsolutePath(),
                        secrets.resolve("webhook.secret").toAbsolutePath(), stripeApiBase);
    }

    private static String hex(SecureRandom rng, int bytes) {
        byte[] b = new byte[bytes];
        rng.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
