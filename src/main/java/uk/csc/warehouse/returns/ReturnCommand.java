package uk.csc.warehouse.returns;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code return <name> --data-dir DIR --year YYYY-YY}: DfE's statutory returns written from the warehouse. Each
 * return is a subcommand; they share the collection-year rules folder ({@link ReturnYears}), the output folder
 * and its owner-only writing and audit ({@link ReturnFolder}).
 */
@Command(name = "return", mixinStandardHelpOptions = true,
        description = {"Write a DfE statutory return from the published warehouse, for one collection year",
            "(1 April to 31 March), into DIR/out/returns/<return>/<year>/ (owner-only; each extract recorded in",
            "DIR/ops/audit.csv). The year's columns and code lists live in data: returns/<return>/<year>/."},
        subcommands = {Ssda903Command.class, uk.csc.warehouse.returns.cin.CinCommand.class,
            CommandLine.HelpCommand.class})
public final class ReturnCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a return, e.g. 'return ssda903' (see --help)");
    }
}
