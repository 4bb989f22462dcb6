package io.live2.compute.aparapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no OpenCL platform visible (the ICD loader pointed at an empty vendor directory) Aparapi falls back to its
 * Java thread pool; the provider must then report the fallback, not claim to be usable. Runs in a child JVM.
 */
class FallbackDetectionTest {
    /** Child JVM entry point: prints the provider's reason (or "null"). */
    public static void main(String[] args) {
        System.out.println("REASON=" + new AparapiBackendProvider().unavailableReason());
    }

    @Test
    void fallbackToJavaThreadsIsReportedAsUnavailable(@TempDir Path emptyVendors) throws IOException, InterruptedException {
        // only meaningful where Aparapi itself works (native library loads): then the ICD is the only difference
        Aparapi.require();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), FallbackDetectionTest.class.getName()));
        pb.environment().put("OCL_ICD_VENDORS", emptyVendors.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("REASON=")).findFirst().orElse("none: " + out);
        assertEquals("REASON=" + AparapiBackendProvider.FALLBACK, line, out);
    }
}
