package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The child protection marts on eighteen hand-built children (src/test/resources/cohorts/child_protection/README.md),
 * as at 30 September 2024. Population is 20,000 in every year, so a rate per 10,000 is half the count.
 * Easter 2024: Good Friday 29 March, Easter Monday 1 April; early May bank holiday 6 May 2024.
 */
class ChildProtectionCohortTest {
    @TempDir
    static Path root;
    static TestAuthority authority;

    @BeforeAll
    static void loadAndBuild() throws Exception {
        authority = BuiltCohorts.copy("child_protection", root);
        LoadReport report = BuiltCohorts.loadReport("child_protection");
        assertEquals(11, report.results().size());
        assertTrue(report.quarantined().isEmpty(), () -> "quarantined: " + report.quarantined());
    }

    @Test
    void a_plan_starting_on_31_march_counts_at_31_march_and_one_ending_then_does_not() throws Exception {
        // At 31 March 2023: K01 (P01 started that day), K03, K04, K05 = 4; K08's P08b ended on 31 March 2023.
        Map<String, Object> fy = plans("financial_year", "2022-23");
        assertEquals(4L, fy.get("children_on_plan"));
        assertEquals(2.0, num(fy.get("cpp_rate_per_10k")), 1e-9);
        List<Map<String, Object>> k01 = authority.query("select * from intermediate.int_cp_plans_open_at_period_end "
                + "where period_label = '2022-23' and person_id in ('K01', 'K08')");
        assertEquals(1, k01.size());
        assertEquals("K01", k01.get(0).get("person_id"));
        assertEquals(0L, ((Number) k01.get(0).get("days_on_plan")).longValue());
        // The March month-end is the same snapshot as the year.
        assertEquals(4L, plans("month", "2023-03").get("children_on_plan"));
        // Plans ended in 2022-23: P08b (179 days) = 1, none lasting 2 years → 0.0%.
        assertEquals(1L, fy.get("plans_ended"));
        assertEquals(0.0, num(fy.get("plans_ended_two_years_plus_pct")), 1e-9);
    }

    @Test
    void exactly_730_days_is_two_years_and_729_is_not() throws Exception {
        // P03 1 Jun 2022 → 31 May 2024 = 365 + 365 (29 Feb 2024 inside) = 730 days; P04 starts a day later: 729.
        assertEquals(730L, planDays("P03"));
        assertEquals(729L, planDays("P04"));
        assertEquals(true, authority.one("select lasted_two_years_plus x from intermediate.int_cp_plans_sequenced "
                + "where cp_plan_id = 'P03'").get("x"));
        assertEquals(false, authority.one("select lasted_two_years_plus x from intermediate.int_cp_plans_sequenced "
                + "where cp_plan_id = 'P04'").get("x"));
        // Ended 2024-25: P03 (730, counts), P04 (729), P10a (66 days) = 3; 1 / 3 = 33.3%.
        Map<String, Object> fy = plans("financial_year", "2024-25");
        assertEquals(3L, fy.get("plans_ended"));
        assertEquals(1L, fy.get("plans_ended_two_years_plus"));
        assertEquals(33.3, num(fy.get("plans_ended_two_years_plus_pct")), 1e-9);
        // No plan ended in 2023-24: the % is null, not 0.
        assertEquals(0L, plans("financial_year", "2023-24").get("plans_ended"));
        assertNull(plans("financial_year", "2023-24").get("plans_ended_two_years_plus_pct"));
    }

    @Test
    void open_two_years_and_over_18_months_at_31_march() throws Exception {
        // At 31 March 2024: K01 (366 days), K03 (669), K04 (668), K05 (1 Apr 2022 → 31 Mar 2024 = 730 days).
        // Open 2 years+: K05 only → 1 / 4 = 25.0%. More than 18 months: K03 (from 1 Dec 2023), K04, K05 = 3.
        Map<String, Object> fy = plans("financial_year", "2023-24");
        assertEquals(4L, fy.get("children_on_plan"));
        assertEquals(1L, fy.get("children_open_two_years_plus"));
        assertEquals(25.0, num(fy.get("open_two_years_plus_pct")), 1e-9);
        assertEquals(3L, fy.get("children_open_over_18_months"));
        // At the as-at date, 30 Sep 2024: K01 has been on P01 exactly 18 months (31 Mar 2023 + 18 months =
        // 30 Sep 2024), which is not MORE than 18 months; only K05 is listed.
        List<Map<String, Object>> list = authority.query("select person_id, months_on_plan, is_two_years_plus "
                + "from marts.cp_plans_over_18_months_list where period_type = 'month' and period_label = '2024-09'");
        assertEquals(1, list.size());
        assertEquals("K05", list.get(0).get("person_id"));
        assertEquals(29, ((Number) list.get(0).get("months_on_plan")).intValue());
        assertEquals(true, list.get(0).get("is_two_years_plus"));
    }

