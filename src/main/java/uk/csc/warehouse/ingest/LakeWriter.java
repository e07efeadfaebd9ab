package uk.csc.warehouse.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Lands one CSV extract in the lake in a single DuckDB pass: parse (structural errors recorded by DuckDB's
 * rejects tables), type every value by its contract, check every row, then write good rows as Parquet and
 * bad rows to quarantine with their line, column and reason. Rows read = rows loaded + rows quarantined,
 * checked for every file. The Parquet goes to an uncommitted {@code load_id=} partition that the build
 * ignores until the whole load commits (see LakeManifest).
 */
public final class LakeWriter implements AutoCloseable {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * What landing one file did. {@code reasons} counts failed checks by reason (a row may fail several);
     * {@code quarantinedRows} is where bad rows go (written only when there are some).
     */
    public record Landing(long rowsRead, long rowsLoaded, long rowsQuarantined, Map<String, Long> reasons,
                          Path parquet, Path quarantinedRows, boolean transcoded) {
    }

    private final Connection duck;
    private final Path scratch;

    public LakeWriter(Path scratch) throws SQLException {
        this.duck = DuckDb.inMemory();
        this.scratch = scratch;
    }

    public synchronized Landing land(ExtractFile file, TableContract contract, List<String> header, FileFacts facts,
                                     Path partition, Path quarantinedRows) throws IOException {
        try (Statement st = duck.createStatement()) {
            Path input = file.path();
            boolean transcoded = false;
            readRaw(st, input, header);
            if (count(st, "SELECT count(*) FROM rej WHERE error_type = 'INVALID ENCODING'") > 0) {
                // Not UTF-8: councils' Windows exports are Windows-1252 (smart quotes, £, é in names).
                input = transcode(file.path());
                transcoded = true;
                readRaw(st, input, header);
            }
            long structural = count(st, "SELECT count(*) FROM rej");
            long records = count(st, "SELECT count(*) FROM raw");
            if (!facts.endsWithLineBreak() && structural > 0 && count(st, "SELECT count(*) FROM rej WHERE line = "
                    + (records + structural + 1) + " AND error_type = 'MISSING COLUMNS'") > 0) {
                throw new ContractViolation(file.fileName(), records + structural + 1, null,
                        "truncated: the last line stops part-way through a record");
            }
            RowChecks checks = new RowChecks(contract, header, file.extractDate());
            // Line breaks inside quoted values shift line numbers; when the file has exactly one per record
            // (plus the header's), there are none and the line is simply the record number.
            long expectedBreaks = 1 + records + structural - (facts.endsWithLineBreak() ? 0 : 1);
            boolean embedded = facts.lineBreaks() != expectedBreaks;
            if (structural > 0) {
                // Where each rejected record sits in the sequence of good ones (DuckDB numbers records, header = 1).
                st.execute("CREATE OR REPLACE TEMP TABLE rej_pos AS SELECT line - 1 - (row_number() OVER (ORDER BY line) - 1)"
                        + " AS pos FROM rej");
            }
            boolean duplicates = checks.checksDuplicates()
                    && count(st, "SELECT count(*) FROM (" + checks.duplicateKeys() + ")") > 0;
            st.execute("CREATE OR REPLACE TEMP TABLE checked AS "
                    + checks.checkedSelect(lineNumber(embedded, structural > 0), embedded, duplicates));

            Files.createDirectories(partition);
            Path target = partition.resolve(file.table() + ".parquet");
            Path tmp = partition.resolve("." + file.table() + ".parquet.tmp");
            // Without duplicate keys nothing reorders rows, so the lake keeps the file's order without a sort.
            st.execute("COPY (SELECT " + checks.lakeColumns() + ", _line AS _source_line FROM checked "
                    + "WHERE NOT _bad" + (duplicates ? " ORDER BY _rid" : "") + ") TO " + Sql.literal(tmp)
                    + " (FORMAT parquet, COMPRESSION zstd)");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            long loaded = count(st, "SELECT count(*) FROM checked WHERE NOT _bad");
            long badRows = records - loaded;
            long quarantined = badRows + structural;
            long read = records + structural;
            if (read != loaded + quarantined) {
                throw new IllegalStateException(file.fileName() + ": rows read " + read + " != loaded " + loaded
                        + " + quarantined " + quarantined);
            }
            if (badRows > 0) {
                st.execute("CREATE OR REPLACE TEMP TABLE bad AS SELECT *, " + checks.reasonList()
                        + " AS _reasons FROM checked WHERE _bad");
            } else {
                st.execute("CREATE OR REPLACE TEMP TABLE bad AS SELECT _rid, _line, _nl, CAST([] AS VARCHAR[]) AS _reasons"
                        + " FROM checked WHERE false");
            }
            if (quarantined > 0) {
                writeQuarantine(st, header, quarantinedRows, structural > 0);
            }
            return new Landing(read, loaded, quarantined, reasons(st), target, quarantinedRows, transcoded);
        } catch (SQLException e) {
            throw new ContractViolation(file.fileName(), 0, null, withoutValues(e.getMessage()));
        }
    }

