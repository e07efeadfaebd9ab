package uk.csc.warehouse.returns.cin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.returns.CollectionYear;
import uk.csc.warehouse.returns.ReturnFolder;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Writes the CIN census for one collection year from the published warehouse: the {@code marts.cin_census_*}
 * views are read, read-only, with the DuckDB variables {@code cin_census_year_end} and {@code cin_census_as_at}
 * set (the nightly marts are the same SQL for the year in progress), streamed into an owner-only scratch file,
 * checked against the year's XSD, and only then renamed into place. A file the XSD refuses is deleted, never
 * left where it could be uploaded. Each census written is recorded in {@code DIR/ops/audit.csv}.
 */
public final class CinCensusReturn {
    private static final Logger LOG = LoggerFactory.getLogger(CinCensusReturn.class);

    public record Request(CollectionYear yearOrNull, LocalDate asAtOrNull, Path outFileOrNull) {}

    public record Result(CollectionYear year, LocalDate asAt, Path file, String lea, long children,
                         Map<String, Long> counts, long bytes, long millis) {}

    /** The XSD refused the file: nothing was written; the problems say where. */
    public static final class InvalidCensus extends RuntimeException {
        private final transient List<CinSchema.Problem> problems;

        InvalidCensus(CinYear year, List<CinSchema.Problem> problems) {
            super("the " + year.year() + " CIN census is not valid against " + year.xsd() + " (" + problems.size()
                    + (problems.size() >= 20 ? "+" : "") + " problem(s)), so it was not written; first: "
                    + problems.get(0) + ". Correct the record in the case system (or the mart rule) and run again");
            this.problems = problems;
        }

        public List<String> problems() {
            return problems.stream().map(CinSchema.Problem::toString).toList();
        }
    }

