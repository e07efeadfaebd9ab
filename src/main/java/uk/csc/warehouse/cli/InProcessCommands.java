package uk.csc.warehouse.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import uk.csc.warehouse.schedule.Commands;

/**
 * The commands as the scheduler runs them (the annex-a, pack and comparators jobs): in-process, exactly as typed.
 * Handed down to the scheduler, so scheduling never imports the commands.
 */
public final class InProcessCommands implements Commands {
    @Override
    public boolean exists(String command) {
        CommandLine cli = new CommandLine(new Main());
        for (String word : command.split(" ")) {
            cli = cli.getSubcommands().get(word);
            if (cli == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int execute(List<String> args, PrintWriter err) throws Exception {
        Exception[] failure = new Exception[1];
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            failure[0] = e;
            return 1;
        });
        int exit = cli.execute(args.toArray(String[]::new));
        if (failure[0] != null) {
            throw failure[0];
        }
        return exit;
    }
}
