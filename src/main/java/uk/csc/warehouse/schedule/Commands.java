package uk.csc.warehouse.schedule;

import java.io.PrintWriter;
import java.util.List;

/**
 * The product's own commands, run in-process exactly as typed. The command layer above hands this to the
 * scheduler (cli.InProcessCommands), so scheduling never imports the commands: the layers stay one-way.
 */
public interface Commands {
    /** Whether the command (words, subcommands included: "comparators refresh") exists in this build. */
    boolean exists(String command);

    /** Runs the command; its error output goes to {@code err}; an exception it throws is rethrown as is. */
    int execute(List<String> args, PrintWriter err) throws Exception;

    /** No commands (tests of the scheduler alone): every command job is "not in this build". */
    Commands NONE = new Commands() {
        @Override
        public boolean exists(String command) {
            return false;
        }

        @Override
        public int execute(List<String> args, PrintWriter err) {
            throw new IllegalStateException("no commands in this scheduler");
        }
    };
}
