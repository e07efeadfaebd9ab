package uk.csc.warehouse.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.csc.warehouse.support.Sql;

/**
 * A data test: a SELECT that returns the rows breaking a rule; no rows is a pass. Tests come from a
 * model's header ({@code tests: {unique: [...], not_null: [...], accepted_values: {col: [...]},
 * relationships: {col: schema.table.col}}}, and the same under {@code warn:}) and from a
 * {@code <model>.tests.sql} file beside it, where each test starts with a line
 * {@code -- test: <name>} or {@code -- test: <name> severity: warn}.
 * An {@code error} test that fails stops the build from publishing; a {@code warn} test is recorded with its
 * failing rows and the warehouse is published.
 */
public record DataTest(String model, String name, String sql, Severity severity, String aggregate) {

    public enum Severity {
        ERROR, WARN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern MARKER = Pattern.compile(
            "(?m)^--\\s*test:\\s*(\\S+)(?:\\s+severity:\\s*(\\S+))?[ \\t]*$");
    private static final Pattern QUALIFIED_COLUMN = Pattern.compile(
            "(reference|staging|intermediate|marts)\\.([a-z0-9_]+)\\.([a-z0-9_]+)");

    public DataTest(String model, String name, String sql) {
        this(model, name, sql, Severity.ERROR);
    }

    public DataTest(String model, String name, String sql, Severity severity) {
        this(model, name, sql, severity, null);
    }

    /**
     * {@code aggregate}, when set, is an aggregate over the model's table equal to the number of rows {@link #sql}
     * returns, so every such test of a model is counted in one scan (TestQueries) instead of one query each.
     */
    public boolean countedInScan() {
        return aggregate != null;
    }

    static List<DataTest> declared(Model m) {
        List<DataTest> tests = new ArrayList<>();
        m.tests().forEach((kind, spec) -> {
            if ("warn".equals(kind)) {
                if (!(spec instanceof Map<?, ?> warnTests)) {
                    throw new IllegalStateException(m.resource() + ": 'warn:' holds tests like 'tests:' does "
                            + "(e.g. warn: {not_null: [column]})");
                }
                warnTests.forEach((k, v) -> tests.addAll(declared(m, String.valueOf(k), v, Severity.WARN)));
            } else {
                tests.addAll(declared(m, kind, spec, Severity.ERROR));
            }
        });
        return tests;
    }

    private static List<DataTest> declared(Model m, String kind, Object spec, Severity severity) {
        String table = m.qualifiedName();
        List<DataTest> tests = new ArrayList<>();
        switch (kind) {
            case "unique" -> {
                List<String> columns = columns(m, kind, spec);
                tests.add(new DataTest(table, "unique(" + String.join(", ", columns) + ")",
                        "select " + String.join(", ", columns) + ", count(*) as n from " + table
                                + " group by all having count(*) > 1", severity));
            }
            case "not_null" -> columns(m, kind, spec).forEach(c -> tests.add(new DataTest(table, "not_null(" + c + ")",
                    "select * from " + table + " where " + c + " is null", severity,
                    "count(*) filter (where " + c + " is null)")));
            case "accepted_values" -> perColumn(m, kind, spec).forEach((column, values) -> {
                if (!(values instanceof List<?> list) || list.isEmpty()) {
                    throw new IllegalStateException(m.resource() + ": accepted_values of " + column
                            + " must be a list of values, e.g. " + column + ": [a, b]");
                }
                String in = list.stream().map(v -> Sql.literal(String.valueOf(v))).collect(Collectors.joining(", "));
                String broken = column + " is not null and cast(" + column + " as varchar) not in (" + in + ")";
                // the query counts one row per distinct unaccepted value; so does count(distinct) over the same rows
                tests.add(new DataTest(table, "accepted_values(" + column + ")",
                        "select " + column + ", count(*) as n from " + table + " where " + broken + " group by all",
                        severity, "count(distinct " + column + ") filter (where " + broken + ")"));
            });
            case "relationships" -> perColumn(m, kind, spec).forEach((column, target) -> {
                Matcher t = QUALIFIED_COLUMN.matcher(String.valueOf(target));
                if (!t.matches()) {
                    throw new IllegalStateException(m.resource() + ": relationships of " + column
                            + " must name <schema>.<table>.<column>, e.g. staging.stg_case__person.person_id");
                }
                String parent = t.group(1) + "." + t.group(2);
                tests.add(new DataTest(table, "relationships(" + column + " -> " + target + ")",
                        "select child." + column + ", count(*) as n from " + table + " as child where child." + column
                                + " is not null and not exists (select 1 from " + parent + " as parent where parent."
                                + t.group(3) + " = child." + column + ") group by all", severity));
            });
            default -> throw new IllegalStateException(m.resource() + ": unknown declared test '" + kind
                    + "' (use unique, not_null, accepted_values or relationships, optionally under warn:, "
                    + "or write it in " + m.name() + ".tests.sql)");
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static List<String> columns(Model m, String kind, Object spec) {
        if (!(spec instanceof List<?> list)) {
            throw new IllegalStateException(m.resource() + ": " + kind + " takes a list of columns, e.g. " + kind + ": [id]");
        }
        return (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> perColumn(Model m, String kind, Object spec) {
        if (!(spec instanceof Map<?, ?> map)) {
            throw new IllegalStateException(m.resource() + ": " + kind + " maps each column to what it is checked "
                    + "against, e.g. " + kind + ": {column: ...}");
        }
        return (Map<String, Object>) map;
    }

    static List<DataTest> fromFile(String model, String text) {
        List<DataTest> tests = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Severity> severities = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
            severities.add(severity(model, m.group(1), m.group(2)));
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String sql = text.substring(spans.get(i)[1], end).strip();
            sql = sql.lines().collect(Collectors.joining("\n")).replaceFirst(";\\s*$", "");
            tests.add(new DataTest(model, names.get(i), sql, severities.get(i)));
        }
        return tests;
    }

    private static Severity severity(String model, String test, String word) {
        if (word == null || "error".equals(word)) {
            return Severity.ERROR;
        }
        if ("warn".equals(word)) {
            return Severity.WARN;
        }
        throw new IllegalStateException(model + " test " + test + ": severity '" + word + "' is not error or warn");
    }
}
