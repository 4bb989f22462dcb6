package io.live2.cli;

import io.live2.model.config.PresetInfo;
import io.live2.model.config.Presets;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** live presets: one line per preset. */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the presets, one line each.")
final class PresetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (PresetInfo p : Presets.list()) {
            System.out.printf("%-15s %s%n", p.name(), p.description());
        }
        return Main.OK;
    }
}
