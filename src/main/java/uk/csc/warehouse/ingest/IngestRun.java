package uk.csc.warehouse.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.support.CrashPoint;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.OwnerOnly;

/**
 * One load, start to commit: put right whatever an interrupted load left, run the ingest routes once over
 * the inbox (a real Camel context with the YAML routes from routes/), check references across the files,
 * then commit the load to the lake in one atomic step. Until that step nothing this load wrote is visible.
 */
public final class IngestRun {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);
    public static final List<String> SOURCES = uk.csc.warehouse.contract.Sources.ALL;
    private static final DateTimeFormatter LOAD_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** How long a file must sit unchanged before it is taken (guards files still being copied in). */
    private final Duration readLockMinAge;
    private final Duration timeout;

    public IngestRun(Duration readLockMinAge, Duration timeout) {
        this.readLockMinAge = readLockMinAge;
        this.timeout = timeout;
    }

    public static IngestRun defaults() {
        return new IngestRun(Duration.ofSeconds(1), Duration.ofHours(2));
    }

    /**
     * One load at a time per data folder, whoever starts it (the service, {@code run}, {@code load}): a second
     * load's recovery would otherwise take the first one's uncommitted files for debris.
     */
    public LoadReport run(DataDir dataDir) throws Exception {
        Files.createDirectories(dataDir.root());
        Path lockFile = dataDir.root().resolve(".load.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try (FileLock lock = tryLock(channel)) {
                if (lock == null) {
                    throw new IllegalStateException("another load is running on " + dataDir.root()
                            + " (it holds " + lockFile.getFileName() + "); nothing was done");
                }
                return runLocked(dataDir);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    private LoadReport runLocked(DataDir dataDir) throws Exception {
        for (String source : SOURCES) {
            Files.createDirectories(dataDir.inbox(source));
        }
        LakeManifest manifest = new LakeManifest(dataDir);
        manifest.recover();
        int pending = countPending(dataDir);
        LoadReport report = new LoadReport();
        if (pending == 0) {
            LOG.info("inbox is empty; nothing to load");
            return report;
        }
        String loadId = LocalDateTime.now().format(LOAD_ID) + "-" + HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
        ownerOnlyFolders(dataDir, manifest.pendingArchive(loadId));
        LOG.info("load {}: {} file(s) from {}", loadId, pending, dataDir.root().resolve("inbox"));
        ContractCatalog contracts = ContractCatalog.fromClasspath();
        // the three routes' threads (case, complaints, hr) add and remove keys at once
        Set<String> alreadyLoaded = ConcurrentHashMap.newKeySet();
        alreadyLoaded.addAll(manifest.committedFiles());
        Path scratch = dataDir.root().resolve(".work").resolve(loadId);
        try {
            return load(dataDir, manifest, loadId, pending, contracts, alreadyLoaded, scratch, report);
        } finally {
            // Scratch copies hold personal data; whether the load committed or failed, they go.
            LakeManifest.deleteTree(scratch);
        }
    }

    private LoadReport load(DataDir dataDir, LakeManifest manifest, String loadId, int pending, ContractCatalog contracts,
                            Set<String> alreadyLoaded, Path scratch, LoadReport report) throws Exception {
        try (LakeWriter lake = new LakeWriter(scratch);
             CamelContext camel = new DefaultCamelContext()) {
            Properties props = new Properties();
            props.setProperty("data.dir", slashes(dataDir.root()));
            props.setProperty("ingest.pending-archive", slashes(manifest.pendingArchive(loadId)));
            props.setProperty("ingest.read-lock-min-age", readLockMinAge.toMillis() + "ms");
            props.setProperty("ingest.poll-delay", "200");
            camel.getPropertiesComponent().setInitialProperties(props);
            camel.getRegistry().bind("extractIngest",
                    new ExtractIngest(contracts, lake, report, dataDir, manifest, loadId, alreadyLoaded));
            loadRoutes(camel, "routes/_error-handling.camel.yaml", "routes/ingest-drop-folder.camel.yaml");
            NotifyBuilder allDone = new NotifyBuilder(camel).fromRoute("ingest-*").whenDone(pending).create();
            camel.start();
            if (!allDone.matches(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("load did not finish within " + timeout + "; "
                        + report.results().size() + " of " + pending + " files done; nothing was committed");
            }
            camel.stop();
        }
        ReferenceCheck.run(report, contracts, CommittedSnapshots.read(dataDir.lake()));
        CrashPoint.reached("ingest.before-commit");
        manifest.commit(loadId, report.results());
        LOG.info("load {} committed: {} rows read, {} loaded, {} quarantined", loadId, report.rowsRead(),
                report.rowsLoaded(), report.rowsQuarantined());
        return report;
    }

    /**
     * The folders a load writes children's data into, made owner-only before Camel moves files into them (Camel
     * would create them under the process umask); files are restricted as they are written or taken.
     */
    private static void ownerOnlyFolders(DataDir dataDir, Path pendingArchive) throws IOException {
        OwnerOnly.createDirectories(dataDir.lake());
        OwnerOnly.createDirectories(dataDir.archive());
        OwnerOnly.createDirectories(dataDir.quarantine());
        for (String source : SOURCES) {
            OwnerOnly.createDirectories(dataDir.quarantine().resolve(source));
            OwnerOnly.createDirectories(pendingArchive.resolve(source));
        }
    }

    static void loadRoutes(CamelContext camel, String... resources) throws Exception {
        for (String resource : resources) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "classpath:" + resource));
        }
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    private static int countPending(DataDir dataDir) throws IOException {
        int n = 0;
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.list(dataDir.inbox(source))) {
                n += (int) files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .filter(name -> !name.startsWith(".") && name.toLowerCase().endsWith(".csv"))
                        .count();
            }
        }
        return n;
    }
}
