package uk.csc.warehouse.returns;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Writes the SSDA903 return's CSV files for one collection year from the published warehouse. Each table is
 * its mart view ({@code marts.ssda903_*}, sql/marts/ssda903/) read with the DuckDB variable
 * {@code ssda903_year_start} set, so the nightly marts and every year's return share one copy of each rule.
 * Files carry exactly the year's header row (DfE's validator recognises tables by it), dates as dd/mm/yyyy,
 * no byte-order mark. Values are written as recorded: a code outside the year's list is counted in a warning,
 * never recoded. Only counts are logged.
 */
public final class Ssda903Return {
    public static final String NAME = "ssda903";
    private static final Logger LOG = LoggerFactory.getLogger(Ssda903Return.class);

    public record Result(CollectionYear year, LocalDate asAt, Path folder, Path previous,
                         Map<String, Long> rowsByFile, List<String> warnings, long millis) {
        public long totalRows() {
            return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param yearOrNull the collection year; null for the latest closed at the warehouse's as-at date
     * @param previousOrNull last year's return as sent; null to use (or write) the warehouse's own
     */
    public Result write(DataDir dataDir, CollectionYear yearOrNull, Path outOrNull, Path previousOrNull)
            throws SQLException, IOException {
        long started = System.nanoTime();
        if (!Files.exists(dataDir.warehouse())) {
            throw new IllegalStateException("no warehouse at " + dataDir.warehouse() + "; run build first");
        }
        if (previousOrNull != null && !looksLikeA903Return(previousOrNull)) {
            throw new IllegalArgumentException("--previous " + previousOrNull + " holds no .csv files; give the folder "
                    + "of last year's SSDA903 return as sent");
        }
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            LocalDate asAt;
            try (ResultSet rs = st.executeQuery("SELECT as_at_date FROM reference.run_context")) {
                rs.next();
                asAt = rs.getObject(1, LocalDate.class);
            }
            CollectionYear year = yearOrNull != null ? yearOrNull : CollectionYear.latestClosed(asAt);
            if (year.start().isAfter(asAt)) {
                throw new IllegalArgumentException("--year " + year + " starts after the newest extract (" + asAt
                        + "): the warehouse cannot describe it yet");
            }
            Ssda903Spec spec = Ssda903Spec.load(year);
            List<String> warnings = new ArrayList<>();
            if (year.end().isAfter(asAt)) {
                warnings.add("the " + year + " year is not over: the return describes it as at " + asAt);
            }
            Map<String, Long> rows = writeYear(st, dataDir, spec, outOrNull, warnings);
            Path folder = (outOrNull == null ? ReturnFolder.defaultTarget(dataDir, NAME, year) : outOrNull)
                    .toAbsolutePath().normalize();
            ReturnFolder.audit(dataDir, NAME, year, asAt, folder, rows);

            Path previous = previousOrNull;
            if (previous == null) {
                previous = ownPrevious(st, dataDir, year, asAt, warnings);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("return ssda903 {}: {} rows in {} files in {} ms", year, rows.values().stream()
                    .mapToLong(Long::longValue).sum(), rows.size(), millis);
            return new Result(year, asAt, folder, previous, rows, List.copyOf(warnings), millis);
        }
    }

    /**
     * Last year's return for the rules that compare years: the warehouse's own in DIR/out/returns/ssda903/<year-1>/
     * when there, else written now from the warehouse (and audited) if this build has that year's rules.
     */
    private Path ownPrevious(Statement st, DataDir dataDir, CollectionYear year, LocalDate asAt, List<String> warnings)
            throws SQLException, IOException {
        CollectionYear last = year.previous();
        Path folder = ReturnFolder.defaultTarget(dataDir, NAME, last);
        if (looksLikeA903Return(folder)) {
            return folder;
        }
        if (!ReturnYears.available(NAME).contains(last)) {
            warnings.add("no previous year's return: pass --previous with the " + last + " return as sent, or the "
                    + "rules that compare years are skipped");
            return null;
        }
        Map<String, Long> rows = writeYear(st, dataDir, Ssda903Spec.load(last), null, new ArrayList<>());
        ReturnFolder.audit(dataDir, NAME, last, asAt, folder, rows);
        st.execute("SET VARIABLE ssda903_year_start = DATE " + Sql.literal(year.start().toString()));
        return folder;
    }

    private Map<String, Long> writeYear(Statement st, DataDir dataDir, Ssda903Spec spec, Path outOrNull,
                                        List<String> warnings) throws SQLException, IOException {
        st.execute("SET VARIABLE ssda903_year_start = DATE " + Sql.literal(spec.year().start().toString()));
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(spec.dateFormat(), Locale.UK);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReturnFolder folder = ReturnFolder.open(dataDir, NAME, spec.year(), outOrNull)) {
            for (Ssda903Spec.Table table : spec.tables()) {
                long t0 = System.nanoTime();
                long n = writeTable(st, table, folder.file(table.file()), dates, spec, warnings);
                rows.put(table.file(), n);
                LOG.info("return ssda903 {} {}: {} rows in {} ms", spec.year(), table.file(), n,
                        (System.nanoTime() - t0) / 1_000_000);
            }
            folder.commit();
        }
        return rows;
    }

    private long writeTable(Statement st, Ssda903Spec.Table table, Path file, DateTimeFormatter dates,
                            Ssda903Spec spec, List<String> warnings) throws SQLException, IOException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < table.columns().size(); i++) {
            select.append(i == 0 ? "" : ", ").append(identifier(table.columns().get(i).toLowerCase(Locale.ROOT)));
        }
        select.append(" FROM marts.").append(identifier(table.model()));
        int n = table.columns().size();
        Map<String, TreeMap<String, Long>> offList = new LinkedHashMap<>();
        long count = 0;
        try (ResultSet rs = st.executeQuery(select.toString());
             Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
            csv.writeRecord(table.columns());
            String[] row = new String[n];
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    String s = v == null ? "" : v instanceof LocalDate d ? d.format(dates) : v.toString();
                    row[i] = neutralise(s);
                    Set<String> allowed = spec.codes().get(table.columns().get(i));
                    if (allowed != null && !s.isEmpty() && !allowed.contains(s)) {
                        offList.computeIfAbsent(table.columns().get(i), k -> new TreeMap<>()).merge(s, 1L, Long::sum);
                    }
                }
                csv.writeRecord(row);
                count++;
            }
            csv.flush();
        }
        offList.forEach((column, values) -> warnings.add(table.name() + " " + column + ": "
                + values.values().stream().mapToLong(Long::longValue).sum() + " value(s) not in " + spec.year()
                + "'s code list, written as recorded " + values.keySet() + "; correct the records or the year's "
                + "returns/ssda903/" + spec.year() + "/return.yml"));
        return count;
    }

    /** Column and model names come from the year's return.yml: letters, digits and underscores only. */
    private static String identifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalStateException("return.yml names '" + name + "', which is not a column or model name");
        }
        return name;
    }

    /** Excel must never take a value for a formula; 903 codes, ids and dates never start with these. */
    private static String neutralise(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    static boolean looksLikeA903Return(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
        }
    }
}