    @Test
    void second_plans_count_however_long_ago_and_each_occasion() throws Exception {
        // 2024-25 starts: P06, P10a, P02b, P09, P10b = 5. Repeats: P02b (K02's first plan ended in 2016) and
        // P10b (K10's second plan in the same year) = 2 → 40.0%. P10a is K10's first plan: not a repeat.
        Map<String, Object> fy = plans("financial_year", "2024-25");
        assertEquals(5L, fy.get("plan_starts"));
        assertEquals(2L, fy.get("plan_starts_second_or_subsequent"));
        assertEquals(40.0, num(fy.get("second_or_subsequent_pct")), 1e-9);
        // 2022-23 starts: P05, P03, P04, P08b, P01 = 5; P08b follows P08a (2020) → 1 / 5 = 20.0%.
        assertEquals(20.0, num(plans("financial_year", "2022-23").get("second_or_subsequent_pct")), 1e-9);
        // 2023-24 had no starts: null, not 0.
        assertNull(plans("financial_year", "2023-24").get("second_or_subsequent_pct"));
        assertEquals(6L, fy.get("children_on_plan"));   // 30 Sep 2024: K01, K02, K05, K06, K09, K10
        assertEquals(3.0, num(fy.get("cpp_rate_per_10k")), 1e-9);
    }

