package uk.csc.warehouse.config;

import uk.csc.warehouse.support.Retry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;

/**
 * The one configuration file for where extracts come from besides the drop folder: SFTP servers
 * ({@code sftp.<source>.*}) and reporting databases ({@code jdbc.<source>.*}). By default it is
 * {@code DIR/csc-warehouse.properties}; every key is documented in {@code csc-warehouse.example.properties}
 * and in the README ("Pointing it at your own data").
 *
 * <p>Secrets need not be written in the file: any value may be {@code ${env:NAME}}, and a missing password
 * is taken from {@code CSC_SFTP_<SOURCE>_PASSWORD} / {@code CSC_SFTP_PASSWORD} (and likewise
 * {@code CSC_SFTP_KEY_PASSPHRASE}, {@code CSC_JDBC_PASSWORD}). Unknown {@code sftp.*}/{@code jdbc.*} keys are
 * refused, so a typo is reported rather than silently ignored; other sections of the same file (such as the
 * scheduler's {@code schedule.*}) are left to the components that own them.
 */
public final class SourcesConfig {
    private static final Logger LOG = LoggerFactory.getLogger(SourcesConfig.class);
    public static final String FILE_NAME = "csc-warehouse.properties";
    /** The sources the inbox knows (inbox/&lt;source&gt;/, schemas/&lt;source&gt;/). */
    public static final List<String> SOURCES = uk.csc.warehouse.contract.Sources.ALL;
    public static final String DEFAULT_INCLUDE = "(?i)[^.].*\\.csv";
    public static final String DEFAULT_SCHEMA = "ssd_development";

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Set<String> SFTP_KEYS = Set.of("host", "port", "username", "password", "private-key-file",
            "private-key-passphrase", "known-hosts-file", "remote-dir", "include", "after-download", "done-dir",
            "min-age", "connect-timeout", "retry.attempts", "retry.initial-delay", "retry.max-delay");
    private static final Set<String> JDBC_KEYS = Set.of("url", "username", "password", "schema", "tables",
            "fetch-size", "driver-jar", "retry.attempts", "retry.initial-delay", "retry.max-delay");
    private static final Set<String> SECRET_KEYS = Set.of("password", "private-key-passphrase");

    private final Optional<Path> file;
    private final List<SftpSourceConfig> sftp;
    private final List<JdbcSourceConfig> jdbc;

    private SourcesConfig(Optional<Path> file, List<SftpSourceConfig> sftp, List<JdbcSourceConfig> jdbc) {
        this.file = file;
        this.sftp = List.copyOf(sftp);
        this.jdbc = List.copyOf(jdbc);
    }

    /** No remote sources: everything arrives through the drop folder. */
    public static SourcesConfig none() {
        return new SourcesConfig(Optional.empty(), List.of(), List.of());
    }

    /**
     * The configuration for a data directory: {@code explicitFile} if given (it must exist), else
     * {@code DIR/csc-warehouse.properties} if present, else {@link #none()}.
     */
    public static SourcesConfig forDataDir(DataDir dataDir, Path explicitFile) {
        return forDataDir(dataDir, explicitFile, System.getenv());
    }