    private static void readRaw(Statement st, Path input, List<String> header) throws SQLException {
        st.execute("DROP TABLE IF EXISTS rej");
        st.execute("DROP TABLE IF EXISTS rej_scan");
        String columns = header.stream().map(h -> Sql.literal(h) + ": 'VARCHAR'").collect(Collectors.joining(", "));
        // No sniffing: the header was read and checked already, and a sniffer gives up on exactly the broken
        // files we must explain. Insertion order is preserved, so rowid is the record's place in the file.
        st.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM read_csv(" + Sql.literal(input)
                + ", header = true, auto_detect = false, columns = {" + columns + "}, delim = ',', quote = '\"',"
                + " escape = '\"', ignore_errors = true, store_rejects = true, rejects_table = 'rej',"
                + " rejects_scan = 'rej_scan', max_line_size = 10000000)");
    }

    /**
     * Physical line of each good record: DuckDB counts records, not lines, so add the line breaks inside quoted
     * values of earlier records and the records it rejected before this one.
     */
    private static String lineNumber(boolean embeddedLineBreaks, boolean hasRejects) {
        String breaks = embeddedLineBreaks
                ? " + coalesce(sum(typed._nl) OVER (ORDER BY typed._rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
                : "";
        String shift = hasRejects ? " + (SELECT count(*) FROM rej_pos WHERE rej_pos.pos <= typed._rid + 1)" : "";
        return "CAST(2 + typed._rid" + breaks + shift + " AS BIGINT)";
    }

    private void writeQuarantine(Statement st, List<String> header, Path target, boolean hasRejects)
            throws SQLException, IOException {
        Files.createDirectories(target.getParent());
        String originals = header.stream().map(h -> "raw." + Sql.ident(h)).collect(Collectors.joining(", "));
        String bad = "SELECT bad._line AS line, split_part(_reasons[1], '|', 1) AS \"column\","
                + " array_to_string(list_transform(_reasons, x -> replace(x, '|', ': ')), '; ') AS reason,"
                + " CAST(NULL AS VARCHAR) AS raw_line, " + originals
                + " FROM bad JOIN raw ON raw.rowid = bad._rid";
        String structural = "SELECT rej.line + coalesce((SELECT sum(c._nl) FROM checked c"
                + " WHERE c._line < rej.line), 0) AS line, rej.column_name AS \"column\","
                + " lower(rej.error_type) || ': ' || rej.error_message AS reason, rej.csv_line AS raw_line FROM rej";
        String all = hasRejects ? bad + " UNION ALL BY NAME " + structural : bad;
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        st.execute("COPY (SELECT * FROM (" + all + ") ORDER BY line) TO " + Sql.literal(tmp)
                + " (FORMAT csv, HEADER true)");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, Long> reasons(Statement st) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        String sql = "SELECT reason, count(*) FROM ("
                + " SELECT regexp_replace(split_part(r, '|', 2), ' \\(.*$', '') AS reason FROM (SELECT unnest(_reasons) AS r FROM bad)"
                + " UNION ALL SELECT lower(error_type) FROM rej) GROUP BY reason ORDER BY count(*) DESC, reason";
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private Path transcode(Path file) throws IOException {
        Files.createDirectories(scratch);
        Path utf8 = scratch.resolve(file.getFileName() + ".utf8");
        Files.writeString(utf8, Files.readString(file, WINDOWS_1252), StandardCharsets.UTF_8);
        return utf8;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** DuckDB quotes the offending value in its messages; values are personal data and must not reach a log. */
    static String withoutValues(String message) {
        String firstLine = message == null ? "unreadable file" : message.lines().findFirst().orElse("");
        return firstLine.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }
}
