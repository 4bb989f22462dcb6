package io.live2.cli;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackendProvider;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/** live backends: each compute backend, whether it is usable here, why not, and which one `auto` picks. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the compute backends, whether each is usable here and why not.")
final class BackendsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<ComputeBackendProvider> all = Backends.providers();
        String auto = all.stream().filter(p -> p.unavailableReason() == null).map(ComputeBackendProvider::name).findFirst().orElse("none");
        System.out.printf("%-10s %-8s %-8s %s%n", "backend", "usable", "priority", "notes");
        for (ComputeBackendProvider p : all) {
            String why = p.unavailableReason();
            System.out.printf("%-10s %-8s %-8d %s%n", p.name(), why == null ? "yes" : "no", p.priority(),
                    why == null ? (p.name().equals(auto) ? "chosen by --backend auto" : "") : why);
        }
        System.out.println("auto: " + auto);
        return Main.OK;
    }
}
