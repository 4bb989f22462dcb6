package io.live2.cli;

import io.live2.engine.Version;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"live " + Version.LIVE + " (Java " + System.getProperty("java.version") + ")"};
    }
}
