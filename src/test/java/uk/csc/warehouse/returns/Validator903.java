package uk.csc.warehouse.returns;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sector's SSDA903 validator (Data to Insight's DfE-rule checks), run as CI runs it:
 * {@code ../shared/validators/run_validators.sh 903 DIR YEAR LA [PREV]}. A test needing it fails, never skips,
 * when it is missing: the validator is the judge of the return.
 */
final class Validator903 {
    static final Path HOME = Path.of("..", "shared", "validators").toAbsolutePath().normalize();

    record Issue(String rule, String child) implements Comparable<Issue> {
        @Override
        public int compareTo(Issue o) {
            int c = rule.compareTo(o.rule);
            return c != 0 ? c : child.compareTo(o.child);
        }

        @Override
        public String toString() {
            return rule + ":" + child;
        }
    }

    record Run(int rulesRun, int skipped, List<String> crashed, Map<String, Long> failedRules, Set<Issue> issues,
               String output) {}

    private Validator903() {}

    static Path script() {
        Path script = HOME.resolve("run_validators.sh");
        if (!Files.isRegularFile(script)) {
            fail("the SSDA903 validator is missing: expected " + script + " (../shared/validators beside the clone)");
        }
        return script;
    }

    /** @param yearEnd the year the collection ends (2026 for 2025-26) */
    static Run run(Path returnDir, int yearEnd, String laCode, Path previousOrNull, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", script().toString(), "903", returnDir.toString(),
                String.valueOf(yearEnd), laCode));
        if (previousOrNull != null) {
            cmd.add(previousOrNull.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OUT", out.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "validator timed out");
        if (p.exitValue() == 1) {
            fail("the SSDA903 validator could not run:\n" + output);
        }
        Matcher m = Pattern.compile("rules run: (\\d+), skipped \\(tables missing\\): (\\d+), crashed: \\d+ \\[(.*?)\\]")
                .matcher(output);
        if (!m.find()) {
            fail("unexpected validator output:\n" + output);
        }
        List<String> crashed = new ArrayList<>();
        for (String s : m.group(3).split(",")) {
            if (!s.isBlank()) {
                crashed.add(s.trim().replace("'", ""));
            }
        }
        Map<String, Long> failed = new TreeMap<>();
        Set<Issue> issues = new TreeSet<>();
        Path csv = out.resolve("903_issues.csv");
        if (Files.size(csv) > 1) {
            try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(csv)) {
                for (NamedCsvRecord rec : r) {
                    issues.add(new Issue(rec.getField("rule_code"), rec.getField("child_id")));
                }
            }
            issues.forEach(i -> failed.merge(i.rule(), 1L, Long::sum));
        }
        return new Run(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), crashed, failed, issues, output);
    }

    static Run run(Path returnDir, int yearEnd, String laCode, Path previousOrNull) throws Exception {
        Path out = Files.createTempDirectory("v903-");
        return run(returnDir, yearEnd, laCode, previousOrNull, out);
    }

    static void requirePresent() throws IOException {
        script();
    }
}
