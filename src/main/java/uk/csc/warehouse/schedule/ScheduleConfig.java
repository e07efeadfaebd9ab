package uk.csc.warehouse.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import uk.csc.warehouse.config.ConfigException;
import uk.csc.warehouse.config.NearestKey;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.Retry;

/**
 * The schedule, retry, notification and service settings, read from {@code DIR/csc-warehouse.properties}
 * (optional: every key has a default below). Durations are {@code 30s}, {@code 5m}, {@code 6h}, {@code 40d} or ISO-8601
 * ({@code PT30S}, {@code P40D}), as everywhere in the file; crons are
 * Quartz crons (seconds first) in {@code schedule.time-zone}; several crons for one job are separated by
 * {@code ;}; {@code off} (or empty) unschedules a job, which can still be run on request.
 * The file is shared with the remote sources settings ({@code sftp.*}, {@code jdbc.*}: see
 * uk.csc.warehouse.config.SourcesConfig); this class reads only its own sections: {@code schedule.*},
 * {@code notify.*}, {@code serve.*}, {@code requests.*}, {@code status.*}.
 * The README's "Running it unattended" section documents every key.
 */
public final class ScheduleConfig {
    public static final String FILE_NAME = "csc-warehouse.properties";

    private static final Properties DEFAULTS = new Properties();

    static {
        // When: after the case system's overnight extract has landed (01:00-01:30 at most councils).
        DEFAULTS.setProperty("schedule.time-zone", "Europe/London");
        DEFAULTS.setProperty("schedule.nightly.cron", "0 0 2 * * ?");
        // 1st of the month, after the nightly: keeps last month's indicator table as it was reported.
        DEFAULTS.setProperty("schedule.indicator-snapshot.cron", "0 0 6 1 * ?");
        // The year closes 31 March; the CIN census and SSDA903 returns are settled by June.
        DEFAULTS.setProperty("schedule.pack.cron", "0 0 7 15 6 ?");
        // SSDA903 for the year just closed, in May: weeks to fix what the validator finds before DfE's deadline.
        DEFAULTS.setProperty("schedule.ssda903.cron", "0 0 7 15 5 ?");
        // DfE's CIN, CLA and workforce releases are out by late November: refresh comparators on 1 December.
        DEFAULTS.setProperty("schedule.comparators.cron", "0 0 7 1 12 ?");
        DEFAULTS.setProperty("schedule.catch-up", "true");
        // A fire missed longer ago than this is not made up at start-up (e.g. last June's pack on a new install).
        DEFAULTS.setProperty("schedule.catch-up.max-age", "P40D");
        DEFAULTS.setProperty("schedule.threads", "3");
        DEFAULTS.setProperty("schedule.misfire-threshold", "PT1M");
        // The nightly's pull from remote sources, as a whole: each SFTP/database source already retries briefly
        // (sftp.<source>.retry.*); this outer retry rides out a longer outage (a server rebooting at 02:00).
        DEFAULTS.setProperty("schedule.retry.attempts", "4");
        DEFAULTS.setProperty("schedule.retry.initial-delay", "PT30S");
        DEFAULTS.setProperty("schedule.retry.multiplier", "2");
        DEFAULTS.setProperty("schedule.retry.max-delay", "PT10M");
        DEFAULTS.setProperty("notify.smtp.host", "");
        DEFAULTS.setProperty("notify.smtp.port", "25");
        DEFAULTS.setProperty("notify.smtp.starttls", "false");
        DEFAULTS.setProperty("notify.smtp.username", "");
        DEFAULTS.setProperty("notify.smtp.password-env", "CSC_SMTP_PASSWORD");
        DEFAULTS.setProperty("notify.from", "csc-warehouse@localhost");
        DEFAULTS.setProperty("notify.to", "");
        DEFAULTS.setProperty("notify.on", "failed,interrupted,partial");
        DEFAULTS.setProperty("serve.heartbeat-interval", "PT10S");
        DEFAULTS.setProperty("serve.shutdown-timeout", "PT5M");
        DEFAULTS.setProperty("requests.poll-delay", "PT2S");
        DEFAULTS.setProperty("requests.read-lock-min-age", "PT1S");
        DEFAULTS.setProperty("requests.lock-wait", "PT6H");
        DEFAULTS.setProperty("status.stale-after", "PT26H");
        // Sources whose newest loaded extract must also be younger than status.stale-after: a nightly that
        // "succeeds" on an empty inbox has not refreshed anything. Complaints and HR often arrive monthly.
        DEFAULTS.setProperty("status.fresh-sources", "case");
    }

    private final Properties props;
    private final Path source;

    private ScheduleConfig(Properties props, Path source) {
        this.props = props;
        this.source = source;
    }

    /** DIR/csc-warehouse.properties over the defaults; the defaults alone when the file is absent. */
    public static ScheduleConfig load(DataDir dataDir) throws IOException {
        return load(dataDir.root().resolve(FILE_NAME));
    }

