package uk.csc.warehouse.annexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.transform.WarehouseBuilder;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * Annex A on a generated authority (6,000 children, 2 years to 31 March 2025; generated, loaded and built once
 * for all four checks, which were two classes each building its own authority):
 * <ul>
 * <li>the workbook conforms to the template (headers, categories, typed dates), and each list reconciles with
 * the marts for the same window - for the nightly default (6 months to 31 March 2025) and for a re-run with
 * another as-at date and window (3 months to 31 December 2024), which proves the command re-runs the one copy
 * of each rule;</li>
 * <li>issue 17's completeness: on a generated authority (whose data is ours, so it can be complete) the
 * workbook has no blank in any column liia-tools' Annex_A_schema.yml marks {@code canbeblank: false}; in
 * particular List 8's LA of Placement (from the placement's postcode district) and List 9's Allocated
 * Personal Advisor (clea_care_leaver_personal_advisor), blank on every row before. Every LA name the
 * postcode lookup can write is one liia accepts for LA of Placement.</li>
 * </ul>
 */
class AnnexAGeneratedAuthorityTest {
    @TempDir
    static Path root;
    static DataDir dataDir;
    /** The nightly default's workbook (6 months to 31 March 2025, template 2024), for the completeness checks. */
    static AnnexAWorkbook workbook;

