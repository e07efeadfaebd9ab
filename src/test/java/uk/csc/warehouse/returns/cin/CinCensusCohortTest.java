package uk.csc.warehouse.returns.cin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.returns.CollectionYear;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The CIN census on ten hand-built children (src/test/resources/cohorts/cin_census/README.md), extract 30 April
 * 2026, census 2025-26. Four clean children and six planted errors: the census shows the data as it is, and
 * Data to Insight's validator reports exactly the planted children, each under the DfE rule it breaks.
 */
class CinCensusCohortTest {
    private static final CollectionYear YEAR = CollectionYear.parse("2025-26");

    @TempDir
    static Path root;
    static TestAuthority authority;
    static LoadReport load;

    @BeforeAll
    static void loadAndBuild() throws Exception {
        authority = TestAuthority.fromCohort("cin_census", root);
        load = authority.load();
        authority.build();
    }

    @Test
    void reversed_dates_in_one_record_are_refused_at_load_so_they_never_reach_the_census() throws Exception {
        // E01's referral after its own closure and E06's assessment authorised before it started: the load names
        // the line and column; the census then holds E06's episode without that assessment, and nothing of E01.
        String quarantined = load.quarantined().toString() + " " + load.results();
        assertTrue(Files.exists(authority.dataDir.quarantine()), quarantined);
        List<String> refused = quarantineRows();
        assertTrue(refused.stream().anyMatch(l -> l.contains("RE01")), refused::toString);
        assertTrue(refused.stream().anyMatch(l -> l.contains("AE06")), refused::toString);
        Map<String, List<String>> episodes = census("select child_id, referral_id from marts.cin_census_children");
        assertFalse(episodes.containsKey("E01"));
        assertEquals(List.of("RE06"), episodes.get("E06"));
        assertTrue(census("select child_id, assessment_id from marts.cin_census_assessments where child_id = 'E06'")
                .isEmpty());
    }

    @Test
    void who_is_in_the_census_and_how_each_child_is_described() throws Exception {
        Map<String, List<String>> rows = census("select child_id, concat_ws('|', coalesce(upn_unknown, '-'), "
                + "coalesce(cast(person_birth_date as varchar), '-'), coalesce(cast(expected_birth_date as varchar), '-'), "
                + "sex_code, ethnicity_code, referral_nfa) from marts.cin_census_children");
        assertEquals(Set.of("G01", "G02", "G03", "G04", "E02", "E03", "E04", "E05", "E06"), rows.keySet());
        assertEquals(List.of("UN7|2023-01-20|-|F|WBRI|1"), rows.get("G03"), "NFA-only child: UPN unknown UN7");
        assertEquals(List.of("UN1|-|2026-06-15|U|WBRI|0"), rows.get("G04"), "unborn: expected date, sex U");
        assertEquals(List.of("UN1|2022-07-02|-|M|CHNE|0"), rows.get("G02"), "SSD's CNHE is DfE's CHNE");
        Map<String, Object> s = one("select * from marts.cin_census_summary");
        // Referrals in the year: 9 episodes (E01's was refused); NFA: G03; assessments authorised: 7 (AE06 refused).
        assertEquals(9L, s.get("referrals"));
        assertEquals(1L, s.get("referrals_nfa"));
        assertEquals(7L, s.get("assessments_authorised"));
        assertEquals(3L, s.get("s47_started"));
        assertEquals(2L, s.get("icpcs"));
        assertEquals(2L, s.get("cp_plans_started"));
        assertEquals(2L, s.get("cp_plans_open"));
        // In need at 31 March: G01, G02, G04, E04, E05, E06 (G03 NFA, E02 and E03 closed).
        assertEquals(6L, s.get("children_in_need"));
    }

    @Test
    void the_validator_reports_exactly_the_planted_children() throws Exception {
        // Written by the streaming writer without the XSD gate (return cin refuses E04's file, see below), so the
        // judge sees the data as it is.
        Path xml = root.resolve("judge").resolve("cohort_2025-26.xml");
        Files.createDirectories(xml.getParent());
        CinYear spec = CinYear.load(YEAR);
        try (Connection c = DuckDb.readOnly(authority.dataDir.warehouse()); Statement st = c.createStatement();
             OutputStream out = Files.newOutputStream(xml)) {
            st.execute("SET VARIABLE cin_census_year_end = DATE '2026-03-31'");
            new CinCensusWriter(spec).write(st, new CinCensusWriter.Header("210", YEAR.end(), 2026, "test",
                    LocalDateTime.of(2026, 4, 30, 9, 0, 0)), out);
        }
        CinValidator.Report r = CinValidator.run(xml, spec.validatorRuleset(), "liia_CIN_schema_2026.xsd",
                root.resolve("judge").resolve("out"));
        assertFalse(r.xsdValid(), r.output());
        assertTrue(Files.readString(xml).contains("<DateTime>2026-04-30T09:00:00</DateTime>"), "seconds kept at :00");
        Map<String, Set<String>> expected = new TreeMap<>(Map.of(
                "1103", Set.of("E02"),
                "8565", Set.of("E03"),
                "8905", Set.of("E04"),
                "8910", Set.of("E04"),
                "8675Q", Set.of("E05")));
        assertEquals(expected, r.childrenByRule(), r.output());
        assertEquals(new TreeSet<>(), r.returnLevel(), r.output());
    }

