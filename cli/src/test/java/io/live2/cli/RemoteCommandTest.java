package io.live2.cli;

import io.live2.server.LiveServer;
import io.live2.server.settings.SettingsLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** live remote against a real embedded server in this JVM: every sub-command, and its exits on bad input. */
class RemoteCommandTest {
    @TempDir
    static Path tmp;
    static LiveServer server;
    static String key;

    @BeforeAll
    static void start() {
        // the research tier: the CLI tests run more than Hobby's 10 requests a minute
        server = LiveServer.start(SettingsLoader.load(null, Map.of("LIVE_PORT", "0", "LIVE_DATA", tmp.resolve("data").toString(),
                "LIVE_BILLING_DEFAULT_TIER", "research"), Map.of()));
        key = server.firstKey().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static CliHarness.Outcome remote(String... args) {
        String[] all = Stream.concat(Stream.of("remote"), Stream.concat(Stream.of(args),
                Stream.of("--server", server.url(), "--api-key", key))).toArray(String[]::new);
        return CliHarness.run(all);
    }

    @Test
    void aDryRunShowsTheEstimateAndVerdictAndSubmitsNothing() throws Exception {
        Path small = Files.writeString(tmp.resolve("dry.json"), "{\"preset\":\"miller-urey\",\"particles\":150,\"steps\":400,\"seed\":5}");
        int before = remote("list").out().lines().toList().size();
        CliHarness.Outcome dry = remote("submit", small.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err() + dry.out());
        assertTrue(dry.out().contains("estimate: ") && dry.out().contains("tier research"), dry.out());
        assertTrue(dry.out().contains("verdict: allowed"), dry.out());
        assertEquals(before, remote("list").out().lines().toList().size(), "a dry run creates no job");

        // far beyond Research's 2 hours and $5: refused, with the reason
        Path huge = Files.writeString(tmp.resolve("huge.json"), "{\"preset\":\"miller-urey\",\"particles\":200000,\"steps\":1000000000,\"seed\":5}");
        CliHarness.Outcome refused = remote("submit", huge.toString(), "--dry-run");
        assertEquals(1, refused.exitCode(), refused.out());
        assertTrue(refused.out().contains("verdict: refused, runtime_limit") || refused.out().contains("verdict: refused, cost_limit"), refused.out());
    }

    @Test
    void submitWaitListStatusAndDownload() throws Exception {
        Path config = Files.writeString(tmp.resolve("job.json"), "{\"preset\":\"miller-urey\",\"particles\":150,\"steps\":400,\"seed\":4}");
        CliHarness.Outcome sub = remote("submit", config.toString(), "--wait", "--idempotency-key", "cli-1");
        assertEquals(0, sub.exitCode(), sub.err());
        String id = sub.out().lines().filter(l -> l.startsWith("job: ")).findFirst().orElseThrow().substring(5).split(" ")[0];
        assertTrue(sub.out().contains("estimate: "), sub.out());
        assertTrue(sub.out().contains("job " + id + ": succeeded"), sub.out());
        CliHarness.Outcome again = remote("submit", config.toString(), "--idempotency-key", "cli-1");
        assertTrue(again.out().contains(id) && again.out().contains("already submitted"), again.out());
        assertTrue(remote("list").out().contains(id));
        assertTrue(remote("status", id).out().contains("succeeded"));
        Path dir = tmp.resolve("dl");
        CliHarness.Outcome dl = remote("download", id, dir.toString());
        assertEquals(0, dl.exitCode(), dl.err());
        assertTrue(Files.isRegularFile(dir.resolve("results/results.json")));
        assertTrue(dl.out().contains("SHA-256 verified"));
        assertEquals(0, remote("watch", id).exitCode(), "watching a finished job ends at once");
    }

    @Test
    void badInputAndUnknownJobsExitTwoWithTheServersSentence() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"preset\":\"miller-urey\",\"particles\":-1}");
        CliHarness.assertBadInput(remote("submit", bad.toString()), "particles");
        CliHarness.assertBadInput(remote("status", "j_nosuchjob"), "not found");
        CliHarness.assertBadInput(remote("list", "--limit", "0"), "--limit");
        CliHarness.assertBadInput(CliHarness.run("remote", "list", "--server", server.url(), "--api-key", ""), "LIVE_API_KEY");
        CliHarness.Outcome down = CliHarness.run("remote", "list", "--server", "http://127.0.0.1:1", "--api-key", key);
        assertEquals(1, down.exitCode());
        assertTrue(down.err().contains("http://127.0.0.1:1"), down.err());
        CliHarness.Outcome wrongKey = CliHarness.run("remote", "list", "--server", server.url(), "--api-key", "lk_bad_bad");
        assertEquals(1, wrongKey.exitCode());
        assertTrue(wrongKey.err().contains("invalid API key"), wrongKey.err());
    }
}