    @Test
    void icpc_timeliness_counts_working_days_across_easter_and_leaves_transfer_ins_out() throws Exception {
        // Strategy discussion Tue 12 Mar 2024: 13-15 Mar (3), 18-22 (8), 25-28 (12), Good Friday and Easter
        // Monday skipped, 2-4 Apr (15). Thu 4 Apr is day 15, in time; Fri 5 Apr is day 16, late.
        assertEquals(15, icpcDays("I06"));
        assertEquals(16, icpcDays("I07"));
        assertEquals(9, icpcDays("I02"), "1 May → 15 May skips the 6 May bank holiday");
        Map<String, Object> i09 = authority.one("select * from intermediate.int_icpc_timed where icpc_id = 'I09'");
        assertEquals(true, i09.get("is_transfer_in"));
        assertEquals(false, i09.get("is_timed"));
        // 2024-25 ICPCs: I06, I07, I10a, I02, I09 (transfer-in), I10b = 6 → 3.0 per 10,000.
        // Timed: all but I09 = 5; within 15 wd: all but I07 = 4 → 80.0%. Bands: 0-10 I10a (5), I02 (9), I10b (8);
        // 11-15 I06; 16-20 I07.
        Map<String, Object> fy = authority.one("select * from marts.initial_cp_conferences "
                + "where period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(6L, fy.get("icpcs"));
        assertEquals(3.0, num(fy.get("icpc_rate_per_10k")), 1e-9);
        assertEquals(1L, fy.get("icpcs_transfer_in"));
        assertEquals(5L, fy.get("icpcs_timed"));
        assertEquals(4L, fy.get("icpcs_within_15wd"));
        assertEquals(80.0, num(fy.get("icpcs_within_15wd_pct")), 1e-9);
        assertEquals(3L, fy.get("icpcs_0_10wd"));
        assertEquals(1L, fy.get("icpcs_11_15wd"));
        assertEquals(1L, fy.get("icpcs_16_20wd"));
        // No ICPC was held in 2023-24 (both Easter conferences fall in April): % null.
        assertNull(authority.one("select icpcs_within_15wd_pct p from marts.initial_cp_conferences "
                + "where period_type = 'financial_year' and period_label = '2023-24'").get("p"));
    }

    @Test
    void s47_enquiries_count_from_the_strategy_discussion() throws Exception {
        // 2024-25: S10a (8 Apr), S02 (1 May), S12 (3 Jun), S10b (22 Jul) = 4 → 2.0; K10 counts twice.
        Map<String, Object> fy = authority.one("select * from marts.s47_enquiries "
                + "where period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(4L, fy.get("s47_started"));
        assertEquals(2.0, num(fy.get("s47_rate_per_10k")), 1e-9);
        assertEquals(3L, fy.get("s47_children"));
        assertEquals(3L, fy.get("s47_led_to_icpc"));   // S12 ended NFA
        // 2023-24: S06 and S07 (12 Mar 2024), whose conferences were held in April → 2, both led to an ICPC.
        Map<String, Object> march = authority.one("select * from marts.s47_enquiries where period_label = '2024-03'");
        assertEquals(2L, march.get("s47_started"));
        assertEquals(1.0, num(march.get("s47_rate_per_10k")), 1e-9);
    }

    @Test
    void category_of_abuse_at_start_and_latest_review() throws Exception {
        // On a plan at 31 March 2024: K01 NEG→Neglect, K03 Physical abuse→Multiple, K04 Emotional→(blank, stays
        // emotional), K05 MUL→SAB. Initial: neglect, physical, emotional, multiple 1 each; sexual 0.
        // Latest: neglect, emotional, multiple, sexual 1 each; physical 0.
        assertEquals(1L, category("2023-24", "on_plan_at_period_end", "physical").get("initial_count"));
        assertEquals(0L, category("2023-24", "on_plan_at_period_end", "physical").get("latest_count"));
        assertEquals(0L, category("2023-24", "on_plan_at_period_end", "sexual").get("initial_count"));
        assertEquals(1L, category("2023-24", "on_plan_at_period_end", "sexual").get("latest_count"));
        assertEquals(25.0, num(category("2023-24", "on_plan_at_period_end", "multiple").get("initial_share_pct")), 1e-9);
        List<Map<String, Object>> moved = authority.query("select initial_category, latest_category, children "
                + "from marts.cp_category_shift where period_type = 'financial_year' and period_label = '2023-24' "
                + "and is_changed order by initial_category");
        assertEquals(2, moved.size());
        assertEquals(List.of("multiple", "sexual", 1L), List.copyOf(moved.get(0).values()));
        assertEquals(List.of("physical", "multiple", 1L), List.copyOf(moved.get(1).values()));
        // Starts in 2024-25: P06 Sexual abuse, P10a NEG, P02b EMO, P09 Neglect, P10b MUL:
        // neglect 2, sexual 1, emotional 1, multiple 1.
        assertEquals(2L, category("2024-25", "started_in_period", "neglect").get("initial_count"));
        assertEquals(1L, category("2024-25", "started_in_period", "multiple").get("initial_count"));
        assertEquals(40.0, num(category("2024-25", "started_in_period", "neglect").get("initial_share_pct")), 1e-9);
    }

    @Test
    void reviews_first_within_3_months_then_6_monthly() throws Exception {
        // CR05a on 1 Jul 2022, exactly 3 months after P05 started: in time. CR05d on 21 Dec 2023, a day after
        // 6 months from CR05c (20 Jun 2023): late. CR05e runs from CR05d as held (21 Dec + 6 m): in time.
        assertEquals(true, reviewInTime("CR05a"));
        assertEquals(false, reviewInTime("CR05d"));
        assertEquals(true, reviewInTime("CR05e"));
        // 31 Mar 2023: on a plan 3 months+: K03, K04, K05 (K01 started that day) = 3; in timescale K03, K05
        // (K04 has never been reviewed, first review overdue) = 2 → 66.7%.
        assertReviews("2022-23", 3L, 2L, 66.7);
        // 31 Mar 2024: K01, K03, K04, K05 = 4; in timescale K01, K03 = 2 → 50.0%.
        assertReviews("2023-24", 4L, 2L, 50.0);
        // 30 Sep 2024: K01, K02 (15 May + 3 m = 15 Aug), K05, K06, K09 (10 Jun + 3 m = 10 Sep) = 5; K10's P10b
        // (1 Aug) is under 3 months. In timescale: K01, K06, K09 = 3 (K02 overdue, K05 late once) → 60.0%.
        assertReviews("2024-25", 5L, 3L, 60.0);
        // Reviews held in 2023-24 (flow): CR01a, CR01b, CR03c, CR03d, CR05c, CR05d = 6, all in time but CR05d
        // → 5 / 6 = 83.3%. CR18o (20 Aug 2023) reviewed K18's other-authority plan P18o: not this authority's.
        Map<String, Object> flow = authority.one("select * from marts.cp_reviews where period_type = 'financial_year' "
                + "and period_label = '2023-24'");
        assertEquals(6L, flow.get("reviews_held"));
        assertEquals(5L, flow.get("reviews_held_in_time"));
        assertEquals(83.3, num(flow.get("reviews_held_in_time_pct")), 1e-9);
    }

    @Test
    void review_look_back_can_be_narrowed_to_recent_reviews(@TempDir Path other) throws Exception {
        // Every seed setting, with cp_review_timeliness_lookback_months = 6, as the authority's own settings file.
        TestAuthority a = TestAuthority.fromCohort("child_protection", other);
        a.load();
        StringBuilder settings = new StringBuilder("setting,value,unit,reason\n");
        for (String seed : ClasspathFolder.list("sql/seeds/indicator_settings", ".csv")) {
            ClasspathFolder.read(seed).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.startsWith("cp_review_timeliness_lookback_months,")
                            ? "cp_review_timeliness_lookback_months,6,months,test" : l)
                    .forEach(l -> settings.append(l).append('\n'));
        }
        Files.writeString(a.dataDir.reference().resolve("indicator_settings.csv"), settings);
        a.build();
        // 30 Sep 2024, reviews after 30 Mar 2024 only: K05's late CR05d (21 Dec 2023) falls outside, CR05e was in
        // time and the next is due 15 Dec 2024, so K05 now counts: K01, K05, K06, K09 = 4 of 5 → 80.0%.
        Map<String, Object> now = a.one("select * from marts.cp_reviews where period_type = 'financial_year' "
                + "and period_label = '2024-25'");
        assertEquals(5L, now.get("children_on_plan_3_months_plus"));
        assertEquals(4L, now.get("children_reviewed_in_timescale"));
        assertEquals(80.0, num(now.get("children_reviewed_in_timescale_pct")), 1e-9);
        // 31 Mar 2024, reviews after 30 Sep 2023: CR05d is inside the window, so K05 is still out: 2 of 4, as before.
        assertEquals(2L, a.one("select children_reviewed_in_timescale n from marts.cp_reviews "
                + "where period_type = 'financial_year' and period_label = '2023-24'").get("n"));
    }

    @Test
    void another_authoritys_plan_is_history_only() throws Exception {
        // P18o (K18, 1 Jun - 1 Dec 2023, OLA) is no start, ending, child on a plan, review or visit here.
        Map<String, Object> fy = plans("financial_year", "2023-24");
        assertEquals(0L, fy.get("plan_starts"));
        assertEquals(0L, fy.get("plans_ended"));
        assertEquals(4L, plans("month", "2023-09").get("children_on_plan"), "30 Sep 2023: K01, K03, K04, K05, not K18");
        assertEquals(0L, authority.one("select visits from marts.cp_visits where period_type = 'financial_year' "
                + "and period_label = '2023-24'").get("visits"));
        assertEquals(0L, authority.one("select count(*) n from intermediate.int_cp_reviews_timed "
                + "where cp_plan_id = 'P18o'").get("n"));
    }

    @Test
    void visits_at_most_10_working_days_apart_and_seen_alone() throws Exception {
        // P06 from 4 Apr 2024: V06a 18 Apr = 10 wd (in time), V06b 3 May = 11 wd (late), V06c 17 May = 9 wd
        // (6 May bank holiday skipped). V10b 27 Sep is 40 wd after P10b started on 1 Aug: late.
        // 2024-25: 4 visits, 2 in time → 50.0%. Seen: V06a, V06b, V10b = 3; alone V06a, V10b = 2 → 66.7%.
        // Up to date at 30 Sep: only K10 (last visit Fri 27 Sep, 1 wd before) of 6 → 16.7%.
        Map<String, Object> fy = authority.one("select * from marts.cp_visits "
                + "where period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(4L, fy.get("visits"));
        assertEquals(2L, fy.get("visits_within_timescale"));
        assertEquals(50.0, num(fy.get("visits_within_timescale_pct")), 1e-9);
        assertEquals(66.7, num(fy.get("visits_seen_alone_pct")), 1e-9);
        assertEquals(1L, fy.get("children_visit_up_to_date"));
        assertEquals(16.7, num(fy.get("children_visit_up_to_date_pct")), 1e-9);
        assertEquals(9, ((Number) authority.one("select gap_working_days g from intermediate.int_cp_visits_timed "
                + "where cp_visit_id = 'V06c'").get("g")).intValue());
    }

    @Test
    void indicator_table_carries_the_figures_under_published_codes() throws Exception {
        Map<String, Object> rate = indicator("cpp_rate_per_10k_31mar", "financial_year", "2023-24");
        assertEquals(2.0, num(rate.get("value")), 1e-9);
        assertEquals(4L, ((Number) rate.get("numerator")).longValue());
        assertEquals(20000L, ((Number) rate.get("denominator")).longValue());
        assertEquals("rate_per_10000", rate.get("unit"));
        assertEquals("child_protection", rate.get("area"));
        assertEquals(40.0, num(indicator("cpp_second_or_subsequent_pct", "financial_year", "2024-25").get("value")), 1e-9);
        assertEquals(80.0, num(indicator("icpc_within_15wd_pct", "financial_year", "2024-25").get("value")), 1e-9);
        assertEquals(1.0, num(indicator("cpp_31mar_initial_cat_physical_count", "financial_year", "2023-24").get("value")), 1e-9);
        assertEquals(2L, ((Number) indicator("cpp_reviewed_in_timescale_count", "financial_year", "2023-24").get("numerator")).longValue());
        assertEquals(1L, ((Number) indicator("cpp_ended_lasting_2yrs_plus_count", "financial_year", "2024-25").get("numerator")).longValue());
        // Monthly stock = month-end: at 29 Feb 2024 the same four children as at 31 March.
        assertEquals(4.0, num(indicator("cpp_count_31mar", "month", "2024-02").get("value")), 1e-9);
        assertEquals("lower_is_better", indicator("cpp_second_or_subsequent_pct", "financial_year", "2024-25")
                .get("polarity"));
    }

    @Test
    void marts_explain_themselves_and_every_data_test_passes() throws Exception {
        Map<String, Object> t = authority.one("select comment from duckdb_tables() "
                + "where schema_name = 'marts' and table_name = 'cp_plans'");
        assertTrue(String.valueOf(t.get("comment")).contains("730"));
        assertEquals(0L, authority.one("select count(*) n from duckdb_columns() where schema_name = 'marts' "
                + "and comment is null").get("n"), "every mart column carries a COMMENT");
        // the one warning: A13 (K13) authorised in 2024-25 on an episode closed 31 March 2024, counted
        // by the marts, not carried by the census
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed "
                + "and \"test\" <> 'source_records_the_census_cannot_carry'").get("n"));
        assertEquals(1L, authority.one("select cast(failing_rows as bigint) n from ops.data_test_results "
                + "where \"test\" = 'source_records_the_census_cannot_carry' and not passed").get("n"));
        // the cohort sends no cppl_referral_id: the census still carries every plan, on the episode of its
        // conference (P02b on R02b, not the 2016 episode) or, with no conference (P05), the episode open at its start
        assertEquals(5L, authority.one("select cp_plans_started n from marts.cin_census_summary").get("n"));
        assertEquals(6L, authority.one("select children_on_cp_plan n from marts.cin_census_summary").get("n"));
        assertEquals("R02b", authority.one("select referral_id from marts.cin_census_cp_plans where cp_plan_id = 'P02b'")
                .get("referral_id"));
        assertEquals("R05", authority.one("select referral_id from marts.cin_census_cp_plans where cp_plan_id = 'P05'")
                .get("referral_id"));
    }

