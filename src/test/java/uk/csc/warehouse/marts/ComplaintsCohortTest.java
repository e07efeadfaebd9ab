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

/** The complaints mart on nine hand-built complaints (src/test/resources/cohorts/complaints/README.md). */
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
        // Stage 1 received 1 Apr - 30 Sep 2024: K01, K02, K03 (16 May), K05 (2 Apr), K07 (1 Jul), K08, K09 (1 Aug),
        // K06 (25 Sep) = 8.
        assertEquals(8L, fy.get("stage1_received"));
        assertEquals(1L, fy.get("stage2_received"));   // K03
        assertEquals(0L, fy.get("stage3_received"));   // K04's request was 28 Feb, last year
        // Responded: K05, K01, K02, K03, K07, K08, K09 = 7; in time all but K02 (day 11) and K09 (day 21) = 5 -> 71.4%.
        assertEquals(7L, fy.get("stage1_responded"));
        assertEquals(5L, fy.get("stage1_in_time"));
        assertEquals(decimal("71.4"), decimal(fy.get("stage1_in_time_pct")));
        assertEquals(decimal("100.0"), decimal(fy.get("stage2_in_time_pct")));       // K03 on day 65
        assertEquals(1L, fy.get("stage3_panels"));                                    // K04's panel met 12 April
        assertEquals(decimal("100.0"), decimal(fy.get("stage3_panels_in_time_pct")));
        // Escalation: of 8 stage 1 complaints, K03 went to stage 2 = 12.5%; K03 did not go to stage 3 = 0.0%.
        assertEquals(decimal("12.5"), decimal(fy.get("stage1_escalated_pct")));
        assertEquals(decimal("0.0"), decimal(fy.get("stage2_escalated_pct")));
        // Outcomes of the 7 responses: upheld K01, K07; partly K02; not K03, K08, K09; withdrawn K05 -> 3 / 6 = 50.0%.
        assertEquals(2L, fy.get("stage1_upheld"));
        assertEquals(1L, fy.get("stage1_partly_upheld"));
        assertEquals(3L, fy.get("stage1_not_upheld"));
        assertEquals(1L, fy.get("stage1_withdrawn"));
        assertEquals(decimal("50.0"), decimal(fy.get("stage1_upheld_or_partly_pct")));
        // Communication: K01, K02, K07 of 8. About a child: K01 (C2), K02, K03 (C3), K07 (C1), K08 (C4), K09 (C5) = 6;
        // C2 looked after since 10 Jan and C1 on a CP plan since 1 Mar when they were made = 2. Not C4: looked after
        // only under short breaks (V3), which DfE leaves out of every CLA figure; not C5: the plan ended that very day.
        assertEquals(3L, fy.get("stage1_communication"));
        assertEquals(6L, fy.get("stage1_about_child"));
        assertEquals(2L, fy.get("stage1_child_on_cp_or_cla"));
        Map<String, Object> k08 = stage("K08", 1);
        assertEquals(false, k08.get("child_looked_after"));
        Map<String, Object> k09 = stage("K09", 1);
        assertEquals(false, k09.get("child_on_cp_plan"));
        assertEquals(true, stage("K01", 1).get("child_looked_after"));
        assertEquals(true, stage("K07", 1).get("child_on_cp_plan"));
        // Compliments G2-G4 = 3; 3 / 8 = 0.375 per complaint, 0.38 to 2 dp. Enquiries M1 (day 10) in time, M2 (day 11) late.
        assertEquals(3L, fy.get("compliments_received"));
        assertEquals(0.38, ((Number) fy.get("compliments_per_complaint")).doubleValue(), 1e-9);
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
        assertEquals(71.4, ((Number) row.get("value")).doubleValue(), 1e-9);
        assertEquals(5L, ((Number) row.get("numerator")).longValue());
        assertEquals(7L, ((Number) row.get("denominator")).longValue());
        assertEquals("higher_is_better", row.get("polarity"));
        // the one warning: CP1 (C1) and CP2 (C5) are CP plans of children with no CIN episode, counted
        // by the CP marts, not carried by the census
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed "
                + "and \"test\" <> 'source_records_the_census_cannot_carry'").get("n"));
        assertEquals(2L, authority.one("select cast(failing_rows as bigint) n from ops.data_test_results "
                + "where \"test\" = 'source_records_the_census_cannot_carry' and not passed").get("n"));
        assertEquals(0L, authority.one("select count(*) n from duckdb_columns() where schema_name = 'marts' "
                + "and table_name like 'complaints%' and comment is null").get("n"));
    }

    @Test
    void every_stage_has_its_counts_timeliness_and_outcomes() throws Exception {
        // 2024-25 to date. Stage 1: as in marts.complaints (8 received, 7 measured, 5 in time; upheld K01, K07,
        // partly K02, not K03, K08, K09, withdrawn K05 -> 3 / 6 = 50.0%; K03 escalated, 1 / 8 = 12.5%); K06 open at 30 Sep,
        // due 9 Oct, not overdue.
        Map<String, Object> s1 = byStage("financial_year", "2024-25", 1);
        assertEquals(8L, s1.get("received"));
        assertEquals(7L, s1.get("measured"));
        assertEquals(5L, s1.get("in_time"));
        assertEquals(3L, s1.get("not_upheld"));
        assertEquals(decimal("50.0"), decimal(s1.get("upheld_or_partly_pct")));
        assertEquals(decimal("12.5"), decimal(s1.get("escalated_pct")));
        assertEquals(1L, s1.get("open_at_end"));
        assertEquals(0L, s1.get("open_overdue_at_end"));
        // Stage 2: K03 requested 20 Jun, answered 20 Sep on day 65 of 65 (extended), not upheld, not taken to stage 3.
        Map<String, Object> s2 = byStage("financial_year", "2024-25", 2);
        assertEquals(1L, s2.get("received"));
        assertEquals(decimal("100.0"), decimal(s2.get("in_time_pct")));
        assertEquals(1L, s2.get("not_upheld"));
        assertEquals(decimal("0.0"), decimal(s2.get("upheld_or_partly_pct")));
        assertEquals(0L, s2.get("escalated"));
        // Stage 3: K04's panel (requested 28 Feb, last year) met 12 Apr on day 30: measured this year, in time; the
        // authority's response of 3 May partly upheld it. Nothing requested this year; no escalation beyond stage 3.
        Map<String, Object> s3 = byStage("financial_year", "2024-25", 3);
        assertEquals(0L, s3.get("received"));
        assertEquals(1L, s3.get("measured"));
        assertEquals(decimal("100.0"), decimal(s3.get("in_time_pct")));
        assertEquals(1L, s3.get("partly_upheld"));
        assertEquals(decimal("100.0"), decimal(s3.get("upheld_or_partly_pct")));
        assertNull(s3.get("escalated"));
        // 31 March 2024: K04's stage 3 request (28 Feb) still waiting for its panel, due 12 Apr: open, not overdue.
        Map<String, Object> last = byStage("financial_year", "2023-24", 3);
        assertEquals(1L, last.get("received"));
        assertEquals(1L, last.get("open_at_end"));
        assertEquals(0L, last.get("open_overdue_at_end"));
        // End of August 2024: K09 (received 1 Aug, due 15 Aug, answered 2 Sep) open and overdue; K08 answered 8 Aug.
        Map<String, Object> aug = byStage("month", "2024-08", 1);
        assertEquals(2L, aug.get("received"));
        assertEquals(1L, aug.get("measured"));
        assertEquals(1L, aug.get("open_at_end"));
        assertEquals(1L, aug.get("open_overdue_at_end"));
        assertEquals(0L, byStage("month", "2024-09", 1).get("open_overdue_at_end")); // K06 not yet due on 30 Sep
        assertEquals(false, stage("K09", 1).get("is_in_time"));
        assertEquals(21, stage("K09", 1).get("working_days"));
    }

    @Test
    void service_areas() throws Exception {
        // 2024-25 to date; no service area in the extract, so the team's parent department.
        // Family Support and Child Protection (D301): stage 1 K01, K06, K07 = 3; answered K01, K07 both in time = 100.0%,
        // both upheld = 100.0%; compliments G3, G4: 2 / 3 = 0.67.
        Map<String, Object> fs = authority.one("select * from marts.complaints_by_service_area where period_type = 'financial_year' "
                + "and period_label = '2024-25' and service_area = 'Family Support and Child Protection'");
        assertEquals(3L, fs.get("stage1_received"));
        assertEquals(decimal("100.0"), decimal(fs.get("stage1_in_time_pct")));
        assertEquals(decimal("100.0"), decimal(fs.get("stage1_upheld_or_partly_pct")));
        assertEquals(0.67, ((Number) fs.get("compliments_per_complaint")).doubleValue(), 1e-9);
        // Assessment (D201): K02, K03, K05, K08, K09 = 5, all answered, in time K03, K05, K08 = 60.0%; partly K02 of
        // K02, K03, K08, K09 (K05 withdrawn) = 25.0%; K03 to stage 2; compliment G2: 1 / 5 = 0.2.
        Map<String, Object> as = authority.one("select * from marts.complaints_by_service_area where period_type = 'financial_year' "
                + "and period_label = '2024-25' and service_area = 'Assessment'");
        assertEquals(5L, as.get("stage1_received"));
        assertEquals(1L, as.get("stage2_received"));
        assertEquals(decimal("60.0"), decimal(as.get("stage1_in_time_pct")));
        assertEquals(decimal("25.0"), decimal(as.get("stage1_upheld_or_partly_pct")));
        assertEquals(0.2, ((Number) as.get("compliments_per_complaint")).doubleValue(), 1e-9);
    }

    private Map<String, Object> byStage(String type, String label, int stage) throws Exception {
        return authority.one("select * from marts.complaints_by_stage where period_type = '" + type
                + "' and period_label = '" + label + "' and stage = " + stage);
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(o.toString());
    }
}