    /**
     * The one reading of the settings file: every key of every section is checked here, once, at start-up. A key no
     * component knows is refused, naming the nearest known key; a value that cannot be used is refused, naming the
     * key. The sources' own section ({@code sftp.*}, {@code jdbc.*}) is checked by SourcesConfig's rules.
     */
    public static ScheduleConfig load(Path file) throws IOException {
        Properties p = new Properties();
        p.putAll(DEFAULTS);
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(r);
            }
            Properties sources = new Properties();
            for (String key : fromFile.stringPropertyNames()) {
                String k = key.trim();
                String v = fromFile.getProperty(key).trim();
                if (k.startsWith("sftp.") || k.startsWith("jdbc.")) {
                    sources.setProperty(k, v);
                } else if (!known(k)) {
                    throw new ConfigException(NearestKey.unknown(file.toString(), k, suggestions()));
                }
                p.setProperty(k, v);
            }
            SourcesConfig.checkKeys(sources, file.toString());
            return new ScheduleConfig(p, file).validated();
        }
        return new ScheduleConfig(p, null).validated();
    }

    private static final Pattern PER_JOB = Pattern.compile("schedule\\.[a-z0-9-]+\\.(cron|catch-up|option\\.[A-Za-z0-9_.-]+)");

    private static boolean known(String key) {
        return DEFAULTS.containsKey(key) || PER_JOB.matcher(key).matches(); // the job's name is checked by the service
    }

    /** Every key a person could mean: the defaults, and each product job's per-job keys. */
    private static List<String> suggestions() {
        List<String> keys = new ArrayList<>(DEFAULTS.stringPropertyNames());
        for (String job : List.of("nightly", "indicator-snapshot", "annex-a", "pack", "comparators")) {
            keys.add("schedule." + job + ".cron");
            keys.add("schedule." + job + ".catch-up");
        }
        keys.add("schedule.comparators.option.lait");
        for (String source : SourcesConfig.SOURCES) {
            keys.add("sftp." + source + ".host");
            keys.add("jdbc." + source + ".url");
        }
        return keys;
    }

    /** Every value used as what it must be (duration, number, time zone, cron), so a mistake stops the start. */
    private ScheduleConfig validated() {
        for (String key : props.stringPropertyNames()) {
            String dflt = DEFAULTS.getProperty(key);
            if (dflt != null && dflt.startsWith("P")) {
                duration(key);
            }
        }
        for (String key : List.of("schedule.threads", "schedule.retry.attempts", "notify.smtp.port")) {
            try {
                if (integer(key) < 1) {
                    throw new ConfigException(describeSource() + ": " + key + " must be at least 1, not " + get(key));
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(describeSource() + ": " + key + " must be a whole number, not '" + get(key) + "'");
            }
        }
        try {
            number("schedule.retry.multiplier");
            timeZone();
        } catch (RuntimeException e) {
            throw new ConfigException(describeSource() + ": " + (e instanceof NumberFormatException
                    ? "schedule.retry.multiplier must be a number" : "schedule.time-zone is not a time zone, e.g. Europe/London")
                    + ", not '" + (e instanceof NumberFormatException ? get("schedule.retry.multiplier") : get("schedule.time-zone")) + "'");
        }
        for (String job : scheduledJobs()) {
            List<String> crons = crons(job);
            if (!crons.isEmpty()) {
                try {
                    new CronSchedule(crons, timeZone());
                } catch (RuntimeException e) {
                    throw new ConfigException(describeSource() + ": schedule." + job + ".cron: " + e.getMessage());
                }
            }
        }
        return this;
    }

    /** Defaults with some keys replaced: for tests and for callers that build settings in code. */
    public static ScheduleConfig of(Map<String, String> overrides) {
        Properties p = new Properties();
        p.putAll(DEFAULTS);
        overrides.forEach(p::setProperty);
        return new ScheduleConfig(p, null);
    }

    public static Properties defaults() {
        Properties p = new Properties();
        p.putAll(DEFAULTS);
        return p;
    }

    /** Where the settings came from, for the start-up log line. */
    public String describeSource() {
        return source == null ? "defaults (no " + FILE_NAME + ")" : source.toString();
    }

    public String get(String key) {
        return props.getProperty(key, "");
    }

    public int integer(String key) {
        return Integer.parseInt(get(key));
    }

    public double number(String key) {
        return Double.parseDouble(get(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** {@code 30s}, {@code 5m}, {@code 6h}, {@code 250ms} or ISO-8601 ({@code PT30S}, {@code P40D}): the one syntax. */
    public Duration duration(String key) {
        return SourcesConfig.parseDuration(get(key), describeSource() + ": " + key);
    }

    public ZoneId timeZone() {
        return ZoneId.of(get("schedule.time-zone"));
    }

    /** Jobs named in a schedule.JOB.cron key, in a stable order. */
    public Set<String> scheduledJobs() {
        Set<String> jobs = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("schedule.") && key.endsWith(".cron")) {
                jobs.add(key.substring("schedule.".length(), key.length() - ".cron".length()));
            }
        }
        return jobs;
    }

    /** The job's crons; empty when it is not scheduled (key absent, empty or "off"). */
    public List<String> crons(String job) {
        String v = get("schedule." + job + ".cron");
        if (v.isBlank() || "off".equalsIgnoreCase(v)) {
            return List.of();
        }
        List<String> crons = new ArrayList<>();
        for (String c : v.split(";")) {
            if (!c.isBlank()) {
                crons.add(c.trim().replaceAll("\\s+", " "));
            }
        }
        return crons;
    }

    /** Whether a missed fire is made up once at start-up (schedule.JOB.catch-up, else schedule.catch-up). */
    public boolean catchUp(String job) {
        String v = get("schedule." + job + ".catch-up");
        return v.isBlank() ? bool("schedule.catch-up") : Boolean.parseBoolean(v);
    }

    /** Options passed to a scheduled run of the job: schedule.JOB.option.NAME=VALUE. */
    public Map<String, String> scheduledOptions(String job) {
        String prefix = "schedule." + job + ".option.";
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (key.startsWith(prefix)) {
                options.put(key.substring(prefix.length()), get(key));
            }
        }
        return options;
    }

    public Retry.Policy retry() {
        return new Retry.Policy(integer("schedule.retry.attempts"), duration("schedule.retry.initial-delay"), number("schedule.retry.multiplier"),
                duration("schedule.retry.max-delay"));
    }

    /** Run statuses that send an email (notify.on). */
    public Set<String> notifyOn() {
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(get("notify.on").split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(s::add);
        return s;
    }
}
