package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.csc.warehouse.support.Sql;

/**
 * A unit test of one model, as dbt's unit tests are: a handful of input rows for the tables it reads, the model's
 * real SQL run over them in an in-memory DuckDB (with the seeds and macros of a build), and the exact output rows.
 * Tables are written as text, one row a line, cells separated by |, a header of column names first; an empty
 * cell is null; DuckDB infers each column's type (dates, booleans, numbers), or the header says it, as
 * {@code end_date:date}. Only the columns the model reads need be given.
 */
final class ModelFixture implements AutoCloseable {
    private final Connection c;
    private final Model model;
    private final Path scratch;
    private int tables;

    private ModelFixture(Connection c, Model model, Path scratch) {
        this.c = c;
        this.model = model;
        this.scratch = scratch;
    }

    static ModelFixture of(String model, Path scratch) throws Exception {
        Model m = ModelCatalog.fromClasspath().models().get(model);
        if (m == null) {
            throw new IllegalArgumentException("no model " + model);
        }
        return new ModelFixture(MacroDatabase.open(scratch), m, scratch);
    }

    /** Rows of an input table the model reads. */
    ModelFixture given(String table, String rows) throws Exception {
        List<String[]> cells = cells(rows);
        Map<String, String> types = new LinkedHashMap<>();
        String[] header = cells.get(0);
        for (int i = 0; i < header.length; i++) {
            String[] nameType = header[i].split(":");
            header[i] = nameType[0];
            if (nameType.length > 1) {
                types.put(nameType[0], nameType[1]);
            }
        }
        Path csv = scratch.resolve("fixture-" + (++tables) + ".csv");
        Files.write(csv, cells.stream().map(r -> Arrays.stream(r).map(ModelFixture::quoted).collect(Collectors.joining(",")))
                .toList());
        String typeOption = types.isEmpty() ? "" : ", types = {" + types.entrySet().stream()
                .map(e -> Sql.literal(e.getKey()) + ": " + Sql.literal(e.getValue())).collect(Collectors.joining(", ")) + "}";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM read_csv(" + Sql.literal(csv)
                    + ", header = true, nullstr = ''" + typeOption + ")");
        }
        return this;
    }

    /** The as-at date, for models (the calendar, reporting periods) that read reference.run_context. */
    ModelFixture asAt(String date) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE reference.run_context AS SELECT DATE " + Sql.literal(date)
                    + " AS as_at_date, 'E09000022' AS la_code, current_timestamp AS built_at");
        }
        return this;
    }

    /** Builds an upstream model from its real SQL (e.g. reference.working_day_calendar) instead of giving rows. */
    ModelFixture withModel(String name) throws SQLException {
        run(ModelCatalog.fromClasspath().models().get(name));
        return this;
    }

    /** Runs the model and asserts its rows, on the given columns, are exactly these (in any order). */
    void expect(String columns, String rows) throws SQLException {
        run(model);
        List<String> expected = cells(columns.replace(",", "|") + "\n" + rows).stream().skip(1)
                .map(r -> String.join(" | ", r)).sorted().toList();
        List<String> actual = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + columns + " FROM "
                + model.qualifiedName())) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? "" : v);
                }
                actual.add(String.join(" | ", row));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual.stream().sorted().toList()),
                model.qualifiedName() + " rows (" + columns + ")");
    }

    private void run(Model m) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + m.qualifiedName() + " AS\n" + m.sql());
        } catch (SQLException e) {
            throw new SQLException(m.resource() + ": " + e.getMessage()
                    + " (give the fixture every table and column the model reads)", e);
        }
    }

    private static List<String[]> cells(String text) {
        return text.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> Arrays.stream(l.split("\\|", -1)).map(String::strip).toArray(String[]::new)).toList();
    }

    private static String quoted(String cell) {
        return cell.isEmpty() ? "" : "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
