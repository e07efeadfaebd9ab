package uk.csc.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.contract.ColumnContract;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractIntegrityTest {
    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);
    private static final int CHILDREN = 6_000;

    /**
     * Contract references that the SSD spec words loosely: a person id said to reference an episode id,
     * or a table name that does not exist. Each is checked against what the column really holds instead.
     */
    private static final Map<String, String> REFERENCE_AS_MEANT = Map.of(
            "ssd_permanence.perm_person_id", "ssd_person.pers_person_id",
            "ssd_cla_episodes.clae_cla_placement_id", "ssd_cla_placement.clap_cla_placement_id",
            "ssd_cin_visits.cinv_person_id", "ssd_person.pers_person_id",
            "ssd_cla_health.clah_person_id", "ssd_person.pers_person_id",
            "ssd_cla_visits.clav_person_id", "ssd_person.pers_person_id",
            "ssd_cp_reviews.cppr_person_id", "ssd_person.pers_person_id",
            "ssd_cp_visits.cppv_person_id", "ssd_person.pers_person_id");

    private Path tmp;
    private ExtractFiles files;
    private ContractCatalog catalog;
    private GenerationSummary summary;

    @BeforeAll
    void generate(@TempDir Path dir) throws IOException {
        tmp = dir;
        summary = SyntheticAuthority.write(new GeneratorSettings(CHILDREN, 3, 11L, AS_AT, null), tmp);
        files = new ExtractFiles(tmp);
        catalog = ContractCatalog.fromClasspath();
    }

    @Test
    void everyContractTableIsWrittenWithItsExactHeader() throws IOException {
        for (TableContract c : catalog.forSource("case")) {
            Path f = tmp.resolve("inbox/case/" + c.table() + ".csv");
            assertTrue(Files.exists(f), c.table());
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.startsWith("\uFEFF"), "no BOM");
            assertFalse(text.contains("\r"), "LF line ends");
            assertEquals(String.join(",", c.columnNames()), text.substring(0, text.indexOf('\n')), c.table());
            assertEquals(AS_AT.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant(),
                    Files.getLastModifiedTime(f).toInstant(), "extract date stamp on " + c.table());
            long rows = text.chars().filter(ch -> ch == '\n').count() - 1;
            assertEquals(summary.rows("case/" + c.table()), rows, c.table());
        }
        try (Stream<Path> s = Files.list(tmp.resolve("inbox/case"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left behind");
        }
    }

    @Test
    void coreTablesArePopulated() {
        for (String t : List.of("ssd_person", "ssd_contacts", "ssd_cin_episodes", "ssd_cin_assessments", "ssd_professionals",
                "ssd_department", "ssd_involvements", "ssd_s47_enquiry", "ssd_initial_cp_conference", "ssd_cp_plans",
                "ssd_cp_reviews", "ssd_cla_episodes", "ssd_cla_placement", "ssd_cla_reviews", "ssd_missing", "ssd_legal_status",
                "ssd_care_leavers", "ssd_permanence", "ssd_assessment_factors", "ssd_early_help_episodes", "ssd_cla_care_plan")) {
            assertTrue(summary.rows("case/" + t) > 0, t);
        }
    }

    @Test
    void everyReferenceResolves() {
        Map<String, Set<String>> keys = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (TableContract c : catalog.forSource("case")) {
            for (ColumnContract col : c.columns()) {
                String ref = REFERENCE_AS_MEANT.getOrDefault(c.table() + "." + col.name(), col.references());
                if (ref == null) {
                    continue;
                }
                String[] parts = ref.split("\\.");
                Set<String> parent = keys.computeIfAbsent(ref, k -> {
                    Set<String> s = new HashSet<>();
                    files.rows(parts[0]).forEach(r -> s.add(r.get(parts[1])));
                    return s;
                });
                for (Map<String, String> row : files.rows(c.table())) {
                    String v = row.get(col.name());
                    if (!v.isEmpty() && !parent.contains(v)) {
                        broken.add(c.table() + "." + col.name() + "=" + v + " -> " + ref);
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> broken.size() + " broken, e.g. " + broken.subList(0, Math.min(5, broken.size())));
        Set<String> referrals = keys.get("ssd_cin_episodes.cine_referral_id");
        for (Map<String, String> p : files.rows("ssd_cp_plans")) {
            assertTrue(referrals.contains(p.get("cppl_referral_id")), "plan's referral");
        }
    }

    @Test
    void nothingIsDatedAfterAsAtAndEndsFollowStarts() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (TableContract c : catalog.forSource("case")) {
            List<String> dated = c.columns().stream().filter(col -> col.type().equals("date") || col.type().equals("timestamp"))
                    .map(ColumnContract::name).toList();
            for (Map<String, String> row : files.rows(c.table())) {
                for (String col : dated) {
                    LocalDate d = ExtractFiles.date(row, col);
                    if (d != null && d.isAfter(AS_AT)) {
                        problems.add(c.table() + "." + col + " " + d);
                        kinds.merge(c.table() + "." + col, 1, Integer::sum);
                    }
                }
                for (String col : dated) {
                    String startCol = startFor(col);
                    if (startCol != null && row.containsKey(startCol)) {
                        String s = row.get(startCol);
                        String e = row.get(col);
                        if (!s.isEmpty() && !e.isEmpty() && e.compareTo(s) < 0) {
                            problems.add(c.table() + " " + startCol + "=" + s + " > " + col + "=" + e);
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems " + kinds + ", e.g. " + problems.subList(0, Math.min(5, problems.size())));
    }

    @Test
    void carePlansLieInTheirPeriodOfCareAndMatchHowItEnded() {
        // A period of care: its episodes (clae_cla_id), from the first start to the last ceased date (open if blank).
        Map<String, LocalDate> careStart = new HashMap<>();
        Map<String, LocalDate> careEnd = new HashMap<>();
        Map<String, String> careReason = new HashMap<>();
        Map<String, String> carePerson = new HashMap<>();
        Set<String> open = new HashSet<>();
        for (Map<String, String> e : files.rows("ssd_cla_episodes")) {
            String cla = e.get("clae_cla_id");
            LocalDate s = ExtractFiles.date(e, "clae_cla_episode_start_date");
            LocalDate end = ExtractFiles.date(e, "clae_cla_episode_ceased_date");
            carePerson.put(cla, e.get("clae_person_id"));
            careStart.merge(cla, s, (a, b) -> a.isBefore(b) ? a : b);
            if (end == null) {
                open.add(cla);
            } else if (careEnd.get(cla) == null || end.isAfter(careEnd.get(cla))) {
                careEnd.put(cla, end);
                careReason.put(cla, e.get("clae_cla_episode_ceased_reason"));
            }
        }
        Map<String, Map<String, String>> lastPlan = new HashMap<>();
        for (Map<String, String> p : files.rows("ssd_cla_care_plan")) {
            String cla = p.get("lacp_table_id").substring(0, p.get("lacp_table_id").lastIndexOf("-CP"));
            LocalDate s = ExtractFiles.date(p, "lacp_cla_care_plan_start_date");
            LocalDate end = ExtractFiles.date(p, "lacp_cla_care_plan_end_date");
            assertTrue(careStart.containsKey(cla), "plan in a period of care: " + p.get("lacp_table_id"));
            assertEquals(carePerson.get(cla), p.get("lacp_person_id"), "the same child");
            assertFalse(s.isBefore(careStart.get(cla)), "plan starts in care: " + p.get("lacp_table_id"));
            if (!open.contains(cla)) {
                assertTrue(end != null && !end.isAfter(careEnd.get(cla)), "plan ends with the care: " + p.get("lacp_table_id"));
            }
            assertTrue(p.get("lacp_cla_care_plan_json").matches("\\{(\"[A-Z0-9]+\": \"Y?\"(, )?){10}}"), p.get("lacp_cla_care_plan_json"));
            lastPlan.merge(cla, p, (a, b) -> ExtractFiles.date(a, "lacp_cla_care_plan_start_date")
                    .isAfter(ExtractFiles.date(b, "lacp_cla_care_plan_start_date")) ? a : b);
        }
        // Adopted children's last plan was adoption; special guardianship leavers' was kinship (or other).
        int adopted = 0;
        int sgo = 0;
        for (Map.Entry<String, Map<String, String>> e : lastPlan.entrySet()) {
            String reason = open.contains(e.getKey()) ? "" : careReason.get(e.getKey());
            String json = e.getValue().get("lacp_cla_care_plan_json");
            if (reason.equals("E11") || reason.equals("E12")) {
                adopted++;
                assertTrue(json.contains("\"ADOPTION\": \"Y\""), json);
            } else if (reason.matches("E4[5-8]")) {
                sgo++;
                assertTrue(json.contains("\"LTRELFR\": \"Y\"") || json.contains("\"OTHERPLN\": \"Y\""), json);
            }
        }
        assertTrue(adopted > 0 && sgo > 0, "adoptions " + adopted + ", SGOs " + sgo);
    }

    @Test
    void assessmentsFollowTheirReferralAndChildrenAreOfAge() {
        Map<String, LocalDate> referralDate = new HashMap<>();
        files.rows("ssd_cin_episodes").forEach(r -> referralDate.put(r.get("cine_referral_id"), ExtractFiles.date(r, "cine_referral_date")));
        for (Map<String, String> a : files.rows("ssd_cin_assessments")) {
            LocalDate auth = ExtractFiles.date(a, "cina_assessment_auth_date");
            if (auth != null && auth.isBefore(referralDate.get(a.get("cina_referral_id")))) {
                fail("assessment authorised before its referral: " + a.get("cina_assessment_id"));
            }
        }
        Map<String, LocalDate> dob = new HashMap<>();
        files.rows("ssd_person").forEach(p -> dob.put(p.get("pers_person_id"), ExtractFiles.date(p, "pers_dob")));
        for (Map<String, String> r : files.rows("ssd_cin_episodes")) {
            LocalDate born = dob.get(r.get("cine_person_id"));
            LocalDate d = ExtractFiles.date(r, "cine_referral_date");
            assertFalse(d.isBefore(born), "referred before birth");
            assertTrue(d.isBefore(born.plusYears(18)), "referred as an adult");
        }
    }

    @Test
    void populationFileCoversEveryFinancialYear() throws IOException {
        List<String> lines = Files.readAllLines(tmp.resolve("reference/population_0_17.csv"));
        assertEquals("area_code,financial_year,population_0_17", lines.get(0));
        assertEquals(List.of("2022-23", "2023-24", "2024-25"), lines.stream().skip(1).map(l -> l.split(",")[1]).toList());
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            assertEquals("E09000028", f[0]);
            assertTrue(Math.abs(Integer.parseInt(f[2]) - CHILDREN) <= CHILDREN * 0.04, l);
        }
        assertEquals(String.valueOf(CHILDREN), lines.get(lines.size() - 1).split(",")[2]);
    }

    /** The start column paired with an end column, by the SSD naming pattern. */
    private static String startFor(String col) {
        if (col.endsWith("_end_date")) {
            return col.replace("_end_date", "_start_date");
        }
        if (col.equals("clae_cla_episode_ceased_date")) {
            return "clae_cla_episode_start_date";
        }
        if (col.equals("cine_close_date")) {
            return "cine_referral_date";
        }
        if (col.equals("cina_assessment_auth_date")) {
            return "cina_assessment_start_date";
        }
        return null;
    }
}