    @Test
    void return_cin_refuses_a_file_the_xsd_rejects_and_names_the_child() throws Exception {
        CinCensusReturn.InvalidCensus e = assertThrows(CinCensusReturn.InvalidCensus.class, () ->
                new CinCensusReturn().write(authority.dataDir, new CinCensusReturn.Request(YEAR, null, null)));
        assertTrue(e.getMessage().contains("child E04"), e.getMessage());
        assertTrue(e.getMessage().contains("InitialCategoryOfAbuse"), e.getMessage());
        // Nothing of this run is left: no census for the year, no scratch file or folder (a census taken earlier
        // as at a date in the year, by another test, may stand).
        Path folder = authority.dataDir.out().resolve("returns").resolve("cin");
        try (Stream<Path> left = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") || n.equals("210_CIN_2025-26.xml")).toList(),
                    "no file may be left to upload");
        }
    }

    @Test
    void the_command_exits_2_and_says_which_child_to_fix() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = uk.csc.warehouse.cli.Main.execute("return", "cin", "--data-dir",
                    authority.dataDir.root().toString(), "--year", "2025-26");
        } finally {
            System.setErr(before);
        }
        String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, code, said);
        assertTrue(said.contains("child E04") && !said.contains("\tat "), said);
    }

    @Test
    void a_census_as_at_a_date_in_the_year_shows_the_case_system_as_it_stood_that_day() throws Exception {
        // As at 16 June 2025: E04's plan (17 June) and G02's conference (20 June) had not happened, so the file is
        // valid; G02's S47 shows no conference yet, G01's assessment is authorised, G03 not yet referred.
        CinCensusReturn.Result r = new CinCensusReturn().write(authority.dataDir,
                new CinCensusReturn.Request(YEAR, LocalDate.of(2025, 6, 16), null));
        assertEquals(LocalDate.of(2025, 6, 16), r.asAt());
        assertEquals(authority.dataDir.out().resolve("returns/cin/2025-26/210_CIN_2025-26_as_at_2025-06-16.xml"),
                r.file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.file())));
        String xml = Files.readString(r.file());
        assertTrue(xml.contains("<ReferenceDate>2026-03-31</ReferenceDate>"));
        assertTrue(xml.contains("<LEA>210</LEA>"), "LEA from the authority's ONS code in DfE's list");
        assertEquals(3L, r.children(), "G01, G02 and E04 (both referred 2 June); no one referred later");
        assertFalse(xml.contains("<LAchildID>G03</LAchildID>"));
        assertFalse(xml.contains("<DateOfInitialCPC>"), xml);
        assertFalse(xml.contains("<ChildProtectionPlans>"), xml);
        assertTrue(xml.contains("<AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>"));
        List<String> audit = Files.readAllLines(authority.dataDir.root().resolve("ops/audit.csv"));
        assertTrue(audit.get(audit.size() - 1).contains("\"return_cin\",\"2025-26\",\"2025-06-16\""),
                audit.get(audit.size() - 1));
    }

    @Test
    void each_year_writes_its_own_sex_element_and_codes() {
        CinYear y2324 = CinYear.load(CollectionYear.parse("2023-24"));
        assertEquals("GenderCurrent", y2324.sexElement());
        assertEquals("1", y2324.sex("M"));
        assertEquals("0", y2324.sex("U"));
        assertEquals("liia_CIN_schema_2024.xsd", y2324.xsd());
        CinYear y2425 = CinYear.load(CollectionYear.parse("2024-25"));
        assertEquals("Sex", y2425.sexElement(), "DfE moved to Sex M/F/U in 2024-25 (D2I cin2024_25 rule 4180)");
        assertEquals("liia_CIN_schema_2025.xsd", y2425.xsd());
        assertEquals("cin2025_26", CinYear.load(YEAR).validatorRuleset());
    }

    private static List<String> quarantineRows() throws Exception {
        try (Stream<Path> files = Files.walk(authority.dataDir.quarantine())) {
            return files.filter(Files::isRegularFile).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** child id -> values of the second column, for the 2025-26 census as at 31 March 2026. */
    private static Map<String, List<String>> census(String sql) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DuckDb.readOnly(authority.dataDir.warehouse()); Statement st = c.createStatement()) {
            st.execute("SET VARIABLE cin_census_year_end = DATE '2026-03-31'");
            try (ResultSet rs = st.executeQuery(sql + " order by 1, 2")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> one(String sql) throws Exception {
        try (Connection c = DuckDb.readOnly(authority.dataDir.warehouse()); Statement st = c.createStatement()) {
            st.execute("SET VARIABLE cin_census_year_end = DATE '2026-03-31'");
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }
}
