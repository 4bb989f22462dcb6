package io.live2.jobs;

import java.net.URI;

/**
 * ServiceLoader entry for a callback client ({@code live worker --callback URL}); the first provider that
 * {@link #supports} the URL is used, else the built-in {@link HttpCallbackListener}.
 */
public interface JobEventListenerProvider {
    boolean supports(URI callback);

    /** @param secret the HMAC key (env LIVE_CALLBACK_SECRET), possibly null */
    JobEventListener open(URI callback, String secret);
}
