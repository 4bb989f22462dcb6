package io.live2.server;

import io.live2.server.settings.ServerSettings;
import io.live2.server.settings.SettingsException;
import io.live2.server.settings.SettingsLoader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server without the rest of the CLI: {@code ServerMain [--port N] [--data DIR] [--config FILE] [--check]}. {@code live
 * serve} does the same; tests start this class in a separate JVM to kill it.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> flags = new HashMap<>();
        Path config = null;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check")) {
                check = true;
                continue;
            }
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
        if (check) {
            // start once and stop: proves the settings and warms the class-data archive (./live does it after a build)
            LiveServer.start(s).stop();
            System.out.println("live serve: check passed");
            return;
        }
        ServerLauncher.runUntilStopped(s, System.out);
    }
}
