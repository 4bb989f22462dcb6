package io.live2.jobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WorkerSupportTest {
    @Test
    void arrayChildFindsItsSpec() {
        String spec = "s3://b/v1/prod/u/sw/spec-{index}.json";
        assertEquals("s3://b/v1/prod/u/sw/spec-7.json", WorkerSupport.resolveSpec(spec,
                Map.of("LIVE_ARRAY_INDEX_OFFSET", "4", "AWS_BATCH_JOB_ARRAY_INDEX", "3")));
        assertEquals("s3://b/v1/prod/u/sw/spec-4.json", WorkerSupport.resolveSpec(spec, Map.of("LIVE_ARRAY_INDEX_OFFSET", "4")));
        assertEquals("s3://b/x/spec.json", WorkerSupport.resolveSpec("s3://b/x/spec.json", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2")));
        assertThrows(IllegalArgumentException.class, () -> WorkerSupport.resolveSpec(spec, Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "x")));
    }

    @Test
    void specKeyUnderTheStore() {
        assertEquals(Optional.of("prod/u/j/spec.json"), WorkerSupport.keyUnder("s3://b/v1", "s3://b/v1/prod/u/j/spec.json"));
        assertEquals(Optional.of("prod/u/j/spec.json"), WorkerSupport.keyUnder("s3://b/v1/", "s3://b/v1/prod/u/j/spec.json"));
        assertEquals(Optional.empty(), WorkerSupport.keyUnder("s3://b/v1", "s3://other/prod/u/j/spec.json"));
        assertEquals(Map.of("endpoint", "http://127.0.0.1:9000", "region", "eu-west-1"),
                WorkerSupport.storeSettings(Map.of("LIVE_ARTIFACTS_ENDPOINT", "http://127.0.0.1:9000", "AWS_REGION", "eu-west-1")));
    }
}
