package io.live2.cli;

import io.live2.server.ServerLauncher;
import io.live2.server.settings.ServerSettings;
import io.live2.server.settings.SettingsException;
import io.live2.server.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code live serve}: the SaaS API. With nothing configured it is the embedded server (H2 under --data, in-process
 * limits, local orchestrator, file artifacts) on 127.0.0.1:8080; a config file and LIVE_* variables choose
 * PostgreSQL, Redis, AWS Batch and S3 (docs/server.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Live API server (docs/server.md).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port (0: any free port); default 8080 or LIVE_PORT")
    Integer port;

    @Option(names = "--data", description = "data directory for the embedded database, jobs and artifacts; default ./live-data or LIVE_DATA")
    Path data;

    @Option(names = "--config", description = "JSON settings file (docs/server.md); secrets come from the environment or files it names")
    Path config;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> flags = new HashMap<>();
        if (port != null) {
            flags.put("port", port);
        }
        if (data != null) {
            flags.put("data_dir", data.toString());
        }
        ServerSettings s;
        try {
            s = SettingsLoader.load(config, System.getenv(), flags);
        } catch (SettingsException e) {
            throw new BadInputException(e.getMessage());
        }
        ServerLauncher.runUntilStopped(s, System.out);
        return Main.OK;
    }
}
