package uk.csc.warehouse.transform;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.support.Sql;

/**
 * The long indicator table, generated from the indicator catalogue instead of written by hand: each row of
 * {@code sql/seeds/indicator_catalogue/*.csv} names the model its figures come from ({@code source_model}) and
 * the SQL expressions, over one row of it, of its value, numerator and denominator (usually a column name),
 * with an optional {@code source_filter}. A model writes {@link #MARKER} where the reshaped rows go. Adding an
 * indicator computed by an existing mart is one catalogue row.
 */
final class IndicatorReshape {
    static final String MARKER = "{{ indicator_catalogue_reshape }}";
    private static final String CATALOGUE = "sql/seeds/indicator_catalogue";
    private static final Pattern MODEL_NAME = Pattern.compile("(reference|staging|intermediate|marts)\\.[a-z0-9_]+");

    private IndicatorReshape() {}

    static boolean uses(String sql) {
        return sql.contains(MARKER);
    }

    /** The models the catalogue's rows read, so the reshaping model is built after all of them. */
    static Set<String> sourceModels() {
        Set<String> models = new TreeSet<>();
        for (String resource : ClasspathFolder.list(CATALOGUE, ".csv")) {
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(ClasspathFolder.read(resource))) {
                for (NamedCsvRecord row : csv) {
                    models.add(checkedSource(row.findField("source_model").orElse(""), row.getField("indicator_code"),
                            resource));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return models;
    }

    /** The model's SQL with the marker replaced by one SELECT per row of reference.indicator_catalogue. */
    static String expand(Connection c, Model m) throws SQLException {
        List<String> selects = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT indicator_code, area, "
                + "source_model, source_value, source_numerator, source_denominator, source_filter "
                + "FROM reference.indicator_catalogue ORDER BY area, indicator_code")) {
            while (rs.next()) {
                String code = rs.getString(1);
                String where = "sql/seeds/indicator_catalogue/" + rs.getString(2) + ".csv";
                String source = checkedSource(rs.getString(3), code, where);
                String value = rs.getString(4);
                if (blank(value)) {
                    throw new IllegalStateException(where + ": indicator " + code + " has no source_value; "
                            + "name the column of " + source + " that holds its value");
                }
                selects.add("SELECT " + Sql.literal(code) + " AS indicator_code, period_type, period_label, period_start, "
                        + "period_end, is_complete, CAST((" + value + ") AS DOUBLE) AS value, "
                        + "CAST((" + orNull(rs.getString(5)) + ") AS DOUBLE) AS numerator, "
                        + "CAST((" + orNull(rs.getString(6)) + ") AS DOUBLE) AS denominator FROM " + source
                        + (blank(rs.getString(7)) ? "" : " WHERE " + rs.getString(7)));
            }
        }
        if (selects.isEmpty()) {
            throw new IllegalStateException(m.resource() + ": reference.indicator_catalogue has no rows to reshape");
        }
        return m.sql().replace(MARKER, "(\n" + String.join("\nUNION ALL ", selects) + "\n)");
    }

    private static String checkedSource(String source, String code, String where) {
        if (blank(source) || !MODEL_NAME.matcher(source.strip()).matches()) {
            throw new IllegalStateException(where + ": indicator " + code + " needs a source_model, the model its "
                    + "figures come from (e.g. marts.front_door); found '" + (source == null ? "" : source) + "'");
        }
        return source.strip();
    }

    private static String orNull(String expression) {
        return blank(expression) ? "NULL" : expression;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
