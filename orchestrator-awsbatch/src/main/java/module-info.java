/**
 * AWS Batch orchestrator ("awsbatch"), S3 artifact store ("s3" scheme) and HMAC-signed worker callbacks. The AWS SDK v2
 * jars are automatic modules (Automatic-Module-Name in their manifests), so this is a named module that requires them.
 */
module io.live2.jobs.aws {
    requires transitive io.live2.jobs;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires software.amazon.awssdk.services.batch;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.utils;
    exports io.live2.jobs.aws;
    provides io.live2.jobs.ArtifactStoreProvider with io.live2.jobs.aws.S3ArtifactStoreProvider;
    provides io.live2.jobs.OrchestratorProvider with io.live2.jobs.aws.BatchOrchestratorProvider;
    provides io.live2.jobs.JobEventListenerProvider with io.live2.jobs.aws.SignedCallbackProvider;
}
