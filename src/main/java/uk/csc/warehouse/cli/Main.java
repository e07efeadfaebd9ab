package uk.csc.warehouse.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code java -jar csc-warehouse.jar <command>}: the whole product from the command line. */
@Command(name = "csc-warehouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Children's social care data warehouse: extracts from the case-management, complaints and HR",
            "systems -> Parquet lake -> DuckDB marts -> indicators, Annex A and the self-evaluation pack.",
            "",
            "Typical night:  run --data-dir /srv/csc   (load + build + outputs)",
            "Try it out:     demo                       (a synthetic borough in ./data)"},
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

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On a failure, print the full detail (stack trace) as well as the one-line reason.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code; failures print one sentence naming the reason. */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        cli.registerConverter(LocalDate.class, new UkDate());
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        reflow(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandName() + ": " + sentence(e, verbose));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failure detail", e);
            return 1;
        });
        // A mistyped option or value: one line saying what was wrong and where the help is, not the whole usage.
        cli.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            String name = c.getCommandSpec().qualifiedName();
            err.println(c.getCommandName() + ": " + firstLine(ex.getMessage()) + " (see: "
                    + name.replace("csc-warehouse", "java -jar csc-warehouse.jar") + " --help)");
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 2;
        });
        return cli.execute(args);
    }

    /**
     * The descriptions are written as lines of about 100 characters; help is 80 wide, so picocli broke each
     * line again mid-phrase. Lines of a paragraph are joined so picocli wraps the paragraph once; a blank line
     * or a line laid out in columns (two spaces inside) stays as it is.
     */
    static void reflow(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : usage.description()) {
            boolean columns = line.strip().contains("  ");
            int last = out.size() - 1;
            if (last >= 0 && !line.isBlank() && !columns && !out.get(last).isBlank() && !out.get(last).strip().contains("  ")) {
                out.set(last, out.get(last) + " " + line.strip());
            } else {
                out.add(line);
            }
        }
        // the getter gave the text with ${...} already resolved: escape it again, or it is resolved twice (null)
        usage.description(out.stream().map(l -> l.replace("${", "$${")).toArray(String[]::new));
        cli.getSubcommands().values().forEach(Main::reflow);
    }

    /**
     * A user mistake or a failure written for users keeps its own words; anything else (a raw database or
     * file error) is one line plus where the detail is.
     */
    static String sentence(Throwable e, boolean verbose) {
        String line = firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        boolean forUsers = e instanceof UserError || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof uk.csc.warehouse.config.ConfigException;
        return forUsers || verbose ? line : line + " (run again with --verbose for the detail)";
    }

    private static String firstLine(String m) {
        return m.lines().findFirst().orElse(m);
    }

    /** ISO dates as documented, and the UK's day/month/year as people type them (31/03/2025). */
    static final class UkDate implements CommandLine.ITypeConverter<LocalDate> {
        private static final java.time.format.DateTimeFormatter UK =
                java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT);

        @Override
        public LocalDate convert(String value) {
            String v = value.strip();
            try {
                return v.contains("/") ? LocalDate.parse(v, UK) : LocalDate.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date: write it as "
                        + "yyyy-mm-dd (2025-03-31) or dd/mm/yyyy (31/03/2025)");
            }
        }
    }

    /**
     * The command list with each command's first sentence, not the first line of its description (which
     * stops mid-sentence), wrapped under the command name.
     */
    static final class CommandList implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(Help help) {
            Map<String, Help> subs = help.subcommands();
            if (subs.isEmpty()) {
                return "";
            }
            Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                    new Help.Column(24, 2, Help.Column.Overflow.SPAN),
                    new Help.Column(help.commandSpec().usageMessage().width() - 24, 1, Help.Column.Overflow.WRAP));
            for (Map.Entry<String, Help> e : subs.entrySet()) {
                CommandLine.Model.UsageMessageSpec usage = e.getValue().commandSpec().usageMessage();
                List<String> lines = Arrays.asList(usage.header().length > 0 ? usage.header() : usage.description());
                table.addRowValues(e.getKey(), SUMMARIES.getOrDefault(e.getKey(), firstSentence(String.join(" ", lines))));
            }
            return table.toString();
        }

        /** One line for each command in the list: what it does, whole (a command's description runs on). */
        static final Map<String, String> SUMMARIES = Map.ofEntries(
                Map.entry("generate", "Write a synthetic authority's extracts into DIR/inbox/ (made-up children only)."),
                Map.entry("load", "Load the extracts in DIR/inbox/ into the Parquet lake; refused files go to quarantine."),
                Map.entry("pull", "Fetch extracts from the configured SFTP servers and databases into DIR/inbox/."),
                Map.entry("build", "Build DIR/warehouse.duckdb from the lake and run the data tests."),
                Map.entry("run", "The nightly cycle: pull, load, build and write DIR/out/."),
                Map.entry("demo", "Generate a synthetic London borough in ./data and run the nightly cycle on it."),
                Map.entry("pack", "Write the self-evaluation data pack for a financial year (Excel, HTML, charts)."),
                Map.entry("comparators", "Write comparator CSVs for a financial year beside DfE's published figures."),
                Map.entry("annex-a", "Write Ofsted's ILACS Annex A workbook (Lists 1-11), owner-only and audited."),
                Map.entry("return", "Write a statutory return to DfE: the CIN census or the SSDA903."),
                Map.entry("comparators-refresh", "Take DfE's new LAIT release as the published comparators."),
                Map.entry("serve", "Run unattended: scheduled jobs, on-demand requests, failure emails."),
                Map.entry("status", "Is the data fresh and did the last runs work? Non-zero when not."),
                Map.entry("request", "Ask the service for a job now, or run it here if no service is up."),
                Map.entry("help", "Show the help of a command."));

        /** For a command added without a summary: its first sentence. */
        static String firstSentence(String text) {
            String t = text.replaceAll("\\s+", " ").strip();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!e\\.g|i\\.e|\\.\\.)\\. ").matcher(t);
            return m.find() ? t.substring(0, m.start() + 1) : t;
        }
    }
}