    private static Map<String, Object> plans(String type, String label) throws Exception {
        return authority.one("select * from marts.cp_plans where period_type = '" + type + "' and period_label = '"
                + label + "'");
    }

    private static Map<String, Object> category(String year, String cohort, String category) throws Exception {
        return authority.one("select * from marts.cp_category_of_abuse where period_type = 'financial_year' "
                + "and period_label = '" + year + "' and cohort = '" + cohort + "' and category = '" + category + "'");
    }

    private static Map<String, Object> indicator(String code, String type, String label) throws Exception {
        return authority.one("select * from marts.indicator_values where indicator_code = '" + code
                + "' and period_type = '" + type + "' and period_label = '" + label + "'");
    }

    private static long planDays(String planId) throws Exception {
        return ((Number) authority.one("select duration_days d from intermediate.int_cp_plans_sequenced "
                + "where cp_plan_id = '" + planId + "'").get("d")).longValue();
    }

    private static int icpcDays(String icpcId) throws Exception {
        return ((Number) authority.one("select duration_working_days d from intermediate.int_icpc_timed "
                + "where icpc_id = '" + icpcId + "'").get("d")).intValue();
    }

    private static Object reviewInTime(String reviewId) throws Exception {
        return authority.one("select is_in_time x from intermediate.int_cp_reviews_timed where cp_review_id = '"
                + reviewId + "'").get("x");
    }

    private static void assertReviews(String year, long denominator, long numerator, double pct) throws Exception {
        Map<String, Object> r = authority.one("select * from marts.cp_reviews where period_type = 'financial_year' "
                + "and period_label = '" + year + "'");
        assertEquals(denominator, r.get("children_on_plan_3_months_plus"), year);
        assertEquals(numerator, r.get("children_reviewed_in_timescale"), year);
        assertEquals(pct, num(r.get("children_reviewed_in_timescale_pct")), 1e-9, year);
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