    @BeforeAll
    static void authority() throws Exception {
        SyntheticAuthority.write(new GeneratorSettings(6_000, 2, 11L, LocalDate.of(2025, 3, 31), "E09000028"), root);
        dataDir = new DataDir(root);
        new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);
        WarehouseBuilder.fromClasspath().build(dataDir);
        Path elsewhere = root.resolve("completeness").resolve("annex_a.xlsx");
        AnnexAExport.Result r = AnnexAExport.fromClasspath().run(dataDir, new AnnexAExport.Request(null, 6, elsewhere, "2024"));
        workbook = AnnexAWorkbook.readAndCheck(r.file(), AnnexATemplate.load("2024"));
    }

    @Test
    void default_window_reconciles_with_the_marts_and_conforms_to_the_template() throws Exception {
        AnnexAExport.Result r = AnnexAExport.fromClasspath().run(dataDir, new AnnexAExport.Request(null, 6, null, "2024"));
        assertEquals(LocalDate.of(2025, 3, 31), r.asAt());
        assertEquals(LocalDate.of(2024, 10, 1), r.windowStart());
        reconcile(r, AnnexAWorkbook.readAndCheck(r.file(), AnnexATemplate.load("2024")));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.file())));
        List<String> audit = Files.readAllLines(AuditLog.file(root));
        assertTrue(audit.get(audit.size() - 1).contains("\"2025-03-31\",\"2024-10-01\",\"2025-03-31\""), audit.toString());
        // the nightly build's tables are the same SQL for the default window
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from marts.annex_a_list_03_referrals")) {
            rs.next();
            assertEquals(r.rowsBySheet().get("List 3"), rs.getLong(1));
        }
    }

    @Test
    void another_as_at_and_window_reconciles_too_and_template_2025_says_sex() throws Exception {
        Path out = root.resolve("elsewhere").resolve("annex_a_dec.xlsx");
        AnnexAExport.Result r = AnnexAExport.fromClasspath()
                .run(dataDir, new AnnexAExport.Request(LocalDate.of(2024, 12, 31), 3, out, "2025"));
        assertEquals(out, r.file());
        assertEquals(LocalDate.of(2024, 10, 1), r.windowStart());
        AnnexATemplate t2025 = AnnexATemplate.load("2025");
        assertTrue(t2025.lists().stream().allMatch(l -> l.headers().contains("Sex") && !l.headers().contains("Gender")));
        reconcile(r, AnnexAWorkbook.readAndCheck(r.file(), t2025));
    }

    private void reconcile(AnnexAExport.Result r, AnnexAWorkbook wb) throws Exception {
        String from = "date '" + r.windowStart() + "'";
        String to = "date '" + r.windowEnd() + "'";
        String months = "period_type = 'month' and period_start between " + from + " and " + to;
        String month = "period_type = 'month' and period_label = '" + r.asAt().toString().substring(0, 7) + "'";
        long referrals = mart("select sum(referrals) from marts.front_door where " + months);
        long assessments = mart("select sum(assessments_completed) from marts.front_door where " + months);
        long s47 = mart("select sum(s47_started) from marts.s47_enquiries where " + months);
        long onPlan = mart("select children_on_plan from marts.cp_plans where " + month);
        long cla = mart("select cla_count from marts.children_in_care where " + month);
        long cin = mart("select children_in_need from marts.children_in_need where " + month);
        long leavers = mart("select care_leavers_open from marts.care_leavers where " + month);
        long contacts = mart("select count(*) from intermediate.int_contacts_classified where contact_date between "
                + from + " and " + to);
        System.out.printf("annex-a reconciliation as at %s: contacts %d, referrals %d, assessments completed %d, "
                + "s47 %d, CIN %d, CP %d, CLA %d, care leavers %d%n", r.asAt(), contacts, referrals, assessments, s47,
                cin, onPlan, cla, leavers);
        assertTrue(referrals > 100 && onPlan > 10 && cla > 10 && leavers > 5, "a plausible authority");

        assertEquals(contacts, wb.rows("List 1").size(), "List 1 = contacts in the window");
        assertEquals(referrals, wb.rows("List 3").size(), "List 3 = front_door referrals over the window");
        assertEquals(assessments, wb.rows("List 4").stream().filter(x -> AnnexAWorkbook.between(
                x.get("Continuous Assessment Date of Authorisation"), r.windowStart(), r.windowEnd())).count(),
                "List 4 authorised in the window = front_door assessments_completed");
        assertEquals(s47, wb.rows("List 5").size(), "List 5 = s47_started over the window");
        assertEquals(cin, wb.distinct("List 6", "Child Unique ID", x -> !"e) Closed episode".equals(x.get("Case Status"))),
                "List 6 open at as-at = children_in_need");
        assertEquals(onPlan, wb.distinct("List 7", "Child Unique ID", x -> x.get("Child Protection Plan End Date") == null),
                "List 7 open at as-at = children_on_plan");
        assertEquals(cla, wb.distinct("List 8", "Child Unique ID", x -> x.get("Date Ceased to be Looked After") == null),
                "List 8 looked after at as-at = cla_count");
        assertEquals(leavers, wb.rows("List 9").size(), "List 9 = care_leavers_open");
        assertEquals(0, wb.rows("List 11").size());
        // every list's rows sit in the window (or are open at the as-at date)
        assertTrue(wb.rows("List 3").stream().allMatch(x -> AnnexAWorkbook.between(x.get("Date of referral"), r.windowStart(), r.windowEnd())));
        assertTrue(wb.rows("List 7").stream().allMatch(x -> x.get("Child Protection Plan End Date") == null
                || AnnexAWorkbook.between(x.get("Child Protection Plan End Date"), r.windowStart(), r.windowEnd())));
        // the summary states the as-at date, the window and the extract dates
        String summary = String.join("\n", wb.summaryText);
        assertTrue(summary.contains("As-at date | " + r.asAt()), summary);
        assertTrue(summary.contains("Window start | " + r.windowStart()), summary);
        assertTrue(summary.contains("ssd_person"), summary);
        assertTrue(wb.sheetNames.indexOf("List 1") == 0 && wb.sheetNames.contains("Summary"));
        r.rowsBySheet().forEach((sheet, n) -> assertEquals(n.longValue(), wb.rows(sheet).size(), sheet));
        r.warnings().forEach(w -> System.out.println("annex-a warning: " + w));
    }

    private long mart(String sql) throws Exception {
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1); // a null sum reads as 0
        }
    }

    @Test
    void no_blank_in_any_column_liia_requires() throws Exception {
        Map<String, Long> blanks = blanksPerRequiredColumn(workbook);
        System.out.println("Annex A blanks per liia-required column (list, header -> blank rows of rows): " + blanks);
        Map<String, Long> nonZero = new LinkedHashMap<>();
        blanks.forEach((k, v) -> {
            if (v > 0) {
                nonZero.put(k, v);
            }
        });
        assertEquals(Map.of(), nonZero, "required columns with blanks");
        assertTrue(workbook.rows("List 8").size() > 10 && workbook.rows("List 9").size() > 5,
                "the authority has children in care and care leavers to check");
        assertTrue(workbook.rows("List 8").stream().anyMatch(r -> "Southwark".equals(r.get("LA of Placement"))));
        assertTrue(workbook.rows("List 8").stream().anyMatch(r -> "Kent".equals(r.get("LA of Placement"))
                || "Medway".equals(r.get("LA of Placement")) || "Lewisham".equals(r.get("LA of Placement"))),
                "placements outside the borough name their authority");
        assertTrue(workbook.summaryText.stream().anyMatch(l -> l.startsWith("Data-quality rule (marts.data_quality_issues)")),
                "the Summary sheet lists the data-quality rules that touch Annex A");
    }

    @Test
    void every_la_name_the_lookup_writes_is_one_liia_accepts() throws Exception {
        Set<String> accepted = liiaPlacementLaNames();
        assertTrue(accepted.size() > 150, "read liia's LA of Placement categories: " + accepted.size());
        Set<String> ours = new TreeSet<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("sql/seeds/postcode_district_local_authority.csv"),
                StandardCharsets.UTF_8))) {
            csv.forEach(r -> ours.add(r.getField("area_name")));
        }
        ours.removeAll(accepted);
        assertEquals(Set.of(), ours, "LA names liia does not accept");
    }

    static Map<String, Long> blanksPerRequiredColumn(AnnexAWorkbook wb) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(
                AnnexAGeneratedAuthorityTest.class.getClassLoader().getResourceAsStream("annex_a/liia_annex_a_columns.csv"),
                StandardCharsets.UTF_8))) {
            for (NamedCsvRecord r : csv) {
                if (Boolean.parseBoolean(r.getField("canbeblank"))) {
                    continue;
                }
                String sheet = "List " + r.getField("list").substring("list_".length());
                List<Map<String, Object>> rows = wb.rows(sheet);
                String header = r.getField("header"); // the 2024 template's headers are liia's (AnnexALiiaContractTest)
                long blank = rows.stream().filter(row -> row.get(header) == null
                        || row.get(header).toString().isBlank()).count();
                out.put(sheet + ", " + header + " (" + rows.size() + " rows)", blank);
            }
        }
        return out;
    }

    /** The names liia's cleaner accepts for LA of Placement (codes and their aliases), read from its schema. */
    static Set<String> liiaPlacementLaNames() throws Exception {
        Path schema = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/liia-tools-pipeline/Annex_A_schema.yml")
                .normalize();
        String text = Files.readString(schema);
        int from = text.indexOf("LA of Placement: &cla-placement-la");
        int to = text.indexOf("canbeblank", from);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+-\\s+(?:code:\\s+)?'?([^'\\n]+?)'?\\s*$").matcher(text.substring(from, to));
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }
}
