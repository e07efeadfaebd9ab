package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.testing.TestAuthority;

/** The complaints mart on seven hand-built complaints (src/test/resources/cohorts/complaints/README.md). */
class ComplaintsCohortTest {
    @TempDir
    static Path root;
    static TestAuthority authority;

    @BeforeAll
    static void loadAndBuild() throws Exception {
        authority = TestAuthority.fromCohort("complaints", root);
        LoadReport report = authority.load();
        assertTrue(report.quarantined().isEmpty(), () -> "quarantined: " + report.quarantined());
        authority.build();
    }

    private Map<String, Object> period(String type, String label) throws Exception {
        return authority.one("select * from marts.complaints where period_type = '" + type + "' and period_label = '" + label + "'");
    }

    private Map<String, Object> stage(String id, int stage) throws Exception {
        return authority.one("select * from marts.complaints_list where complaint_id = '" + id + "' and stage = " + stage);
    }

    @Test
    void working_days_follow_reg_2_across_bank_holidays() throws Exception {
        // Thu 16 May 2024: Fri 17 = 1 ... Fri 24 = 6, Mon 27 May bank holiday, Tue 28 = 7 ... Fri 31 = 10, Mon 3 Jun = 11.
        assertEquals(10, stage("K01", 1).get("working_days"));
        assertEquals(true, stage("K01", 1).get("is_in_time"));
        assertEquals(11, stage("K02", 1).get("working_days"));
        assertEquals(false, stage("K02", 1).get("is_in_time"));
        // Extended stage 1: allowed 20; 14 June is day 20.
        assertEquals(20, stage("K03", 1).get("working_days"));
        assertEquals(20, stage("K03", 1).get("allowed_working_days"));
        assertEquals(true, stage("K03", 1).get("is_in_time"));
        // Extended stage 2 from 20 June: 65 working days (26 Aug skipped) = 20 September, in time.
        assertEquals(65, stage("K03", 2).get("working_days"));
        assertEquals(true, stage("K03", 2).get("is_in_time"));
        // Stage 2 not extended, day 26: late. Stage 3 panel 30 working days after 28 Feb, across Good Friday and Easter Monday: 12 April.
        assertEquals(26, stage("K04", 2).get("working_days"));
        assertEquals(false, stage("K04", 2).get("is_in_time"));
        assertEquals(30, stage("K04", 3).get("working_days"));
        assertEquals(true, stage("K04", 3).get("is_in_time"));
        // Open, received 25 Sep: due 9 Oct, not overdue at 30 Sep.
        assertNull(stage("K06", 1).get("is_in_time"));
        assertEquals(false, stage("K06", 1).get("is_open_overdue"));
    }

