package uk.csc.warehouse.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.support.DataDir;

/**
 * The work the ingest routes delegate: validate a file against its contract and land it, or explain
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

    public ExtractIngest(ContractCatalog catalog, LakeWriter lake, LoadReport report, DataDir dataDir) {
        this.catalog = catalog;
        this.lake = lake;
        this.report = report;
        this.dataDir = dataDir;
    }

    public void ingest(Exchange exchange) throws IOException {
        long started = System.nanoTime();
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        Path path = exchange.getIn().getBody(File.class).toPath();
        ExtractFile file = ExtractFile.of(path, source);
        List<String> header = HeaderReader.read(file);
        List<String> warnings = HeaderCheck.check(file, header, catalog);
        warnings.forEach(w -> LOG.warn("{}/{}: {}", source, file.fileName(), w));
        long rows = lake.land(file, catalog.table(source, file.table()), header);
        long millis = (System.nanoTime() - started) / 1_000_000;
        report.add(new LoadReport.FileResult(source, file.table(), file.fileName(), file.extractDate().toString(),
                LoadReport.Status.LOADED, rows, null, warnings, millis));
        LOG.info("loaded {}/{} extract_date={} rows={} in {} ms", source, file.table(), file.extractDate(), rows, millis);
    }

    /** Called by the shared error policy; Camel then moves the original file beside the reason written here. */
    public void quarantine(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String reason = cause instanceof ContractViolation v ? v.getMessage()
                : name + ": " + cause.getClass().getSimpleName() + ": " + LakeWriter.withoutValues(cause.getMessage());
        Path dir = dataDir.quarantine().resolve(source);
        Files.createDirectories(dir);
        String quarantinedName = exchange.getIn().getHeader(ARRIVAL, String.class) + "-" + name;
        Files.writeString(dir.resolve(quarantinedName + ".reason.txt"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        String table = name.replaceFirst("(?i)\\.csv$", "");
        report.add(new LoadReport.FileResult(source, table, name, null, LoadReport.Status.QUARANTINED, 0, reason,
                List.of(), 0));
        LOG.error("quarantined {}/{}: {}", source, name, reason);
    }
}