    public static SourcesConfig forDataDir(DataDir dataDir, Path explicitFile, Map<String, String> env) {
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new ConfigException("configuration file not found: " + explicitFile);
            }
            return load(explicitFile, env);
        }
        Path standard = dataDir.root().resolve(FILE_NAME);
        return Files.isRegularFile(standard) ? load(standard, env) : none();
    }

    public static SourcesConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static SourcesConfig load(Path file, Map<String, String> env) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        }
        SourcesConfig config = parse(props, env, file.toString(), file.toAbsolutePath().getParent());
        warnIfSecretsReadable(file, props);
        return new SourcesConfig(Optional.of(file), config.sftp, config.jdbc);
    }

    /**
     * Parses properties already in memory. Relative paths (known_hosts, keys, driver jars) resolve against
     * {@code baseDir}, the folder the configuration file is in.
     */
    public static SourcesConfig parse(Properties props, Map<String, String> env, String name, Path baseDir) {
        Settings reader = new Settings(props, env, name, baseDir);
        Map<String, Map<String, Map<String, String>>> keys = keyMap(props, name);
        Map<String, Map<String, String>> sftpKeys = keys.get("sftp");
        Map<String, Map<String, String>> jdbcKeys = keys.get("jdbc");
        List<SftpSourceConfig> sftp = new ArrayList<>();
        for (String source : sftpKeys.keySet()) {
            sftp.add(reader.sftp(source));
        }
        List<JdbcSourceConfig> jdbc = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : jdbcKeys.entrySet()) {
            jdbc.add(reader.jdbc(e.getKey(), e.getValue().keySet()));
        }
        return new SourcesConfig(Optional.empty(), sftp, jdbc);
    }

    /** sftp|jdbc → source → setting → key, refusing any key that is not a known setting of a known source. */
    private static Map<String, Map<String, Map<String, String>>> keyMap(Properties props, String name) {
        Map<String, Map<String, String>> sftpKeys = new LinkedHashMap<>();
        Map<String, Map<String, String>> jdbcKeys = new LinkedHashMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            String[] parts = key.split("\\.", 3);
            if (!(parts[0].equals("sftp") || parts[0].equals("jdbc"))) {
                continue; // another section of the shared file (e.g. schedule.*), read by its own component
            }
            if (parts.length < 3) {
                throw new ConfigException(name + ": unknown key '" + key
                        + "'; keys are sftp.<source>.<setting> or jdbc.<source>.<setting>");
            }
            String source = parts[1];
            if (!SOURCES.contains(source)) {
                String near = NearestKey.to(source, SOURCES);
                throw new ConfigException(name + ": key '" + key + "' names source '" + source
                        + "'" + (near == null ? "" : "; did you mean '" + near + "'?") + " (sources: "
                        + String.join(", ", SOURCES) + ")");
            }
            String setting = parts[2];
            boolean known = parts[0].equals("sftp") ? SFTP_KEYS.contains(setting)
                    : JDBC_KEYS.contains(setting) || setting.startsWith("query.") || setting.startsWith("property.");
            if (!known) {
                List<String> candidates = (parts[0].equals("sftp") ? SFTP_KEYS : JDBC_KEYS).stream()
                        .map(s -> parts[0] + "." + source + "." + s).toList();
                String near = NearestKey.to(key, candidates);
                throw new ConfigException(name + ": unknown key '" + key + "'" + (near == null ? "" : "; did you mean '"
                        + near + "'?") + " (known settings for " + parts[0] + ": " + String.join(", ",
                        new TreeSet<>(parts[0].equals("sftp") ? SFTP_KEYS : withPatterns(JDBC_KEYS))) + ")");
            }
            (parts[0].equals("sftp") ? sftpKeys : jdbcKeys).computeIfAbsent(source, s -> new LinkedHashMap<>())
                    .put(setting, key);
        }
        return Map.of("sftp", sftpKeys, "jdbc", jdbcKeys);
    }

    /**
     * Checks the names of the {@code sftp.*}/{@code jdbc.*} keys only (no credentials, files or network): what the
     * start-up pass of the settings file can always do, even where the sources' secrets are not in the environment.
     */
    public static void checkKeys(Properties sources, String name) {
        Properties keysOnly = new Properties();
        sources.stringPropertyNames().forEach(k -> keysOnly.setProperty(k, ""));
        keyMap(keysOnly, name);
    }

    private static Collection<String> withPatterns(Set<String> keys) {
        List<String> all = new ArrayList<>(keys);
        all.add("query.<table>");
        all.add("property.<name>");
        return all;
    }

    public Optional<Path> file() {
        return file;
    }

    public List<SftpSourceConfig> sftp() {
        return sftp;
    }

    public List<JdbcSourceConfig> jdbc() {
        return jdbc;
    }

    public boolean isEmpty() {
        return sftp.isEmpty() && jdbc.isEmpty();
    }

    /** A password written into a file that others can read is worth one warning (naming the file, not the value). */
    private static void warnIfSecretsReadable(Path file, Properties props) {
        boolean literalSecret = props.stringPropertyNames().stream()
                .anyMatch(k -> SECRET_KEYS.contains(k.substring(k.lastIndexOf('.') + 1))
                        && !ENV.matcher(props.getProperty(k).trim()).matches()
                        && !props.getProperty(k).isBlank());
        if (!literalSecret) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("{} holds a password or passphrase and can be read by other users; restrict it (chmod 600) "
                        + "or use ${{env:NAME}} instead", file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /** Reads typed settings for one source, resolving ${env:NAME} and naming the key in every complaint. */
    private static final class Settings {
        private final Properties props;
        private final Map<String, String> env;
        private final String name;
        private final Path baseDir;

        Settings(Properties props, Map<String, String> env, String name, Path baseDir) {
            this.props = props;
            this.env = env;
            this.name = name;
            this.baseDir = baseDir;
        }

        SftpSourceConfig sftp(String source) {
            String p = "sftp." + source + ".";
            Optional<Secret> password = secret(p + "password", "CSC_SFTP_" + up(source) + "_PASSWORD", "CSC_SFTP_PASSWORD");
            Optional<Path> key = optional(p + "private-key-file").map(this::path);
            if (password.isEmpty() && key.isEmpty()) {
                throw new ConfigException(name + ": SFTP source '" + source + "' has no credentials: set " + p
                        + "password (or the environment variable CSC_SFTP_PASSWORD) or " + p + "private-key-file");
            }
            Path knownHosts = path(required(p + "known-hosts-file",
                    "host-key checking is always on; point it at a known_hosts file holding the server's key "
                            + "(e.g. from: ssh-keyscan -p PORT HOST)"));
            if (!Files.isRegularFile(knownHosts)) {
                throw new ConfigException(name + ": " + p + "known-hosts-file: no such file: " + knownHosts);
            }
            key.ifPresent(k -> {
                if (!Files.isRegularFile(k)) {
                    throw new ConfigException(name + ": " + p + "private-key-file: no such file: " + k);
                }
            });
            String after = optional(p + "after-download").orElse("move").toUpperCase(Locale.ROOT);
            SftpSourceConfig.AfterDownload afterDownload;
            try {
                afterDownload = SftpSourceConfig.AfterDownload.valueOf(after);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + ": " + p + "after-download must be move or delete");
            }
            String include = optional(p + "include").orElse(DEFAULT_INCLUDE);
            try {
                Pattern.compile(include);
            } catch (RuntimeException e) {
                throw new ConfigException(name + ": " + p + "include is not a regular expression: " + e.getMessage());
            }
            return new SftpSourceConfig(source,
                    required(p + "host", null),
                    integer(p + "port", 22),
                    required(p + "username", null),
                    password,
                    key,
                    secret(p + "private-key-passphrase", "CSC_SFTP_" + up(source) + "_KEY_PASSPHRASE",
                            "CSC_SFTP_KEY_PASSPHRASE"),
                    knownHosts,
                    required(p + "remote-dir", null),
                    include,
                    afterDownload,
                    optional(p + "done-dir").orElse(".done"),
                    duration(p + "min-age", Duration.ofSeconds(60)),
                    duration(p + "connect-timeout", Duration.ofSeconds(30)),
                    retry(p));
        }

        JdbcSourceConfig jdbc(String source, Set<String> settings) {
            String p = "jdbc." + source + ".";
            String schema = optional(p + "schema").orElse(DEFAULT_SCHEMA);
            if (!schema.matches("[A-Za-z0-9_.\\[\\]\"]+")) {
                throw new ConfigException(name + ": " + p + "schema is not a schema name: " + schema);
            }
            List<String> tables = optional(p + "tables").map(v -> Arrays.stream(v.split(","))
                    .map(String::trim).filter(t -> !t.isEmpty()).map(t -> table(source, t, p + "tables")).toList())
                    .orElse(List.of());
            Map<String, String> queries = new LinkedHashMap<>();
            Map<String, String> driverProps = new LinkedHashMap<>();
            for (String setting : settings) {
                if (setting.startsWith("query.")) {
                    String table = table(source, setting.substring("query.".length()), p + setting);
                    queries.put(table, required(p + setting, null));
                } else if (setting.startsWith("property.")) {
                    driverProps.put(setting.substring("property.".length()), value(p + setting).orElse(""));
                }
            }
            int fetchSize = integer(p + "fetch-size", 10_000);
            if (fetchSize < 1) {
                throw new ConfigException(name + ": " + p + "fetch-size must be at least 1");
            }
            Optional<Path> driverJar = optional(p + "driver-jar").map(this::path);
            driverJar.ifPresent(j -> {
                if (!Files.isRegularFile(j)) {
                    throw new ConfigException(name + ": " + p + "driver-jar: no such file: " + j);
                }
            });
            return new JdbcSourceConfig(source, required(p + "url", null), optional(p + "username"),
                    secret(p + "password", "CSC_JDBC_" + up(source) + "_PASSWORD", "CSC_JDBC_PASSWORD"),
                    schema, tables, queries, fetchSize, driverProps, driverJar, retry(p));
        }

        /** {@code person} and {@code ssd_person} both mean the SSD table ssd_person for the case source. */
        private String table(String source, String t, String key) {
            String table = t.trim().toLowerCase(Locale.ROOT);
            if (!TABLE.matcher(table).matches()) {
                throw new ConfigException(name + ": " + key + ": '" + t + "' is not a table name (letters, digits, _)");
            }
            return "case".equals(source) && !table.startsWith("ssd_") ? "ssd_" + table : table;
        }

        private Retry.Policy retry(String p) {
            Retry.Policy d = Retry.Policy.DEFAULT;
            try {
                return new Retry.Policy(integer(p + "retry.attempts", d.attempts()),
                        duration(p + "retry.initial-delay", d.initialDelay()),
                        duration(p + "retry.max-delay", d.maxDelay()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + ": " + p + "retry.*: " + e.getMessage());
            }
        }

        private Optional<String> value(String key) {
            String raw = props.getProperty(key);
            if (raw == null) {
                return Optional.empty();
            }
            Matcher m = ENV.matcher(raw.trim());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = env.get(m.group(1));
                if (v == null) {
                    throw new ConfigException(name + ": " + key + " refers to environment variable " + m.group(1)
                            + ", which is not set");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }

        private Optional<String> optional(String key) {
            return value(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        private String required(String key, String hint) {
            return optional(key).orElseThrow(() -> new ConfigException(name + ": " + key + " is required"
                    + (hint == null ? "" : "; " + hint)));
        }

        private Optional<Secret> secret(String key, String... envNames) {
            Optional<String> v = value(key).filter(s -> !s.isEmpty());
            if (v.isPresent()) {
                return Optional.of(new Secret(v.get(), key));
            }
            for (String e : envNames) {
                String s = env.get(e);
                if (s != null && !s.isEmpty()) {
                    return Optional.of(new Secret(s, "environment variable " + e));
                }
            }
            return Optional.empty();
        }

        private int integer(String key, int dflt) {
            Optional<String> v = optional(key);
            try {
                return v.map(Integer::parseInt).orElse(dflt);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + ": " + key + " must be a whole number, not '" + v.get() + "'");
            }
        }

        private Duration duration(String key, Duration dflt) {
            Optional<String> v = optional(key);
            return v.isEmpty() ? dflt : parseDuration(v.get(), name + ": " + key);
        }

        private Path path(String v) {
            Path p = Path.of(v);
            return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
        }

        private static String up(String source) {
            return source.toUpperCase(Locale.ROOT);
        }
    }

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 3d}, or ISO-8601 such as {@code PT30S}: everywhere. */
    public static Duration parseDuration(String text, String what) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // fall through to the message below
        }
        throw new ConfigException(what + " must be a duration such as 250ms, 30s, 5m, 2h, 3d or PT30S, not '" + text + "'");
    }
}
