package uk.csc.warehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar csc-warehouse.jar <command>}: the whole product from the command line. */
@Command(name = "csc-warehouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Children's social care data warehouse: extracts from the case-management, complaints and HR",
            "systems -> Parquet lake -> DuckDB marts -> indicators, Annex A and the self-evaluation pack.",
            "",
            "Typical night:  run --data-dir /srv/csc    (load + build + outputs)",
            "Try it out:     demo                        (a synthetic London borough in ./data)"},
        subcommands = {
            GenerateCommand.class,
            LoadCommand.class,
            PullCommand.class,
            BuildCommand.class,
            RunCommand.class,
            DemoCommand.class,
            PackCommand.class,
            ComparatorsCommand.class,
            AnnexACommand.class,
            uk.csc.warehouse.returns.ReturnCommand.class,
            ComparatorsRefreshCommand.class,
            ServeCommand.class,
            StatusCommand.class,
            RequestCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code; failures print one line naming the reason. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + oneLine(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failure detail", e);
            return 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
