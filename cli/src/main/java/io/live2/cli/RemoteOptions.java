package io.live2.cli;

import io.live2.server.client.LiveClient;
import picocli.CommandLine.Option;

import java.net.URI;

/** The options every {@code live remote} command shares: which server, and the API key. */
final class RemoteOptions {
    @Option(names = "--server", defaultValue = "${env:LIVE_SERVER:-http://127.0.0.1:8080}",
            description = "server URL (default: LIVE_SERVER, else ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--api-key", defaultValue = "${env:LIVE_API_KEY}", hidden = true,
            description = "API key; prefer the LIVE_API_KEY environment variable (a flag is visible to other users in ps)")
    String apiKey;

    LiveClient client() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new BadInputException("LIVE_API_KEY: not set; create a key (POST /api/v1/keys, or the key `live serve` prints on "
                    + "its first start) and export LIVE_API_KEY=<key>");
        }
        URI uri;
        try {
            uri = URI.create(server);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--server: '" + server + "' is not a URL like http://127.0.0.1:8080");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new BadInputException("--server: '" + server + "' is not an http(s) URL like http://127.0.0.1:8080");
        }
        return LiveClient.create(uri, apiKey.trim());
    }
}
