package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import uk.csc.warehouse.support.DataDir;

/**
 * The on-demand interface: a small properties file dropped into {@code DIR/requests/} asks for a job,
 * <pre>
 *   job=annex-a
 *   as_at=2025-03-31
 * </pre>
 * (optional {@code id=...}, else the file name without {@code .request}). The service answers in
 * {@code DIR/requests/outcomes/<id>.outcome}: {@code status} is queued, running, then one of succeeded,
 * partial, failed, skipped, interrupted or rejected, with {@code run_id}, {@code outputs} and {@code reason}.
 */
public final class RequestFiles {
    public static final String SUFFIX = ".request";
    public static final Set<String> FINAL = Set.of(RunRecord.SUCCEEDED, RunRecord.PARTIAL, RunRecord.FAILED,
            RunRecord.SKIPPED, RunRecord.INTERRUPTED, "rejected");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final Pattern SAFE_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,40}");

    /** A parsed request: which job, with which options. */
    public record Parsed(String id, String job, Map<String, String> options) {
    }

    private RequestFiles() {}

    public static Path folder(DataDir dataDir) {
        return dataDir.root().resolve("requests");
    }

    public static Path outcomes(DataDir dataDir) {
        return folder(dataDir).resolve("outcomes");
    }

    public static Parsed parse(String fileName, String body) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(body));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a key=value file");
        }
        String base = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        String id = p.getProperty("id", base).trim();
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("request id must be letters, digits, '.', '_' or '-'");
        }
        String job = p.getProperty("job", "").trim();
        if (job.isEmpty()) {
            throw new IllegalArgumentException("no job= line");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            if (key.equals("job") || key.equals("id")) {
                continue;
            }
            if (!SAFE_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("option names are lower-case words, e.g. as_at");
            }
            options.put(key, p.getProperty(key).trim());
        }
        return new Parsed(id, job, options);
    }

    public static String format(String id, String job, Map<String, String> options) {
        StringBuilder b = new StringBuilder("id=" + id + "\njob=" + job + "\n");
        options.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    /** Drops a request the way a person should: written beside, then renamed into place. */
    public static Path drop(DataDir dataDir, String id, String job, Map<String, String> options) throws IOException {
        Path dir = folder(dataDir);
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + id + SUFFIX + ".tmp");
        Files.writeString(tmp, format(id, job, options), StandardCharsets.UTF_8);
        Path target = dir.resolve(id + SUFFIX);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    public static void writeOutcome(DataDir dataDir, String id, Map<String, String> fields) throws IOException {
        Path dir = outcomes(dataDir);
        Files.createDirectories(dir);
        Properties p = new Properties();
        fields.forEach((k, v) -> p.setProperty(k, v == null ? "" : v));
        StringWriter w = new StringWriter();
        p.store(w, null);
        Path tmp = dir.resolve("." + id + ".outcome.tmp");
        Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(id + ".outcome"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Optional<Properties> readOutcome(DataDir dataDir, String id) {
        Path f = outcomes(dataDir).resolve(id + ".outcome");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Map<String, String> outcome(String id, String job, String status, RunRecord run, String reason) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("job", job);
        m.put("status", status);
        m.put("run_id", run == null ? "" : run.runId());
        m.put("outputs", run == null || run.outputs() == null ? "" : run.outputs());
        m.put("reason", reason == null ? "" : reason);
        return m;
    }
}