    public Result write(DataDir dataDir, Request request) throws SQLException, IOException {
        long started = System.nanoTime();
        if (!Files.exists(dataDir.warehouse())) {
            throw new IllegalStateException("no warehouse at " + dataDir.warehouse() + "; run build first");
        }
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            LocalDate built = one(st, "SELECT as_at_date FROM reference.run_context").getObject(1, LocalDate.class);
            // Without --year: the year an --as-at date falls in (a census during the year), else the year last closed.
            CollectionYear year = request.yearOrNull() != null ? request.yearOrNull()
                    : request.asAtOrNull() != null ? containing(request.asAtOrNull()) : CollectionYear.latestClosed(built);
            CinYear spec = CinYear.load(year);
            LocalDate asAt = request.asAtOrNull() != null ? request.asAtOrNull()
                    : (built.isBefore(year.end()) ? built : year.end());
            if (asAt.isAfter(built)) {
                throw new IllegalArgumentException("--as-at " + asAt + " is after the newest extract (" + built
                        + "): the warehouse cannot describe that day yet");
            }
            if (asAt.isBefore(year.start())) {
                throw new IllegalArgumentException("--as-at " + asAt + " is before the " + year
                        + " census year starts (" + year.start() + "); choose a date in the year or another --year");
            }
            if (asAt.isAfter(year.end())) {
                asAt = year.end();
            }
            st.execute("SET VARIABLE cin_census_year_end = DATE " + Sql.literal(year.end().toString()));
            st.execute("SET VARIABLE cin_census_as_at = DATE " + Sql.literal(asAt.toString()));
            String lea = lea(st);

            Path target = (request.outFileOrNull() != null ? request.outFileOrNull().toAbsolutePath().normalize()
                    : null);
            long t = System.nanoTime();
            Map<String, Long> counts = counts(st);
            LOG.info("cin census {}: warehouse opened in {} ms, counts in {} ms", year, (t - started) / 1_000_000,
                    (System.nanoTime() - t) / 1_000_000);
            if (target == null) {
                try (ReturnFolder folder = ReturnFolder.open(dataDir, CinYear.RETURN, year, null)) {
                    Path file = folder.file(fileName(lea, year, asAt));
                    long children = writeAndCheck(st, spec, lea, asAt, file);
                    long bytes = Files.size(file);
                    folder.commit();
                    return finish(dataDir, year, asAt, folder.target().resolve(file.getFileName()), lea, children,
                            counts, bytes, started);
                }
            }
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path temp = createOwnerOnly(dir, "." + target.getFileName() + ".");
            try {
                long children = writeAndCheck(st, spec, lea, asAt, temp);
                long bytes = Files.size(temp);
                move(temp, target);
                return finish(dataDir, year, asAt, target, lea, children, counts, bytes, started);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static CollectionYear containing(LocalDate date) {
        return new CollectionYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** DfE's file name pattern (LEA, collection, year), with the as-at date of a census taken during the year. */
    static String fileName(String lea, CollectionYear year, LocalDate asAt) {
        return lea + "_CIN_" + year + (asAt.equals(year.end()) ? "" : "_as_at_" + asAt) + ".xml";
    }

    private long writeAndCheck(Statement st, CinYear spec, String lea, LocalDate asAt, Path file)
            throws SQLException, IOException {
        long children;
        long t0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            CinCensusWriter.Header header = new CinCensusWriter.Header(lea, spec.year().end(), spec.year().endYear(),
                    release(), LocalDateTime.now(ZoneId.systemDefault()));
            children = new CinCensusWriter(spec).write(st, header, new java.io.BufferedOutputStream(out, 1 << 16));
        } catch (XMLStreamException e) {
            throw new IOException("could not write the CIN census XML: " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        List<CinSchema.Problem> problems = CinSchema.check(file, spec.xsdResource());
        LOG.info("cin census {}: written in {} ms, XSD check {} ms", spec.year(), (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        if (!problems.isEmpty()) {
            Files.deleteIfExists(file);
            throw new InvalidCensus(spec, problems);
        }
        LOG.info("cin census {}: {} children, valid against {}", spec.year(), children, spec.xsd());
        return children;
    }

    private Result finish(DataDir dataDir, CollectionYear year, LocalDate asAt, Path file, String lea, long children,
                          Map<String, Long> counts, long bytes, long started) throws IOException {
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> audited = new LinkedHashMap<>();
        audited.put("children", children);
        audited.putAll(counts);
        ReturnFolder.audit(dataDir, CinYear.RETURN, year, asAt, file, audited);
        LOG.info("cin census {} as at {}: {} children, {} bytes, {} ms ({})", year, asAt, children, bytes, millis,
                counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        return new Result(year, asAt, file, lea, children, counts, bytes, millis);
    }

    /** The figures a team checks the census by (and the reconciliation test compares with the marts). */
    private static Map<String, Long> counts(Statement st) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM marts.cin_census_summary")) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String name = rs.getMetaData().getColumnLabel(i);
                if (!name.equals("collection_year") && !name.equals("as_at_date")) {
                    counts.put(name, rs.getLong(i));
                }
            }
        }
        return counts;
    }

    /** The authority's DfE LA number, from the authority settings and DfE's code list (marts.comparator_authority). */
    private static String lea(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT la_number, area_code FROM marts.comparator_authority")) {
            if (!rs.next() || rs.getString(1) == null) {
                throw new IllegalStateException("the authority's DfE LA number is unknown: set area_code in "
                        + "DIR/reference/authority.csv to the authority's ONS code (E09000028) and run build");
            }
            return String.format("%03d", Integer.parseInt(rs.getString(1).trim()));
        }
    }

    private static String release() {
        String v = CinCensusReturn.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static ResultSet one(Statement st, String sql) throws SQLException {
        ResultSet rs = st.executeQuery(sql);
        if (!rs.next()) {
            throw new IllegalStateException("no row from " + sql);
        }
        return rs;
    }

    private static Path createOwnerOnly(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
