package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drill 6, tenancy and secrets, signed artifact URLs (issue 16): users A and B each own a finished job. Every URL
 * the server signs for A's artifacts must give A's bytes (their SHA-256 as listed); each must be refused (403, and
 * never B's bytes) when re-pointed at B's job with the same expiry and signature, when walked out of A's prefix by
 * "..", when its expiry is pushed later, when another of A's signatures is put on it; and once its validity has
 * passed, the genuine URL must be refused too.
 */
final class UrlDrill {
    private static final Pattern SIGNED = Pattern.compile("^(https?://[^/]+/a/)(.+)\\?expires=(\\d+)&sig=([0-9a-f]+)$");

    record Result(int urls, Map<String, Integer> outcomes, double waitedSeconds, List<String> problems, double seconds) {
    }

    private final Path dir;
    private final int validitySeconds;
    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private DrillHttp api;

    UrlDrill(Path dir, int validitySeconds, PrintStream out) {
        this.dir = dir;
        this.validitySeconds = validitySeconds;
        this.out = out;
    }

    /** A signed URL taken apart: the server part, the object key (URL-encoded as sent), the expiry and the signature. */
    record Signed(String server, String key, long expires, String sig) {
        static Signed parse(String url) {
            Matcher m = SIGNED.matcher(url);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a signed artifact URL: " + url);
            }
            return new Signed(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4));
        }

        String url() {
            return server + key + "?expires=" + expires + "&sig=" + sig;
        }
    }

    Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        String config = Drills.researchServerConfig(1).replace("\"local_workers\": 1", "\"local_workers\": 1, \"artifact_url_seconds\": " + validitySeconds);
        ServerProcess server = ServerProcess.firstStart(dir, config);
        api = new DrillHttp(server.url);
        double waited = 0;
        int urls = 0;
        try {
            String keyA = server.firstKey;
            DrillHttp.Account b = api.newAccount("b", problems);
            String jobA = api.submit(keyA, 100, 1000, 3);
            String jobB = api.submit(b.key(), 100, 1000, 4);
            for (String[] job : new String[][]{{keyA, jobA}, {b.key(), jobB}}) {
                String end = api.awaitEnd(job[0], job[1], Duration.ofMinutes(3));
                if (!end.equals("succeeded")) {
                    throw new IOException("job " + job[1] + " ended " + end);
                }
            }
            JsonNode listedA = DrillHttp.json(api.send("GET", "/jobs/" + jobA + "/artifacts", keyA, null, null));
            JsonNode listedB = DrillHttp.json(api.send("GET", "/jobs/" + jobB + "/artifacts", b.key(), null, null));
            Map<String, JsonNode> byKeyB = new TreeMap<>();
            listedB.path("artifacts").forEach(a -> byKeyB.put(a.path("key").asText(), a));
            long expires = 0;
            for (JsonNode a : listedA.path("artifacts")) {
                JsonNode twin = byKeyB.get(a.path("key").asText());
                if (twin == null) {
                    continue; // only artifacts both jobs have: a re-pointed URL must find B's file there, so a 404 cannot pass for a refusal
                }
                urls++;
                Signed mine = Signed.parse(a.path("url").asText());
                Signed theirs = Signed.parse(twin.path("url").asText());
                expires = mine.expires();
                byte[] genuine = expect(mine.url(), 200, "genuine", a.path("key").asText());
                if (genuine != null && !sha256(genuine).equals(a.path("sha256").asText())) {
                    problems.add(a.path("key").asText() + ": the genuine URL's bytes do not have the listed SHA-256");
                }
                byte[] bBytes = api.fetch(theirs.url()).body();
                refused(new Signed(mine.server(), theirs.key(), mine.expires(), mine.sig()), "re-pointed at B's job", bBytes);
                // A's prefix is <environment>/<user A>/<job A>/: up two levels, then into B's user and job
                String rel = a.path("key").asText();
                String prefixA = mine.key().substring(0, mine.key().length() - rel.length());
                String prefixB = theirs.key().substring(0, theirs.key().length() - rel.length());
                String walked = prefixA + "%2e%2e/%2e%2e/" + prefixB.substring(prefixB.indexOf('/') + 1) + rel;
                refused(new Signed(mine.server(), walked, mine.expires(), mine.sig()), "walked out of A's prefix", bBytes);
                refused(new Signed(mine.server(), mine.key(), mine.expires() + 86_400, mine.sig()), "expiry pushed a day later", bBytes);
                refused(new Signed(mine.server(), mine.key(), mine.expires(), theirs.sig()), "B's signature on A's key", bBytes);
            }
            if (urls == 0) {
                problems.add("A's and B's jobs share no artifact name: nothing to check");
            }
            // the validity: once it has passed, the genuine URLs are refused
            long wait = Math.max(0, expires - Instant.now().getEpochSecond() + 1);
            out.printf(Locale.ROOT, "  %d URLs of A's checked; waiting %d s for them to expire%n", urls, wait);
            Thread.sleep(Duration.ofSeconds(wait)); // the drill's subject is the clock: the URLs expire at a set second
            waited = wait;
            for (JsonNode a : listedA.path("artifacts")) {
                if (byKeyB.containsKey(a.path("key").asText())) {
                    refused(Signed.parse(a.path("url").asText()), "genuine, after its expiry", null);
                }
            }
        } finally {
            server.stop(60);
        }
        out.printf(Locale.ROOT, "url drill: %d of A's artifact URLs, each genuine, re-pointed, walked, extended, re-signed and expired, in %s%n", urls, dir);
        return new Result(urls, outcomes, waited, List.copyOf(problems), (System.nanoTime() - start) / 1e9);
    }

    /** Fetches; a problem unless the answer is {@code status}; returns the bytes on a 200. */
    private byte[] expect(String url, int status, String what, String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = api.fetch(url);
        outcomes.merge(what + " → " + r.statusCode(), 1, Integer::sum);
        if (r.statusCode() != status) {
            problems.add(key + ", " + what + ": " + r.statusCode() + " (want " + status + ")");
        }
        return r.statusCode() == 200 ? r.body() : null;
    }

    private void refused(Signed tampered, String what, byte[] other) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = api.fetch(tampered.url());
        outcomes.merge(what + " → " + r.statusCode(), 1, Integer::sum);
        if (r.statusCode() != 403) {
            problems.add(tampered.key() + ", " + what + ": " + r.statusCode() + " (want 403) "
                    + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        }
        if (other != null && other.length > 0 && java.util.Arrays.equals(r.body(), other)) {
            problems.add(tampered.key() + ", " + what + ": the answer is B's file");
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
