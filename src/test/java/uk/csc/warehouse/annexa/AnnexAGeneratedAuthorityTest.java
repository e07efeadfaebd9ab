package uk.csc.warehouse.annexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * Annex A on a generated authority (20,000 children, 3 years to 31 March 2025): the workbook conforms to the
 * template (headers, categories, typed dates), and each list reconciles with the marts for the same window -
 * for the nightly default (6 months to 31 March 2025) and for a re-run with another as-at date and window
 * (3 months to 31 December 2024), which proves the command re-runs the one copy of each rule.
 */
class AnnexAGeneratedAuthorityTest {
    @TempDir
    static Path root;
    static DataDir dataDir;

    @BeforeAll
    static void authority() throws Exception {
        SyntheticAuthority.write(new GeneratorSettings(20_000, 3, 7L, LocalDate.of(2025, 3, 31), "E09000028"), root);
        dataDir = new DataDir(root);
        new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);
        WarehouseBuilder.fromClasspath().build(dataDir);
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
}
