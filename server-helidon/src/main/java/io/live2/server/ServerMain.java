package io.live2.server;

import io.live2.server.settings.ServerSettings;
import io.live2.server.settings.SettingsException;
import io.live2.server.settings.SettingsLoader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server without the rest of the CLI: {@code ServerMain [--port N] [--data DIR] [--config FILE]}. {@code live
 * serve} does the same; tests start this class in a separate JVM to kill it.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> flags = new HashMap<>();
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> flags.put("port", v);
                case "--data" -> flags.put("data_dir", v);
                case "--config" -> config = Path.of(v);
                default -> {
                    System.err.println("live serve: unknown option " + a);
                    System.exit(2);
                }
            }
            i++;
        }
        ServerSettings s;
        try {
            s = SettingsLoader.load(config, System.getenv(), flags);
        } catch (SettingsException e) {
            System.err.println("live serve: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServerLauncher.runUntilStopped(s, System.out);
    }
}
