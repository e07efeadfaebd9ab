package uk.csc.warehouse.annexa;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.annexa.AnnexATemplate.CellType;
import uk.csc.warehouse.annexa.AnnexATemplate.ColumnSpec;
import uk.csc.warehouse.annexa.AnnexATemplate.ListSpec;
import uk.csc.warehouse.transform.Model;
import uk.csc.warehouse.transform.ModelCatalog;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Writes the Ofsted Annex A workbook from the published warehouse. Each list is its SQL model
 * ({@code sql/marts/annex_a/annex_a_list_NN_*.sql}) re-run, read-only, with the DuckDB variables
 * {@code annex_a_as_at} and {@code annex_a_months} set, which the view {@code marts.annex_a_window} reads: the
 * nightly build materialises the same SQL for the default window, so there is one copy of each rule. Rows are
 * streamed (SXSSF) into a temporary owner-only file beside the target and renamed into place; the extract is
 * recorded in {@code DIR/ops/audit.csv}. Only counts are logged, never values.
 */
public final class AnnexAExport {
    private static final Logger LOG = LoggerFactory.getLogger(AnnexAExport.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    public record Request(LocalDate asAt, int months, Path out, String template) {
        public Request {
            if (months < 1 || months > 24) {
                throw new IllegalArgumentException("--months must be between 1 and 24");
            }
            template = template == null ? AnnexATemplate.DEFAULT_VERSION : template;
        }
    }

    public record Result(Path file, String template, LocalDate asAt, LocalDate windowStart, LocalDate windowEnd,
                         Map<String, Long> rowsBySheet, List<String> warnings, long millis) {
        public long totalRows() {
            return rowsBySheet.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final ModelCatalog models;

    public AnnexAExport(ModelCatalog models) {
        this.models = models;
    }

    public static AnnexAExport fromClasspath() {
        return new AnnexAExport(ModelCatalog.fromClasspath());
    }

    public Result run(DataDir dataDir, Request request) throws SQLException, IOException {
        long started = System.nanoTime();
        AnnexATemplate template = AnnexATemplate.load(request.template());
        if (!Files.exists(dataDir.warehouse())) {
            throw new IllegalStateException("no warehouse at " + dataDir.warehouse() + "; run build first");
        }
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            LocalDate built = one(st, "SELECT as_at_date FROM reference.run_context").getObject(1, LocalDate.class);
            LocalDate asAt = request.asAt() == null ? built : request.asAt();
            if (asAt.isAfter(built)) {
                throw new IllegalArgumentException("--as-at " + asAt + " is after the newest extract (" + built
                        + "): the warehouse cannot describe that day yet");
            }
            st.execute("SET VARIABLE annex_a_as_at = DATE " + Sql.literal(asAt.toString()));
            st.execute("SET VARIABLE annex_a_months = " + request.months());
            ResultSet w = one(st, "SELECT window_start, window_end FROM marts.annex_a_window");
            LocalDate windowStart = w.getObject(1, LocalDate.class);
            LocalDate windowEnd = w.getObject(2, LocalDate.class);
            w.close();

            Path target = request.out() != null ? request.out().toAbsolutePath()
                    : dataDir.out().resolve("annex_a").resolve("annex_a_" + asAt + "_"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + ".xlsx");
            Path dir = target.getParent();
            createPrivateDirectories(dir);
            Path scratch = dir.resolve(".annex-a-scratch");
            createPrivateDirectories(scratch);
            // SXSSF spills rows to temp files: keep them in an owner-only folder beside the target, not /tmp.
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(scratch.toFile()));
            Path temp = createPrivateFile(dir, "." + target.getFileName() + ".");

            Map<String, Long> rows = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                wb.setCompressTempFiles(true);
                Styles styles = new Styles(wb, template.dateFormat());
                for (ListSpec list : template.lists()) {
                    long n = writeList(wb, styles, st, template, list, warnings);
                    rows.put(list.sheet(), n);
                    LOG.info("annex-a {} ({}): {} rows", list.sheet(), list.title(), n);
                }
                writeSummary(wb, styles, st, template, asAt, windowStart, windowEnd, request.months(), rows, warnings);
                try (OutputStream os = Files.newOutputStream(temp)) {
                    wb.write(os);
                }
            } catch (RuntimeException | SQLException | IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            } finally {
                // the spilled rows are identifiable: removed whether the export worked or not
                wb.dispose();
                wb.close();
                TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
                try {
                    Files.deleteIfExists(scratch);
                } catch (java.nio.file.DirectoryNotEmptyException anotherExportRunning) {
                    // another export is using it; the last one out removes it
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            restrict(target, OWNER_ONLY);
            long millis = (System.nanoTime() - started) / 1_000_000;
            Result result = new Result(target, template.version(), asAt, windowStart, windowEnd, rows,
                    List.copyOf(warnings), millis);
            audit(dataDir, result);
            LOG.info("annex-a: wrote {} rows in {} sheets in {} ms (as at {}, window {} to {}, template {})",
                    result.totalRows(), rows.size(), millis, asAt, windowStart, windowEnd, template.version());
            return result;
        }
    }

    private long writeList(SXSSFWorkbook wb, Styles styles, Statement st, AnnexATemplate template, ListSpec list,
                           List<String> warnings) throws SQLException {
        Model model = models.models().get(list.model());
        if (model == null) {
            throw new IllegalStateException("template " + template.version() + " " + list.sheet()
                    + " names model " + list.model() + ", which is not in sql/");
        }
        SXSSFSheet sheet = wb.createSheet(list.sheet());
        Row header = sheet.createRow(0);
        List<ColumnSpec> cols = list.columns();
        for (int i = 0; i < cols.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(cols.get(i).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(60, Math.max(12, cols.get(i).header().length() / 2 + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        long[] unmapped = new long[cols.size()];
        long[] blankRequired = new long[cols.size()];
        BlankRows blankRows = new BlankRows(cols.size());
        long noBirthDate = 0;
        long n = 0;
        try (ResultSet rs = st.executeQuery(model.sql())) {
            int[] index = new int[cols.size()];
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                byName.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), i);
            }
            for (int i = 0; i < cols.size(); i++) {
                Integer at = byName.get(cols.get(i).column());
                if (at == null) {
                    throw new IllegalStateException(list.model() + " has no column " + cols.get(i).column()
                            + " for header '" + cols.get(i).header() + "' of template " + template.version());
                }
                index[i] = at;
            }
            boolean hasBirthDate = byName.containsKey("date_of_birth");
            while (rs.next()) {
                n++;
                Row row = sheet.createRow((int) n);
                for (int i = 0; i < cols.size(); i++) {
                    ColumnSpec col = cols.get(i);
                    boolean written = switch (col.type()) {
                        case DATE -> {
                            LocalDate d = rs.getObject(index[i], LocalDate.class);
                            if (d == null) {
                                yield false;
                            }
                            Cell cell = row.createCell(i);
                            cell.setCellValue(d);
                            cell.setCellStyle(styles.date);
                            yield true;
                        }
                        case NUMBER -> {
                            Object v = rs.getObject(index[i]);
                            if (v == null) {
                                yield false;
                            }
                            row.createCell(i).setCellValue(((Number) v).doubleValue());
                            yield true;
                        }
                        case STRING -> {
                            String s = rs.getString(index[i]);
                            if (s == null || s.isBlank()) {
                                yield false;
                            }
                            text(row.createCell(i), s, styles);
                            yield true;
                        }
                        case CATEGORY -> {
                            Object v = rs.getObject(index[i]);
                            String label = template.label(col, v);
                            if (label == null) {
                                if (v != null) {
                                    unmapped[i]++;
                                }
                                yield false;
                            }
                            text(row.createCell(i), label, styles);
                            yield true;
                        }
                    };
                    if (!written && col.required()) {
                        blankRequired[i]++;
                        if (col.type() != CellType.CATEGORY || rs.getObject(index[i]) == null) { // not an unmapped code
                            blankRows.add(i, n, byName.containsKey("child_id") ? rs.getString(byName.get("child_id")) : null);
                        }
                    }
                }
                if (hasBirthDate && rs.getObject(byName.get("date_of_birth")) == null) {
                    noBirthDate++;
                }
            }
        }
        String where = list.sheet() + " (" + list.title() + ")";
        if (n == 0) {
            warnings.add(where + ": no rows" + (list.model().endsWith("_adopters")
                    ? " - the case-management extract (SSD) holds no adopter data; supply List 11 from the adoption agency"
                    : " in the window; check the source extract arrived"));
        }
        if (noBirthDate > 0) {
            warnings.add(where + ": " + noBirthDate + " row(s) with no date of birth (unborn or not recorded)");
        }
        for (int i = 0; i < cols.size(); i++) {
            if (unmapped[i] > 0) {
                warnings.add(where + ", " + cols.get(i).header() + ": " + unmapped[i] + " value(s) with no category "
                        + "in the " + template.version() + " template (left blank; add the code to its vocabulary '"
                        + cols.get(i).vocabulary() + "' or correct the record)");
            }
            if (blankRequired[i] > unmapped[i]) {
                warnings.add(where + ", " + cols.get(i).header() + ": " + (blankRequired[i] - unmapped[i])
                        + " row(s) blank where the template expects a value" + blankRows.naming(i));
            }
        }
        return n;
    }

    private void writeSummary(SXSSFWorkbook wb, Styles styles, Statement st, AnnexATemplate template, LocalDate asAt,
                              LocalDate windowStart, LocalDate windowEnd, int months, Map<String, Long> rows,
                              List<String> warnings) throws SQLException {
        SXSSFSheet sheet = wb.createSheet("Summary");
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        int[] r = {0};
        java.util.function.BiConsumer<String, Object> kv = (k, v) -> {
            Row row = sheet.createRow(r[0]++);
            Cell key = row.createCell(0);
            key.setCellValue(k);
            key.setCellStyle(styles.header);
            if (v instanceof LocalDate d) {
                Cell cell = row.createCell(1);
                cell.setCellValue(d);
                cell.setCellStyle(styles.date);
            } else if (v instanceof LocalDateTime t) {
                Cell cell = row.createCell(1);
                cell.setCellValue(t);
                cell.setCellStyle(styles.dateTime);
            } else if (v instanceof Number num) {
                row.createCell(1).setCellValue(num.doubleValue());
            } else if (v != null) {
                text(row.createCell(1), String.valueOf(v), styles);
            }
        };
        kv.accept("Ofsted ILACS Annex A", "Identifiable data: OFFICIAL-SENSITIVE. Share only by secure means.");
        kv.accept("Template", template.version());
        kv.accept("As-at date", asAt);
        kv.accept("Window start", windowStart);
        kv.accept("Window end", windowEnd);
        kv.accept("Window (months)", months);
        kv.accept("Created", LocalDateTime.now(ZoneId.systemDefault()).withNano(0));
        kv.accept("Created by (OS user)", System.getProperty("user.name"));
        r[0]++;
        header(sheet.createRow(r[0]++), styles, "List", "Contents", "Rows");
        for (ListSpec list : template.lists()) {
            Row row = sheet.createRow(r[0]++);
            row.createCell(0).setCellValue(list.sheet());
            row.createCell(1).setCellValue(list.title());
            row.createCell(2).setCellValue(rows.get(list.sheet()));
        }
        r[0]++;
        header(sheet.createRow(r[0]++), styles, "Source extract", "Table", "Extract date");
        try (ResultSet rs = st.executeQuery("SELECT source, table_name, extract_date FROM ops.extract_snapshot "
                + "WHERE extract_date IS NOT NULL ORDER BY source, table_name")) {
            while (rs.next()) {
                Row row = sheet.createRow(r[0]++);
                row.createCell(0).setCellValue(rs.getString(1));
                row.createCell(1).setCellValue(rs.getString(2));
                Cell d = row.createCell(2);
                d.setCellValue(rs.getObject(3, LocalDate.class));
                d.setCellStyle(styles.date);
            }
        }
        r[0]++;
        header(sheet.createRow(r[0]++), styles, "Data-quality warnings (" + warnings.size() + ")");
        if (warnings.isEmpty()) {
            sheet.createRow(r[0]++).createCell(0).setCellValue("none");
        }
        for (String warning : warnings) {
            text(sheet.createRow(r[0]++).createCell(0), warning, styles);
        }
        r[0]++;
        dataQualityIssues(sheet, styles, st, r);
    }

    /**
     * The nightly data-quality rules whose problems show in Annex A (marts.data_quality_issues), by rule: the
     * records to correct before the workbook goes. Each issue, with its child and team, is in the mart.
     */
    private static void dataQualityIssues(SXSSFSheet sheet, Styles styles, Statement st, int[] r) throws SQLException {
        try (ResultSet has = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'marts' "
                + "AND table_name = 'data_quality_issues'")) {
            has.next();
            if (has.getLong(1) == 0) {
                return;
            }
        }
        header(sheet.createRow(r[0]++), styles, "Data-quality rule (marts.data_quality_issues)", "Problem",
                "Open issues", "Annex A column it spoils");
        int rules = 0;
        try (ResultSet rs = st.executeQuery("SELECT i.rule_code, any_value(q.message), count(*), any_value(q.annex_a) "
                + "FROM marts.data_quality_issues AS i JOIN reference.data_quality_rules AS q USING (rule_code) "
                + "WHERE coalesce(q.annex_a, '') <> '' GROUP BY i.rule_code ORDER BY i.rule_code")) {
            while (rs.next()) {
                rules++;
                Row row = sheet.createRow(r[0]++);
                text(row.createCell(0), rs.getString(1), styles);
                text(row.createCell(1), rs.getString(2), styles);
                row.createCell(2).setCellValue(rs.getLong(3));
                text(row.createCell(3), rs.getString(4), styles);
            }
        }
        if (rules == 0) {
            sheet.createRow(r[0]++).createCell(0).setCellValue("none open");
        }
    }

    private static void header(Row row, Styles styles, String... names) {
        for (int i = 0; i < names.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names[i]);
            c.setCellStyle(styles.header);
        }
    }

    /**
     * Text that Excel might read as a formula when re-typed (or saved as CSV) keeps its value and gets a
     * quote-prefix style: a leading =, +, -, @, tab or carriage return (OWASP's list).
     */
    static void text(Cell cell, String s, Styles styles) {
        cell.setCellValue(s);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            cell.setCellStyle(styles.quoted);
        }
    }

    private static ResultSet one(Statement st, String sql) throws SQLException {
        ResultSet rs = st.executeQuery(sql);
        if (!rs.next()) {
            throw new IllegalStateException("no row from " + sql);
        }
        return rs;
    }

    private static void audit(DataDir dataDir, Result r) throws IOException {
        StringBuilder byList = new StringBuilder();
        r.rowsBySheet().forEach((k, v) -> byList.append(byList.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        AuditLog.append(dataDir.root(), List.of(
                LocalDateTime.now(ZoneId.systemDefault()).withNano(0).toString(),
                System.getProperty("user.name"),
                "annex_a",
                r.template(),
                r.asAt().toString(),
                r.windowStart().toString(),
                r.windowEnd().toString(),
                r.file().toString(),
                Long.toString(r.totalRows()),
                byList.toString()));
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        restrict(dir, OWNER_ONLY_DIR);
    }

    private static Path createPrivateFile(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("annex-a: cannot set owner-only permissions on this file system; protect {} by hand", p);
        }
    }

    static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle quoted;

        Styles(SXSSFWorkbook wb, String dateFormat) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(dateFormat));
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat(dateFormat + " hh:mm:ss"));
            quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
        }
    }
}
