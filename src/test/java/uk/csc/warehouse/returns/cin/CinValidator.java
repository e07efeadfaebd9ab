package uk.csc.warehouse.returns.cin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Data to Insight's CIN census validator (the sector's judge of the file DfE receives), run as CI runs it from
 * {@code ../shared/validators}. A machine without it fails the test that needs it: a skipped judge is no judge.
 */
final class CinValidator {
    static final Path HOME = Path.of("..", "shared", "validators").toAbsolutePath().normalize();

    /** What the validator said: the XSD line, and the children each child-level rule reported. */
    record Report(String output, boolean xsdValid, Map<String, Set<String>> childrenByRule, Set<String> returnLevel) {}

    private CinValidator() {}

    static Report run(Path xml, String ruleset, String xsdFile, Path out) throws IOException, InterruptedException {
        Path script = HOME.resolve("run_validators.sh");
        assertTrue(Files.isRegularFile(script), "the CIN validator is not at " + script
                + ": CI lays shared/ beside the clone; on a new machine run ../shared/validators/run_validators.sh setup");
        Files.createDirectories(out);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "cin", xml.toAbsolutePath().toString(),
                ruleset, HOME.resolve("specs").resolve(xsdFile).toString()).redirectErrorStream(true);
        pb.environment().put("OUT", out.toAbsolutePath().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "validator still running after 10 minutes");
        assertTrue(p.exitValue() == 0 || p.exitValue() == 2, () -> "the validator could not run:\n" + output);
        Map<String, Set<String>> byRule = new TreeMap<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(out.resolve("cin_issues.csv"))) {
            for (NamedCsvRecord rec : r) {
                byRule.computeIfAbsent(rec.getField("rule_code"), k -> new TreeSet<>()).add(rec.getField("child_id"));
            }
        }
        Set<String> returnLevel = new TreeSet<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(
                out.resolve("cin_return_level_issues.csv"))) {
            for (NamedCsvRecord rec : r) {
                returnLevel.add(rec.getField("rule_code"));
            }
        }
        return new Report(output, output.contains(": valid"), byRule, returnLevel);
    }
}
