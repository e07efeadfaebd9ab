package uk.csc.warehouse.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the figures an output shows are a real authority's or made up by {@code generate}/{@code demo}.
 * A synthetic authority is compared with the real authority it stands in for (its published figures and
 * statistical neighbours), so without a label a reader would take made-up numbers for that council's own.
 * Every output that shows local figures states it on every page, sheet, chart and file, in these words.
 *
 * <p>How the warehouse knows: the generator writes {@code DIR/reference/data_origin.csv} ({@link #MARKER_FILE});
 * the build loads it as {@code reference.data_origin} (the seed {@code sql/seeds/data_origin.csv} says "not
 * synthetic" for a real authority's folder) and {@code reference.run_context.synthetic} carries it to every
 * output. Read it with {@link #read(Connection)} on the published warehouse.
 *
 * <p>For writers: a workbook puts {@link #banner()} in the first row of every sheet (or beside the headers
 * where a template fixes row 1) and {@link #tag()} in the sheet header; a CSV adds the column
 * {@link #CSV_COLUMN} with {@link #tag()} on every row ({@link #csvColumnSql()}); a chart or page title uses
 * {@link #name(String)} for the authority and shows {@link #tag()}.
 */
public record Provenance(boolean synthetic, String note) {

    public static final String MARKER_FILE = "data_origin.csv";
    public static final String CSV_COLUMN = "data_origin";
    public static final Provenance REAL = new Provenance(false, null);

    /** Short enough for a chart, a sheet header or a CSV cell. */
    public String tag() {
        return synthetic ? "SYNTHETIC DATA - not a real authority" : "";
    }

    /** One sentence for the top of a page or sheet. */
    public String banner() {
        return banner(null);
    }

    /** As {@link #banner()}, naming the real authority whose published figures and neighbours are used. */
    public String banner(String standsInFor) {
        String whose = standsInFor == null ? "the authority it stands in for" : standsInFor;
        return synthetic ? "SYNTHETIC DATA - NOT A REAL AUTHORITY. Every local figure here was made up by "
                + "csc-warehouse's generator (no real child is in it); the published figures beside them are the real "
                + "DfE figures of " + whose + " and its statistical neighbours, shown only to make the comparison work."
                : "";
    }

    /** How to name "us" in a title or legend: the real name, or plainly a synthetic authority. */
    public String name(String realName) {
        return synthetic ? "Synthetic authority (in place of " + (realName == null ? "a real one" : realName) + ")"
                : realName;
    }

    /** A leading select-list item for a CSV query: the label on every row, or nothing for real data. */
    public String csvColumnSql() {
        return synthetic ? "'" + tag() + "' as " + CSV_COLUMN + ", " : "";
    }

    /** Reads {@code reference.run_context.synthetic}; a warehouse built before the column existed is real. */
    public static Provenance read(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select count(*) from duckdb_columns() where schema_name = 'reference' "
                        + "and table_name = 'run_context' and column_name = 'synthetic'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return REAL;
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select coalesce(synthetic, false), origin_note from reference.run_context")) {
            return rs.next() && rs.getBoolean(1) ? new Provenance(true, rs.getString(2)) : REAL;
        }
    }

    /** Written by the generator into {@code DIR/reference/}: marks the data folder as synthetic. */
    public static Path writeMarker(Path referenceDir, String note) throws IOException {
        Files.createDirectories(referenceDir);
        Path target = referenceDir.resolve(MARKER_FILE);
        Path tmp = referenceDir.resolve("." + MARKER_FILE + ".tmp");
        Files.writeString(tmp, "synthetic,note\r\ntrue,\"" + note.replace("\"", "\"\"") + "\"\r\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
