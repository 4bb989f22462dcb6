package io.live2.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM for the drills: this JVM's java, class path and flags (the incubator vector module,
 * native access: the child computes with the same backend), without agents, recordings or this JVM's class-data
 * archive, then the given flags, main class and arguments.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> command(List<String> flags, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib") && !flag.startsWith("-javaagent") && !flag.startsWith("-XX:StartFlightRecording")
                    && !flag.startsWith("-XX:SharedArchiveFile") && !flag.startsWith("-XX:+AutoCreateSharedArchive")) {
                cmd.add(flag);
            }
        }
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return cmd;
    }
}
