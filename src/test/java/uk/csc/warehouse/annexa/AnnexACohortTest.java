package uk.csc.warehouse.annexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;

/** The hand-built cohort (src/test/resources/cohorts/annex_a/README.md): each child on exactly the right lists. */
class AnnexACohortTest {
    @TempDir
    static Path root;
    static TestAuthority authority;
    static AnnexAExport.Result result;
    static AnnexAWorkbook workbook;

    @BeforeAll
    static void export() throws Exception {
        authority = TestAuthority.fromCohort("annex_a", root);
        authority.load();
        authority.build();
        result = AnnexAExport.fromClasspath().run(authority.dataDir, new AnnexAExport.Request(null, 6, null, null));
        workbook = AnnexAWorkbook.readAndCheck(result.file(), AnnexATemplate.load("2024"));
    }

    @Test
    void each_child_is_on_exactly_the_right_lists() {
        Map<String, Set<String>> listsByChild = new TreeMap<>();
        workbook.sheets.forEach((sheet, rows) -> rows.forEach(r -> {
            Object id = r.containsKey("Child Unique ID") ? r.get("Child Unique ID") : r.get("Individual adopter identifier");
            listsByChild.computeIfAbsent(String.valueOf(id), k -> new TreeSet<>()).add(sheet);
        }));
        assertEquals(Map.of(
                "A01", Set.of("List 3", "List 6"),
                "A03", Set.of("List 6", "List 7"),
                "A04", Set.of("List 9"),
                "A05", Set.of("List 1"),
                "A06", Set.of("List 3")), listsByChild);
        assertEquals(LocalDate.of(2025, 3, 31), result.asAt());
        assertEquals(LocalDate.of(2024, 10, 1), result.windowStart());
    }

    @Test
    void rows_carry_the_hand_worked_values() {
        Map<String, Object> referral = workbook.rows("List 3").get(0);
        assertEquals(LocalDate.of(2024, 10, 1), referral.get("Date of referral"));
        assertEquals("a) 1A: Individual", referral.get("Referral Source"));
        assertEquals("b) No", referral.get("Referral NFA?"));
        assertEquals(1.0, referral.get("Number of Referrals in Last 12 Months"));
        assertEquals("b) Female", referral.get("Gender"));
        assertEquals("a) WBRI", referral.get("Ethnicity"));
        assertEquals(9.0, referral.get("Age of Child (Years)"));

        Map<String, Object> nfa = workbook.rows("List 3").get(1);
        assertEquals("A06", nfa.get("Child Unique ID"));
        assertEquals("a) Yes", nfa.get("Referral NFA?"));
        assertEquals("g) 3A: Health services", nfa.get("Referral Source"));

        Map<String, Object> plan = workbook.rows("List 7").get(0);
        assertEquals(LocalDate.of(2024, 11, 20), plan.get("Child Protection Plan End Date"));
        assertEquals("a) Neglect", plan.get("Initial Category of Abuse"));
        assertEquals(0.0, plan.get("Number of Previous Child Protection Plans"));
        assertEquals("b) No", plan.get("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"));
        assertEquals("W03", plan.get("Allocated Worker"), "closed plan: the allocation in force when it ended");
        assertEquals("Child Protection Team 3", plan.get("Allocated Team"));

        Map<String, String> status = workbook.rows("List 6").stream().collect(Collectors.toMap(
                r -> (String) r.get("Child Unique ID"), r -> (String) r.get("Case Status")));
        assertEquals(Map.of("A01", "d) Open assessment", "A03", "e) Closed episode"), status);

        Map<String, Object> leaver = workbook.rows("List 9").get(0);
        assertNull(leaver.get("Latest Date of Contact"));
        assertNull(leaver.get("LA in Touch"), "nothing recorded: blank, and the summary says so");
        assertEquals("b) Former relevant child", leaver.get("Eligibility Category"));
        assertEquals(LocalDate.of(2025, 1, 10), leaver.get("Latest Pathway Plan Review Date"));

        Map<String, Object> contact = workbook.rows("List 1").get(0);
        assertEquals("q) 6: Police", contact.get("Contact Source"));
        assertEquals("t) NOBT", contact.get("Ethnicity"));
        assertEquals("c) Not stated/recorded", contact.get("Gender"));
        assertNull(contact.get("Date of Birth"));
    }

    @Test
    void summary_warns_and_the_file_is_private_and_audited() throws Exception {
        String summary = String.join("\n", workbook.summaryText);
        assertTrue(summary.contains("List 1 (Contacts): 1 row(s) with no date of birth"), summary);
        assertTrue(summary.contains("List 11 (Adopters): no rows"), summary);
        assertTrue(summary.contains("List 9 (Care leavers), LA in Touch: 1 row(s) blank where the template expects a value: "
                + "row 2 (A04)"), summary);
        assertTrue(summary.contains("ssd_person | 2025-03-31"), summary);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.file())));
        List<String> audit = Files.readAllLines(AuditLog.file(root));
        assertEquals(2, audit.size(), "header and one extract");
        assertTrue(audit.get(1).contains("\"annex_a\",\"2024\",\"2025-03-31\""), audit.get(1));
        assertTrue(audit.get(1).contains("List 1=1; List 2=0; List 3=2; List 4=0; List 5=0; List 6=2"), audit.get(1));
        try (var files = Files.list(result.file().getParent())) {
            assertEquals(List.of(result.file().getFileName().toString()), files
                    .filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void summary_dates_are_excel_dates() throws Exception {
        try (var in = Files.newInputStream(result.file());
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            Map<String, Cell> byKey = new TreeMap<>();
            for (var row : wb.getSheet("Summary")) {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    byKey.put(row.getCell(0).toString(), row.getCell(1));
                }
            }
            for (String key : List.of("As-at date", "Window start", "Window end", "Created")) {
                Cell c = byKey.get(key);
                assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, c.getCellType(), key);
                assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c), key + " has a date format");
            }
            assertEquals(LocalDate.of(2024, 10, 1), byKey.get("Window start").getLocalDateTimeCellValue().toLocalDate());
        }
    }

    @Test
    void text_that_excel_could_evaluate_gets_a_quote_prefix_not_a_changed_value() throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            AnnexAExport.Styles styles = new AnnexAExport.Styles(wb, "dd/mm/yyyy");
            var row = wb.createSheet("x").createRow(0);
            for (String s : List.of("=HYPERLINK(\"x\")", "+44", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "Team 1")) {
                Cell c = row.createCell(row.getPhysicalNumberOfCells());
                AnnexAExport.text(c, s, styles);
                assertEquals(s, c.getStringCellValue());
                assertEquals(!s.startsWith("T"), c.getCellStyle().getQuotePrefixed(), s);
            }
            wb.dispose();
        }
    }

    @Test
    void a_failed_export_leaves_no_file_and_no_spilled_rows() throws Exception {
        Path out = root.resolve("failed").resolve("annex_a.xlsx");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AnnexAExport.fromClasspath().run(authority.dataDir,
                        new AnnexAExport.Request(null, 6, out, "1999")));
        assertTrue(e.getMessage().contains("marts.annex_a_no_such_model"), e.getMessage());
        try (var files = Files.walk(out.getParent())) {
            assertEquals(List.of(out.getParent()), files.toList(), "no workbook, temporary file or scratch folder left");
        }
    }

    @Test
    void a_future_as_at_date_is_refused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AnnexAExport.fromClasspath().run(authority.dataDir,
                        new AnnexAExport.Request(LocalDate.of(2025, 4, 1), 6, null, null)));
        assertTrue(e.getMessage().contains("after the newest extract"));
    }
}
