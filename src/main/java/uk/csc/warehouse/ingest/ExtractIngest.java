package uk.csc.warehouse.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.CrashPoint;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.OwnerOnly;

/**
 * The work the ingest routes delegate: check a file, land it in the load's uncommitted partition, or explain
 * why it was quarantined. Logs name files, tables and counts only, never a value from inside a file.
 */
public final class ExtractIngest {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractIngest.class);
    static final String SOURCE = "CscSource";
    static final String ARRIVAL = "CscArrival";

    private final ContractCatalog catalog;
    private final LakeWriter lake;
    private final LoadReport report;
    private final DataDir dataDir;
    private final LakeManifest manifest;
    private final String loadId;
    private final Set<String> alreadyLoaded;
    private final Map<String, String> tablesInThisLoad = new ConcurrentHashMap<>();
    /** The run id and job of whoever started the load, so lines logged on Camel's threads carry them too. */
    private final Map<String, String> logContext;

    public ExtractIngest(ContractCatalog catalog, LakeWriter lake, LoadReport report, DataDir dataDir,
                         LakeManifest manifest, String loadId, Set<String> alreadyLoaded) {
        this.catalog = catalog;
        this.lake = lake;
        this.report = report;
        this.dataDir = dataDir;
        this.manifest = manifest;
        this.loadId = loadId;
        this.alreadyLoaded = alreadyLoaded;
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        this.logContext = mdc == null ? Map.of() : Map.copyOf(mdc);
    }

    public void ingest(Exchange exchange) throws IOException {
        Map<String, String> before = MDC.getCopyOfContextMap();
        logContext.forEach(MDC::put);
        try {
            land(exchange);
        } finally {
            restore(before);
        }
    }

    private static void restore(Map<String, String> before) {
        if (before == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(before);
        }
    }

    private void land(Exchange exchange) throws IOException {
        long started = System.nanoTime();
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        Path path = exchange.getIn().getBody(File.class).toPath();
        // Camel moves this very file to the archive or to quarantine: a move keeps its permissions.
        restrict(path);
        ExtractFile file = ExtractFile.of(path, source);
        FileFacts facts = FileFacts.scan(path);
        if (facts.size() == 0) {
            throw new ContractViolation(file.fileName(), 0, null, "file is empty (0 bytes); expected at least a header row");
        }
        if (facts.firstNulOffset() >= 0) {
            throw new ContractViolation(file.fileName(), facts.firstNulOffset() < 65536 ? 1 : 0, null,
                    "binary content (NUL byte at offset " + facts.firstNulOffset() + "); expected a CSV text file");
        }
        if (facts.endsInsideQuotes()) {
            throw new ContractViolation(file.fileName(), facts.unclosedQuoteLine(), null, "the file ends inside a"
                    + " quoted value that opens on this line (its \" is never closed): the file was cut off, or this"
                    + " line holds a stray quote; correct it and deliver the file again");
        }
        if (facts.mixedEndingLine() > 0) {
            throw new ContractViolation(file.fileName(), facts.mixedEndingLine(), null, "mixed line endings: this"
                    + " line ends differently from line 1 (one Windows CRLF, the other Unix LF), so records cannot be"
                    + " told apart reliably; save the file with one kind of line ending and deliver it again");
        }
        List<String> header = HeaderReader.read(file);
        List<String> warnings = new ArrayList<>(HeaderCheck.check(file, header, catalog));
        warnings.forEach(w -> LOG.warn("{}/{}: {}", source, file.fileName(), w));
        String key = LakeManifest.key(source, file.table(), facts.sha256());
        if (!alreadyLoaded.add(key)) {
            report.add(new LoadReport.FileResult(source, file.table(), file.fileName(), file.extractDate().toString(),
                    LoadReport.Status.DUPLICATE, 0, 0, 0, null, null, warnings, millisSince(started), facts.sha256(),
                    facts.size(), null, null));
            LOG.info("skipped {}/{}: the same file (sha256 {}) was loaded before", source, file.fileName(),
                    facts.sha256().substring(0, 12));
            return;
        }
        String tableKey = source + "/" + file.table() + "/" + file.extractDate();
        String earlier = tablesInThisLoad.putIfAbsent(tableKey, file.fileName());
        if (earlier != null) {
            alreadyLoaded.remove(key);
            throw new ContractViolation(file.fileName(), 0, null, "a second file for " + file.table() + " extracted on "
                    + file.extractDate() + " in the same delivery (" + earlier + " came first); deliver one per table");
        }
        TableContract contract = catalog.table(source, file.table());
        Path rowsFile = dataDir.quarantine().resolve(source).resolve(file.table())
                .resolve(loadId + "__" + file.fileName().replaceFirst("(?i)\\.csv$", "") + ".rows.csv");
        Path partition = manifest.partition(file, loadId);
        LakeWriter.Landing landing;
        try {
            landing = lake.land(file, contract, header, facts, partition, rowsFile, catalog.missingValues());
            unchangedSince(file, facts);
        } catch (IOException | RuntimeException e) {
            // The file is refused as a whole: nothing of it may stay in this load's partition or quarantine rows,
            // and a later file with the same bytes or for the same table must not be taken for a duplicate.
            LakeManifest.deleteTree(partition);
            Files.deleteIfExists(rowsFile);
            alreadyLoaded.remove(key);
            tablesInThisLoad.remove(tableKey, file.fileName());
            throw e;
        }
        if (landing.transcoded()) {
            warnings.add("not UTF-8: read as Windows-1252");
        }
        long millis = millisSince(started);
        report.add(new LoadReport.FileResult(source, file.table(), file.fileName(), file.extractDate().toString(),
                LoadReport.Status.LOADED, landing.rowsRead(), landing.rowsLoaded(), landing.rowsQuarantined(),
                landing.reasons(), null, warnings, millis, facts.sha256(), facts.size(), landing.parquet().getParent(),
                landing.quarantinedRows()));
        if (landing.rowsQuarantined() > 0) {
            LOG.warn("{}/{}: {} of {} rows quarantined ({}) -> {}", source, file.fileName(), landing.rowsQuarantined(),
                    landing.rowsRead(), landing.reasons(), dataDir.root().relativize(landing.quarantinedRows()));
        }
        LOG.info("landed {}/{} extract_date={} rows={} loaded={} in {} ms", source, file.table(), file.extractDate(),
                landing.rowsRead(), landing.rowsLoaded(), millis);
        CrashPoint.reached("ingest.landed");
    }

    /** Called by the shared error policy; Camel then moves the original file beside the reason written here. */
    public void quarantine(Exchange exchange) throws IOException {
        Map<String, String> before = MDC.getCopyOfContextMap();
        logContext.forEach(MDC::put);
        try {
            refuse(exchange);
        } finally {
            restore(before);
        }
    }

    private void refuse(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String reason = cause instanceof ContractViolation v ? v.getMessage()
                : name + ": " + cause.getClass().getSimpleName() + ": " + LakeWriter.withoutValues(cause.getMessage());
        Path dir = dataDir.quarantine().resolve(source);
        OwnerOnly.createDirectories(dir);
        String quarantinedName = exchange.getIn().getHeader(ARRIVAL, String.class) + "-" + name;
        OwnerOnly.writeString(dir.resolve(quarantinedName + ".reason.txt"), reason + System.lineSeparator());
        String table = name.replaceFirst("(?i)(_\\d{8}|_\\d{4}-\\d{2}-\\d{2})?\\.csv$", "").toLowerCase();
        long size = Files.size(exchange.getIn().getBody(File.class).toPath());
        report.add(new LoadReport.FileResult(source, table, name, null, LoadReport.Status.QUARANTINED, 0, 0, 0, null,
                reason, List.of(), 0, null, size, null, null));
        LOG.error("quarantined {}/{}: {}", source, name, reason);
    }

    /**
     * A file still being written (or replaced) while it was read would land rows that match neither its checksum
     * nor what is archived: refuse it, so the complete file can be delivered again.
     */
    private static void unchangedSince(ExtractFile file, FileFacts facts) throws IOException {
        long size = Files.size(file.path());
        if (size != facts.size() || !Files.getLastModifiedTime(file.path()).equals(facts.modified())) {
            throw new ContractViolation(file.fileName(), 0, null, "the file changed while it was being loaded ("
                    + facts.size() + " bytes when read, " + size + " now); deliver it again once it is complete"
                    + " (copy it in under a name starting with '.' and rename it when done)");
        }
    }

    private static void restrict(Path delivered) {
        try {
            OwnerOnly.restrict(delivered);
        } catch (IOException notOurs) {
            // Delivered by another account: the folders it moves into are owner-only all the same.
            LOG.warn("could not make {} owner-only ({}); its folder is", delivered.getFileName(),
                    notOurs.getClass().getSimpleName());
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
