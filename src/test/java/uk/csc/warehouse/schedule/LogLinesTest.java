package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.RunLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * What the nightly writes to its log, read from a real child JVM as the systemd journal would get it: one line
 * per step with the run id, its duration and counts, in text or (CSC_LOG_FORMAT=json) one JSON object per line;
 * and never a value from the data, even for the rows it quarantines or the file it refuses.
 */
class LogLinesTest {
    /** Values that only occur inside the delivered files: a bad date, a child id with no person, a name. */
    private static final List<String> VALUES = List.of("31/02/2024", "ZQX900", "Zebedee", "2013-07-19");

    @TempDir
    Path root;

    @Test
    void json_logs_have_one_object_per_line_steps_with_run_id_and_no_personal_values() throws Exception {
        List<String> lines = nightly("json");
        assertTrue(lines.size() > 5, String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), "one JSON object per line: " + line);
        }
        String runId = runId(lines.stream().filter(l -> l.contains("\"run_id\"")).findFirst().orElseThrow(
                () -> new AssertionError("no line carries a run id:\n" + String.join("\n", lines))));
        assertTrue(runId.startsWith("nightly-"), runId);
        for (String step : List.of("load", "build", "outputs")) {
            List<String> done = lines.stream().filter(l -> l.contains("step " + step + " done in ")).toList();
            assertEquals(1, done.size(), "one line for step " + step + ":\n" + String.join("\n", lines));
            assertTrue(done.get(0).contains("\"run_id\":\"" + runId + "\""), done.get(0));
        }
        // Rows: person 12 + episodes 15 + assessments 6 + contacts 3 = 36 read; the bad date (K2) and the contact
        // whose child is not in ssd_person (K3) quarantined; ssd_mother refused whole (no header row).
        String load = lines.stream().filter(l -> l.contains("step load done in ")).findFirst().orElseThrow();
        assertTrue(load.matches(".*step load done in \\d+ ms: 5 file\\(s\\), 36 rows read, 34 loaded, 2 quarantined;"
                + " 1 file\\(s\\) refused.*"), load);
        // Lines logged on the ingest route's own threads carry the run too.
        List<String> landed = lines.stream().filter(l -> l.contains("landed case")).toList();
        assertEquals(4, landed.size(), String.join("\n", lines));
        landed.forEach(l -> assertTrue(l.contains("\"run_id\":\"" + runId + "\""), l));
        String refused = lines.stream().filter(l -> l.contains("quarantined case")).findFirst().orElseThrow();
        assertTrue(refused.contains("\"run_id\":\"" + runId + "\""), refused);
        assertNoValues(lines);
    }

    @Test
    void text_logs_carry_the_run_id_on_every_line_of_a_run_and_no_personal_values() throws Exception {
        List<String> lines = nightly("text");
        List<String> steps = lines.stream().filter(l -> l.contains(" step ") || l.contains("landed case")
                || l.contains("rows quarantined")).toList();
        assertEquals(8 + 4 + 1, steps.size(), "started and done for pull, load, build, outputs; four files landed;"
                + " one with rows quarantined:\n" + String.join("\n", lines));
        Pattern runTag = Pattern.compile(" \\[(nightly-\\d{8}-\\d{6}-[0-9a-f]{4})\\] ");
        for (String s : steps) {
            assertTrue(runTag.matcher(s).find(), "run id on: " + s);
        }
        assertNoValues(lines);
    }

    /**
     * The front_door cohort, plus tonight's contacts with a row that has an impossible date and one whose child
     * is not in ssd_person (both quarantined), and a person file that left out its header (refused whole).
     */
    private List<String> nightly(String format) throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Path inbox = authority.dataDir.inbox("case");
        Files.writeString(inbox.resolve("ssd_contacts_20240930.csv"), String.join("\n",
                "cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_desc",
                "K1,C01,2024-05-01,School",
                "K2,C02,31/02/2024,School",
                "K3,ZQX900,2024-05-02,Neighbour",
                ""));
        Files.writeString(inbox.resolve("ssd_mother_20240930.csv"), "C01,Zebedee,2013-07-19,2013-07-19\n");
        // json: the service, as systemd runs it (its nightly is made up at start-up: the ledger is empty), stopped
        // with SIGTERM once the run is recorded. text: `request nightly` typed at a terminal, with no service up.
        boolean serve = "json".equals(format);
        if (serve) {
            Files.writeString(root.resolve(ScheduleConfig.FILE_NAME), String.join("\n", "schedule.nightly.cron=0 0 2 * * ?",
                    "schedule.indicator-snapshot.cron=off", "schedule.pack.cron=off", "schedule.comparators.cron=off",
                    "schedule.cin-census.cron=off", "schedule.ssda903.cron=off", ""));
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "uk.csc.warehouse.cli.Main",
                serve ? "serve" : "request", "--data-dir", root.toString());
        if (!serve) {
            pb.command().add(NightlyLoadJob.NAME);
        }
        pb.environment().put("CSC_LOG_FORMAT", format);
        pb.environment().remove("CSC_LOG_LEVEL");
        Path log = root.resolve("nightly." + format + ".log");
        Process p = pb.redirectError(log.toFile()).redirectOutput(root.resolve("nightly.out").toFile()).start();
        try {
            if (serve) {
                ScheduleTesting.await(java.time.Duration.ofMinutes(5), "the service's nightly to finish", () ->
                        !p.isAlive() || RunLedger.of(authority.dataDir).recent(NightlyLoadJob.NAME, 1).stream()
                                .anyMatch(RunRecord::finished));
                p.destroy(); // SIGTERM
            }
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the nightly finished");
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("nightly partial after")), "the run finished, partial:\n"
                + String.join("\n", lines));
        assertEquals(RunRecord.PARTIAL, RunLedger.of(authority.dataDir).recent(NightlyLoadJob.NAME, 1).get(0).status());
        return lines;
    }

    private static void assertNoValues(List<String> lines) {
        for (String line : lines) {
            for (String v : VALUES) {
                assertFalse(line.contains(v), "a value from the data reached the log: " + line);
            }
        }
    }

    private static String runId(String jsonLine) {
        Matcher m = Pattern.compile("\"run_id\":\"([^\"]+)\"").matcher(jsonLine);
        assertTrue(m.find(), jsonLine);
        return m.group(1);
    }
}