    @Test
    void financial_year_2024_25_to_date() throws Exception {
        Map<String, Object> fy = period("financial_year", "2024-25");
        // Stage 1 received 1 Apr - 30 Sep 2024: K01, K02, K03 (16 May), K05 (2 Apr), K07 (1 Jul), K06 (25 Sep) = 6.
        assertEquals(6L, fy.get("stage1_received"));
        assertEquals(1L, fy.get("stage2_received"));   // K03
        assertEquals(0L, fy.get("stage3_received"));   // K04's request was 28 Feb, last year
        // Responded: K05, K01, K02, K03, K07 = 5; in time all but K02 = 4 -> 80.0%.
        assertEquals(5L, fy.get("stage1_responded"));
        assertEquals(4L, fy.get("stage1_in_time"));
        assertEquals(decimal("80.0"), decimal(fy.get("stage1_in_time_pct")));
        assertEquals(decimal("100.0"), decimal(fy.get("stage2_in_time_pct")));       // K03 on day 65
        assertEquals(1L, fy.get("stage3_panels"));                                    // K04's panel met 12 April
        assertEquals(decimal("100.0"), decimal(fy.get("stage3_panels_in_time_pct")));
        // Escalation: of 6 stage 1 complaints, K03 went to stage 2 = 16.7%; K03 did not go to stage 3 = 0.0%.
        assertEquals(decimal("16.7"), decimal(fy.get("stage1_escalated_pct")));
        assertEquals(decimal("0.0"), decimal(fy.get("stage2_escalated_pct")));
        // Outcomes of the 5 responses: upheld K01, K07; partly K02; not K03; withdrawn K05 -> 3 / 4 = 75.0%.
        assertEquals(2L, fy.get("stage1_upheld"));
        assertEquals(1L, fy.get("stage1_partly_upheld"));
        assertEquals(1L, fy.get("stage1_withdrawn"));
        assertEquals(decimal("75.0"), decimal(fy.get("stage1_upheld_or_partly_pct")));
        // Communication: K01, K02, K07 of 6. About a child: K01 (C2), K02, K03 (C3), K07 (C1) = 4;
        // C2 looked after since 10 Jan and C1 on a CP plan since 1 Mar when they were made = 2.
        assertEquals(3L, fy.get("stage1_communication"));
        assertEquals(4L, fy.get("stage1_about_child"));
        assertEquals(2L, fy.get("stage1_child_on_cp_or_cla"));
        // Compliments G2-G4 = 3; 3 / 6 = 0.50 per complaint. Enquiries M1 (day 10) in time, M2 (day 11) late.
        assertEquals(3L, fy.get("compliments_received"));
        assertEquals(0.5, ((Number) fy.get("compliments_per_complaint")).doubleValue(), 1e-9);
        assertEquals(2L, fy.get("member_enquiries_received"));
        assertEquals(decimal("50.0"), decimal(fy.get("member_enquiries_in_time_pct")));
    }

    @Test
    void financial_year_2023_24() throws Exception {
        // K04 only: stage 1 in 5 days (in time), stage 2 on day 26 (late), escalated both times; G1.
        Map<String, Object> fy = period("financial_year", "2023-24");
        assertEquals(1L, fy.get("stage1_received"));
        assertEquals(1L, fy.get("stage2_received"));
        assertEquals(1L, fy.get("stage3_received"));
        assertEquals(decimal("100.0"), decimal(fy.get("stage1_in_time_pct")));
        assertEquals(decimal("0.0"), decimal(fy.get("stage2_in_time_pct")));
        assertEquals(0L, fy.get("stage3_panels"));
        assertEquals(decimal("100.0"), decimal(fy.get("stage1_escalated_pct")));
        assertEquals(decimal("100.0"), decimal(fy.get("stage2_escalated_pct")));
        assertEquals(1L, fy.get("compliments_received"));
    }

    @Test
    void months_categories_teams_and_indicators() throws Exception {
        Map<String, Object> may = period("month", "2024-05");
        assertEquals(3L, may.get("stage1_received"));   // K01-K03 on 16 May
        assertEquals(1L, may.get("stage1_responded"));  // K01 on 31 May
        assertEquals(3L, authority.one("select received from marts.complaints_by_category where period_type = 'financial_year' "
                + "and period_label = '2024-25' and stage = 1 and category = 'communication'").get("received"));
        Map<String, Object> team = authority.one("select * from marts.complaints_by_team where period_type = 'financial_year' "
                + "and period_label = '2024-25' and team_id = 'D301'");
        assertEquals(3L, team.get("stage1_received"));      // K01, K06, K07
        assertEquals(2L, team.get("compliments_received")); // G3, G4
        assertEquals("Family Support and Child Protection", team.get("service_area"));
        Map<String, Object> row = authority.one("select value, numerator, denominator, unit, polarity from marts.indicator_values "
                + "where indicator_code = 'complaints_stage1_in_time_pct' and period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(80.0, ((Number) row.get("value")).doubleValue(), 1e-9);
        assertEquals(4L, ((Number) row.get("numerator")).longValue());
        assertEquals(5L, ((Number) row.get("denominator")).longValue());
        assertEquals("higher_is_better", row.get("polarity"));
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed").get("n"));
        assertEquals(0L, authority.one("select count(*) n from duckdb_columns() where schema_name = 'marts' "
                + "and table_name like 'complaints%' and comment is null").get("n"));
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(o.toString());
    }
}
