package io.live2.cli;

import io.live2.server.client.LiveApiException;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * Turns client failures into the CLI's exits: an API refusal of the request (400, 404, 409, 413, 415, 422) is bad
 * input (exit 2) with the API's sentence; anything else, including an unreachable server, exit 1 with one line.
 */
final class RemoteErrors {
    private RemoteErrors() {
    }

    static <T> T call(Callable<T> c) {
        try {
            return c.call();
        } catch (LiveApiException e) {
            String msg = e.getMessage() + (e.retryAfterSeconds() > 0 ? " (retry after " + e.retryAfterSeconds() + " s)" : "");
            if (java.util.Set.of(400, 404, 409, 413, 415, 422).contains(e.status())) {
                throw new BadInputException(msg);
            }
            throw new RemoteFailure("the server refused: " + msg + " (HTTP " + e.status() + ")");
        } catch (UncheckedIOException e) {
            throw new RemoteFailure(e.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadInputException("config: not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RemoteFailure(e.getMessage());
        }
    }

    /** A failure the user cannot fix by changing the command line: exit 1, one line. */
    static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteFailure(String message) {
            super(message);
        }
    }
}
