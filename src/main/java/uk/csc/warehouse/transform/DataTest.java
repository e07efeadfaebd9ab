package uk.csc.warehouse.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A data test: a SELECT that returns the rows breaking a rule; no rows is a pass. Tests come from a
 * model's header ({@code tests: {unique: [...], not_null: [...]}}) and from a {@code <model>.tests.sql}
 * file beside it, where each test starts with a line {@code -- test: <name>}.
 */
public record DataTest(String model, String name, String sql) {

    private static final Pattern MARKER = Pattern.compile("(?m)^--\\s*test:\\s*(\\S+).*$");

    static List<DataTest> declared(Model m) {
        List<DataTest> tests = new ArrayList<>();
        m.tests().forEach((kind, columns) -> {
            switch (kind) {
                case "unique" -> tests.add(new DataTest(m.qualifiedName(), "unique(" + String.join(", ", columns) + ")",
                        "select " + String.join(", ", columns) + ", count(*) as n from " + m.qualifiedName()
                                + " group by all having count(*) > 1"));
                case "not_null" -> columns.forEach(c -> tests.add(new DataTest(m.qualifiedName(), "not_null(" + c + ")",
                        "select * from " + m.qualifiedName() + " where " + c + " is null")));
                default -> throw new IllegalStateException(m.resource() + ": unknown declared test '" + kind
                        + "' (use unique or not_null, or write it in " + m.name() + ".tests.sql)");
            }
        });
        return tests;
    }

    static List<DataTest> fromFile(String model, String text) {
        List<DataTest> tests = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String sql = text.substring(spans.get(i)[1], end).strip();
            sql = sql.lines().collect(Collectors.joining("\n")).replaceFirst(";\\s*$", "");
            tests.add(new DataTest(model, names.get(i), sql));
        }
        return tests;
    }
}
