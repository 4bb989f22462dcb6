package io.live2.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the `live drill` commands share: option ranges, their directory, the median, and the closing verdict. */
final class Drills {
    private Drills() {
    }

    /** @throws BadInputException naming the option and its allowed range */
    static void check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new BadInputException(option + ": " + value + " is out of range; allowed " + min + " to " + max);
        }
    }

    /** --dir, created, or a new temporary directory that is kept (its logs are the drill's evidence). */
    static Path workDir(Path dir, String prefix) throws IOException {
        return dir != null ? Files.createDirectories(dir) : Files.createTempDirectory(prefix);
    }

    /**
     * The embedded server's config for the drills that race or probe the API: accounts on the Research tier (two
     * parallel jobs, 20 a day) and the request-rate limits raised, keeping the tier ladder, so that a drill measures
     * what it is about and not the rate limiter.
     */
    static String researchServerConfig(int localWorkers) {
        return """
                {"jobs": {"local_workers": %d}, "limits": {"key_per_minute": 100000},
                 "billing": {"default_tier": "research", "tiers": {"research": {"api_requests_per_minute": 100000},
                   "pro": {"api_requests_per_minute": 100000}, "enterprise": {"api_requests_per_minute": 100000}}}}"""
                .formatted(localWorkers);
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    /** Prints each problem and the verdict ("verified: ..." or "NOT VERIFIED"); returns the exit code. */
    static int verdict(List<String> problems, String verified) {
        problems.forEach(p -> System.out.println("  problem: " + p));
        System.out.println(problems.isEmpty() ? "verified: " + verified : "NOT VERIFIED: see the problems above");
        return problems.isEmpty() ? Main.OK : 1;
    }
}
