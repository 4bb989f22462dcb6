package io.live2.jobs.aws;

import io.live2.jobs.JobEventListener;
import io.live2.jobs.JobEventListenerProvider;

import java.net.URI;

/** `live worker --callback URL`: signed, retried callbacks (the scheme {@link CallbackVerifier} checks on the API side). */
public final class SignedCallbackProvider implements JobEventListenerProvider {
    @Override
    public boolean supports(URI callback) {
        return "https".equals(callback.getScheme()) || "http".equals(callback.getScheme());
    }

    @Override
    public JobEventListener open(URI callback, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("LIVE_CALLBACK_SECRET is not set: the worker signs every callback with it "
                    + "(the orchestrator passes a per-job key in the container environment)");
        }
        return new SignedCallbackListener(CallbackClient.open(callback, secret));
    }
}
