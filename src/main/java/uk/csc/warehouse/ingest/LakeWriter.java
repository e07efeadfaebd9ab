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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.OwnerOnly;
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
                                     Path partition, Path quarantinedRows, List<String> missingValues) throws IOException {
        try (Statement st = duck.createStatement()) {
            Path input = file.path();
            // A file whose every non-ASCII byte is a single-byte character is a Windows-1252 export (smart quotes,
            // £, é in names): read it as that, whole. A file that also holds well-formed UTF-8 is UTF-8 with a few
            // broken bytes: re-reading it as Windows-1252 would garble every accent it has, so it stays UTF-8 and
            // DuckDB rejects just the rows with a broken byte (quarantined with their line).
            boolean transcoded = facts.invalidUtf8() > 0 && facts.utf8Sequences() == 0;
            if (transcoded) {
                input = transcode(file.path());
            }
            RowChecks checks = new RowChecks(contract, header, file.extractDate(), missingValues);
            OwnerOnly.createDirectories(partition);
            Path target = partition.resolve(file.table() + ".parquet");
            Path tmp = partition.resolve("." + file.table() + ".parquet.tmp");
            if (!facts.hasEmbeddedLineBreaks() && facts.blankRecordLines().length == 0
                    && landClean(st.getConnection(), input, header, checks, facts, tmp)) {
                OwnerOnly.restrict(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                long rows = facts.recordLines() - 1;
                return new Landing(rows, rows, 0, Map.of(), target, quarantinedRows, transcoded);
            }
            readRaw(st, input, header);
            // One row per rejected record, however many errors DuckDB found in it (a short row has one per
            // missing column).
            st.execute("CREATE OR REPLACE TEMP TABLE rej1 AS SELECT line, arg_min(error_type, column_idx) AS error_type,"
                    + " arg_min(error_message, column_idx) AS error_message, arg_min(column_name, column_idx) AS column_name,"
                    + " any_value(csv_line) AS csv_line, bool_or(error_type = 'UNQUOTED VALUE') AS unquoted"
                    + " FROM rej GROUP BY line");
            long unquotedAt = first(st, "SELECT min(line) FROM rej1 WHERE unquoted");
            if (unquotedAt > 0) {
                // DuckDB reads on from a quote that is not closed where its field ends and drops what it swallowed:
                // no record after it can be trusted, so the file is refused at the line a person can fix.
                throw new ContractViolation(file.fileName(), facts.physicalLine(unquotedAt), null, "a quoted value"
                        + " opens on this line and is not closed where its field ends (a stray \" ?), so the records"
                        + " after it cannot be told apart; correct this line and deliver the file again");
            }
            long structural = count(st, "SELECT count(*) FROM rej1");
            long records = count(st, "SELECT count(*) FROM raw");
            boolean shifted = facts.hasEmbeddedLineBreaks();
            boolean skipped = structural > 0 || facts.blankRecordLines().length > 0;
            if (shifted || skipped) {
                placeLines(st, facts);
            }
            boolean duplicates = checks.checksDuplicates()
                    && count(st, "SELECT count(*) FROM (" + checks.duplicateKeys() + ")") > 0;
            st.execute("CREATE OR REPLACE TEMP TABLE checked AS "
                    + checks.checkedSelect(lineNumber(skipped, shifted), lineJoins(skipped, shifted), duplicates));

            // Without duplicate keys or line joins nothing reorders rows, so the lake keeps the file's order
            // without a sort.
            boolean reordered = duplicates || shifted || skipped;
            st.execute("COPY (SELECT " + checks.lakeColumns() + ", _line AS _source_line FROM checked "
                    + "WHERE NOT _bad" + (reordered ? " ORDER BY _rid" : "") + ") TO " + Sql.literal(tmp)
                    + " (FORMAT parquet, COMPRESSION zstd)");
            OwnerOnly.restrict(tmp);
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
                st.execute("CREATE OR REPLACE TEMP TABLE bad AS SELECT _rid, _line, CAST([] AS VARCHAR[]) AS _reasons"
                        + " FROM checked WHERE false");
            }
            st.execute("CREATE OR REPLACE TEMP TABLE structural AS SELECT line, column_name, "
                    + structuralReason(facts) + " AS reason, " + structuralLabel(facts) + " AS label, csv_line FROM rej1");
            if (quarantined > 0) {
                writeQuarantine(st, header, quarantinedRows, structural > 0, shifted);
            }
            return new Landing(read, loaded, quarantined, reasons(st), target, quarantinedRows, transcoded);
        } catch (SQLException e) {
            throw new ContractViolation(file.fileName(), 0, null, withoutValues(e.getMessage()));
        }
    }

    /**
     * The common case without a table in between: a file without blank lines or line breaks inside quoted values
     * (FileFacts knows before reading), each of whose records DuckDB splits, each of whose rows passes every check,
     * and without a duplicate key. Pass one types and checks every row straight from the CSV into an uncompressed
     * scratch Parquet, in parallel and in the file's order (DuckDB keeps insertion order without a sort); pass two
     * numbers the rows from that file's row numbers (record n is line n + 2) and writes the lake's zstd Parquet, a
     * fraction of the cost of parsing the CSV. A row that breaks a rule stops pass one: DuckDB evaluates
     * {@code error()} only for such a row. On that, a rejected record, a duplicate key or any other failure this
     * returns false, nothing of the attempt is left, and the file takes the full path, which names every reason of
     * every bad row (or refuses the file, exactly as before).
     */
    private static boolean landClean(Connection duck, Path input, List<String> header, RowChecks checks,
                                     FileFacts facts, Path tmp) throws IOException {
        Path unnumbered = tmp.resolveSibling(tmp.getFileName() + ".unnumbered");
        String rows = "(SELECT *, 0 AS rowid FROM " + readCsv(input, header) + ") raw";
        boolean clean = false;
        // Its own statement: DuckDB's JDBC driver closes a statement whose query failed.
        try (Statement st = duck.createStatement()) {
            st.execute("DROP TABLE IF EXISTS rej");
            st.execute("DROP TABLE IF EXISTS rej_scan");
            st.execute("COPY (SELECT " + checks.lakeColumns() + ", CAST(CASE WHEN _bad THEN error("
                    + Sql.literal(ROW_BROKE_A_RULE) + ") END AS BOOLEAN) AS _broke FROM ("
                    + checks.checkedSelect(rows, "CAST(NULL AS BIGINT)", "", false) + ")) TO " + Sql.literal(unnumbered)
                    + " (FORMAT parquet, COMPRESSION uncompressed)");
            OwnerOnly.restrict(unnumbered);
            if (count(st, "SELECT count(*) FROM rej") == 0) {
                st.execute("COPY (SELECT " + checks.lakeColumns() + ", file_row_number + 2 AS _source_line FROM"
                        + " read_parquet(" + Sql.literal(unnumbered) + ", file_row_number = true)) TO " + Sql.literal(tmp)
                        + " (FORMAT parquet, COMPRESSION zstd)");
                clean = count(st, "SELECT count(*) FROM read_parquet(" + Sql.literal(tmp) + ")") == facts.recordLines() - 1
                        && !(checks.checksDuplicates() && count(st, checks.duplicateKeysIn(tmp)) > 0);
            }
        } catch (SQLException brokenRowOrFile) {
            // The full path meets the same row or fault and explains it (quarantine, or the file refused).
        } finally {
            Files.deleteIfExists(unnumbered);
        }
        if (!clean) {
            Files.deleteIfExists(tmp);
        }
        return clean;
    }

    /** The marker of the error a broken row raises in the clean pass; never shown: the full path follows. */
    private static final String ROW_BROKE_A_RULE = "csc: a row broke a load rule";

    /** The reason a person reads for a record DuckDB could not split into the header's columns. */
    private static String structuralReason(FileFacts facts) {
        return "CASE WHEN " + truncatedLast(facts) + " THEN 'truncated: the last line stops part-way through a record"
                + " (' || error_message || ')'"
                + " WHEN error_type = 'INVALID ENCODING' THEN 'invalid encoding: a byte that is not UTF-8, in a file"
                + " that is otherwise UTF-8; the row is kept as delivered, not guessed at (save the file as UTF-8)'"
                + " ELSE lower(error_type) || ': ' || error_message END";
    }

    private static String structuralLabel(FileFacts facts) {
        return "CASE WHEN " + truncatedLast(facts) + " THEN 'truncated last line' ELSE lower(error_type) END";
    }

    private static String truncatedLast(FileFacts facts) {
        return facts.endsWithLineBreak() ? "false"
                : "(line = " + facts.recordLines() + " AND error_type = 'MISSING COLUMNS')";
    }

    private void placeLines(Statement st, FileFacts facts) throws SQLException {
        // Record lines DuckDB counted but gave no row for (blank lines, rejected records), and where physical lines
        // run ahead of record lines: both tiny for any real file, so every row pays one ASOF lookup at most.
        st.execute("CREATE OR REPLACE TABLE skips (dline BIGINT)");
        st.execute("CREATE OR REPLACE TABLE shifts (shift_from BIGINT, shift BIGINT)");
        DuckDBConnection dc = duck.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "skips")) {
            for (long l : facts.blankRecordLines()) {
                a.beginRow();
                a.append(l);
                a.endRow();
            }
        }
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "shifts")) {
            for (int i = 0; i < facts.shiftFrom().length; i++) {
                a.beginRow();
                a.append(facts.shiftFrom()[i]);
                a.append(facts.shift()[i]);
                a.endRow();
            }
        }
        st.execute("INSERT INTO skips SELECT line FROM rej1");
        // A skip at record line L with k skips before it has L - 2 - k good records before it; a good record
        // with rowid r sits after every skip whose count is <= r.
        st.execute("CREATE OR REPLACE TEMP TABLE skipcum AS SELECT good_before, max(n) AS n FROM (SELECT dline - 1 - n"
                + " AS good_before, n FROM (SELECT dline, row_number() OVER (ORDER BY dline) AS n"
                + " FROM (SELECT DISTINCT dline FROM skips))) GROUP BY good_before");
    }

    private static String lineJoins(boolean skipped, boolean shifted) {
        return (skipped ? " ASOF LEFT JOIN skipcum sk ON typed._rid >= sk.good_before" : "")
                + (shifted ? " ASOF LEFT JOIN shifts sh ON " + recordLine(skipped) + " >= sh.shift_from" : "");
    }

    private static String recordLine(boolean skipped) {
        return "(2 + typed._rid" + (skipped ? " + coalesce(sk.n, 0)" : "") + ")";
    }

    /** Physical line of each good record: its record line, plus the line breaks inside earlier quoted values. */
    private static String lineNumber(boolean skipped, boolean shifted) {
        return "CAST(" + recordLine(skipped) + (shifted ? " + coalesce(sh.shift, 0)" : "") + " AS BIGINT)";
    }

    private static void readRaw(Statement st, Path input, List<String> header) throws SQLException {
        st.execute("DROP TABLE IF EXISTS rej");
        st.execute("DROP TABLE IF EXISTS rej_scan");
        // Insertion order is preserved, so rowid is the record's place in the file.
        st.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM " + readCsv(input, header));
    }

    /**
     * Every column as text, as delivered. No sniffing: the header was read and checked already, and a sniffer gives
     * up on exactly the broken files we must explain. Records DuckDB cannot split go to the {@code rej} table.
     */
    private static String readCsv(Path input, List<String> header) {
        String columns = header.stream().map(h -> Sql.literal(h) + ": 'VARCHAR'").collect(Collectors.joining(", "));
        return "read_csv(" + Sql.literal(input) + ", header = true, auto_detect = false, columns = {" + columns + "},"
                + " delim = ',', quote = '\"', escape = '\"', ignore_errors = true, store_rejects = true,"
                + " rejects_table = 'rej', rejects_scan = 'rej_scan', max_line_size = 10000000)";
    }

    private void writeQuarantine(Statement st, List<String> header, Path target, boolean hasRejects, boolean shifted)
            throws SQLException, IOException {
        OwnerOnly.createDirectories(target.getParent());
        String originals = header.stream().map(h -> "raw." + Sql.ident(h)).collect(Collectors.joining(", "));
        String bad = "SELECT bad._line AS line, split_part(_reasons[1], '|', 1) AS \"column\","
                + " array_to_string(list_transform(_reasons, x -> replace(x, '|', ': ')), '; ') AS reason,"
                + " CAST(NULL AS VARCHAR) AS raw_line, " + originals
                + " FROM bad JOIN raw ON raw.rowid = bad._rid";
        String structural = "SELECT s.line" + (shifted ? " + coalesce(sh.shift, 0)" : "") + " AS line,"
                + " s.column_name AS \"column\", s.reason, s.csv_line AS raw_line FROM structural s"
                + (shifted ? " ASOF LEFT JOIN shifts sh ON s.line >= sh.shift_from" : "");
        String all = hasRejects ? bad + " UNION ALL BY NAME " + structural : bad;
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        st.execute("COPY (SELECT * FROM (" + all + ") ORDER BY line) TO " + Sql.literal(tmp)
                + " (FORMAT csv, HEADER true)");
        OwnerOnly.restrict(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, Long> reasons(Statement st) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        String sql = "SELECT reason, count(*) FROM ("
                + " SELECT regexp_replace(split_part(r, '|', 2), ' \\(.*$', '') AS reason FROM (SELECT unnest(_reasons) AS r FROM bad)"
                + " UNION ALL SELECT label FROM structural) GROUP BY reason ORDER BY count(*) DESC, reason";
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private Path transcode(Path file) throws IOException {
        OwnerOnly.createDirectories(scratch);
        Path utf8 = scratch.resolve(file.getFileName() + ".utf8");
        OwnerOnly.writeString(utf8, Files.readString(file, WINDOWS_1252));
        return utf8;
    }

    /** The first column of the first row, or -1 when it is NULL. */
    private static long first(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? -1 : v;
        }
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
