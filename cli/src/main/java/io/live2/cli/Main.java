package io.live2.cli;

import io.live2.compute.UnavailableBackendException;
import io.live2.engine.RunDirectoryException;
import io.live2.engine.SimulationFailedException;
import io.live2.model.config.ConfigException;
import io.live2.model.io.DamagedFileException;
import picocli.CommandLine;

/** Entry point of the live command: exit 0 on success, 2 on bad input, 1 on anything else. */
public final class Main {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new LiveCommand());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("live: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        cli.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? BAD_INPUT : FAILURE);
        return cli.execute(args);
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        // bad input: the message names the field or file and what is wrong, so it is all the user needs
        if (ex instanceof ConfigException || ex instanceof UnavailableBackendException || ex instanceof BadInputException
                || ex instanceof RunDirectoryException || ex instanceof DamagedFileException) {
            cmd.getErr().println("live: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof RemoteErrors.RemoteFailure) {
            cmd.getErr().println("live: " + ex.getMessage());
            return FAILURE;
        }
        if (ex instanceof SimulationFailedException && System.getenv("LIVE_DEBUG") == null) {
            // the engine has recorded the failure (logs/failure.json, results.json): one line says where
            cmd.getErr().println("live: " + ex.getMessage());
            return FAILURE;
        }
        cmd.getErr().println("live: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if (System.getenv("LIVE_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("live: set LIVE_DEBUG=1 for the stack trace.");
        }
        return FAILURE;
    }
}
