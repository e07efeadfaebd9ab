package uk.csc.warehouse.ingest.pull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.support.DataDir;

/**
 * The nightly's pull: the SFTP and database sources configured in DIR/csc-warehouse.properties
 * ({@code sftp.*}, {@code jdbc.*}), fetched by {@link RemoteSources}. A source still unreachable after its own
 * retries is reported as an I/O failure (temporary: the cycle's retry tries the round again); a source that
 * refused us (host key, login, folder, table) is reported as {@link Refused} (permanent: never retried).
 */
public final class RemotePull implements SourcePull {

    /** A source refused the pull; trying again cannot help until someone changes the server or the settings. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    @Override
    public int pullAll(DataDir dataDir) throws Exception {
        SourcesConfig sources = sources(dataDir);
        if (sources.isEmpty()) {
            return 0;
        }
        PullReport report = RemoteSources.defaults().pullAll(dataDir, sources);
        if (!report.ok()) {
            String message = report.failures().size() + " source(s) failed; first: " + report.failures().get(0).failure();
            throw report.refused() ? new Refused(message) : new IOException(message);
        }
        return report.filesDelivered();
    }

    /** The sources section of the shared settings file, leaving out the other components' sections. */
    public static SourcesConfig sources(DataDir dataDir) throws IOException {
        Path file = dataDir.root().resolve(SourcesConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return SourcesConfig.none();
        }
        Properties all = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.load(r);
        }
        Properties sources = new Properties();
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith("sftp.") || key.startsWith("jdbc.")) {
                sources.setProperty(key, all.getProperty(key).trim());
            }
        }
        return SourcesConfig.parse(sources, System.getenv(), file.toString(), file.getParent());
    }
}
