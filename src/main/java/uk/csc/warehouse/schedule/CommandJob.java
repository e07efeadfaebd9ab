package uk.csc.warehouse.schedule;

import uk.csc.warehouse.support.Redact;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.csc.warehouse.runs.NothingToDo;

/**
 * A job that is one of the product's own commands ({@code annex-a}, {@code pack}, {@code comparators}), run
 * in-process exactly as typed: {@code <command> --data-dir DIR --<option> <value>...}. Request options map to
 * flags by name ({@code as_at=2025-03-31} → {@code --as-at 2025-03-31}; {@code flag=true} → {@code --flag}).
 * Unavailable (not scheduled, requests rejected) until the command exists in Main, so a command another team
 * is still writing is wired the moment it lands. Outputs are the files under out/ it wrote.
 */
public final class CommandJob implements WarehouseJob {
    private final String name;
    private final String command;
    private final String description;
    private final java.util.function.Function<JobContext, Map<String, String>> defaults;
    private final Commands commands;
    private final List<String> required = new ArrayList<>();

    public CommandJob(Commands commands, String name, String command, String description) {
        this(commands, name, command, description, ctx -> Map.of());
    }

    /**
     * @param command the command as typed, subcommands included ("comparators refresh")
     * @param defaults options used when the request or schedule does not give them (e.g. pack's year)
     */
    public CommandJob(Commands commands, String name, String command, String description,
                      java.util.function.Function<JobContext, Map<String, String>> defaults) {
        this.commands = commands;
        this.name = name;
        this.command = command;
        this.description = description;
        this.defaults = defaults;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description + (available() ? "" : " [not in this build yet: no '" + command + "' command]");
    }

    /** Options the scheduled runs need (schedule.NAME.option.X): without them the job is not scheduled. */
    public CommandJob requires(String... options) {
        required.addAll(List.of(options));
        return this;
    }

    @Override
    public java.util.Optional<String> notConfigured(ScheduleConfig config) {
        Map<String, String> given = config.scheduledOptions(name);
        List<String> missing = required.stream().filter(o -> given.getOrDefault(o, "").isBlank()).toList();
        return missing.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("not configured: set "
                + String.join(", ", missing.stream().map(o -> "schedule." + name + ".option." + o).toList()));
    }

    @Override
    public boolean available() {
        return commands.exists(command);
    }

    List<String> arguments(JobContext ctx) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--data-dir", ctx.dataDir().root().toString()));
        Map<String, String> options = new java.util.TreeMap<>(defaults.apply(ctx));
        options.putAll(ctx.options());
        for (Map.Entry<String, String> o : options.entrySet()) {
            String flag = "--" + o.getKey().replace('_', '-');
            if ("true".equalsIgnoreCase(o.getValue())) {
                args.add(flag);
            } else if (!"false".equalsIgnoreCase(o.getValue())) {
                args.add(flag);
                args.add(o.getValue());
            }
        }
        return args;
    }

    @Override
    public JobResult run(JobContext ctx) throws Exception {
        if (!available()) {
            throw new IllegalStateException("job " + name + " is not in this build (no '" + command + "' command)");
        }
        if (!Files.isRegularFile(ctx.dataDir().warehouse())) {
            throw new NothingToDo("no published warehouse yet: " + command + " needs the nightly to have built one");
        }
        long startedMillis = System.currentTimeMillis() - 1000; // file times can be a second coarse
        StringWriter err = new StringWriter();
        int exit = commands.execute(arguments(ctx), new PrintWriter(err, true));
        if (exit != 0) {
            String said = err.toString().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            throw new IllegalStateException(command + " exited " + exit + (said.isEmpty() ? "" : ": " + Redact.text(said)));
        }
        return JobResult.ok(writtenSince(ctx.dataDir().out(), ctx.dataDir().root(), startedMillis));
    }

    private static List<String> writtenSince(Path out, Path root, long millis) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(FileTime.fromMillis(millis)) >= 0;
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
