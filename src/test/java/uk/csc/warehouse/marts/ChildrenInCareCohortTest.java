package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * Children in care, permanence, missing and care leavers on ten hand-built children
 * (src/test/resources/cohorts/children_in_care/README.md), as at Monday 5 May 2025.
 * Population is 10,000 in both years, so a rate per 10,000 equals the count.
 */
class ChildrenInCareCohortTest {
    @TempDir
    static Path root;
    static TestAuthority authority;

    @BeforeAll
    static void loadAndBuild() throws Exception {
        authority = BuiltCohorts.copy("children_in_care", root);
        LoadReport report = BuiltCohorts.loadReport("children_in_care");
        assertTrue(report.quarantined().isEmpty(), () -> "quarantined: " + report.quarantined());
    }

    private static Map<String, Object> row(String mart, String label) throws Exception {
        return authority.one("select * from marts." + mart + " where period_label = '" + label + "'");
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void looked_after_at_31_march_2025() throws Exception {
        // At 31 March 2025: K01 (started that day), K02, K03, K04, K10 (started 1 Apr 2024) = 5. Not K05 (left
        // 1 Apr 2024), K06 (V3 short breaks), K07 (adopted 20 Feb), K08 (SGO 10 Mar), K09 (left care 2022).
        // Rate 5 / 10,000 x 10,000 = 5.0.
        Map<String, Object> fy = row("children_in_care", "2024-25");
        assertEquals(5L, fy.get("cla_count"));
        assertEquals(5.0, num(fy.get("cla_rate_per_10k")), 1e-9);
        // Starters 2024-25: K10 (1 Apr), K08 (15 Apr), K02 (1 Jun), K01 (31 Mar) = 4; K06 started in 2023-24 and is
        // excluded anyway. Ceased: K05 (1 Apr 2024, first day of the year), K07, K08 = 3.
        assertEquals(4L, fy.get("cla_started"));
        assertEquals(3L, fy.get("cla_ceased"));
        // UASC: K02 at 31 March (1 / 5 = 20.0%) and among starters (1 / 4 = 25.0%).
        assertEquals(1L, fy.get("uasc_count"));
        assertEquals(20.0, num(fy.get("uasc_pct")), 1e-9);
        assertEquals(25.0, num(fy.get("uasc_started_pct")), 1e-9);
        assertEquals(true, fy.get("is_complete"));
        // The March month-end is the same snapshot as the year; K01 is the month's only starter.
        Map<String, Object> march = row("children_in_care", "2025-03");
        assertEquals(5L, march.get("cla_count"));
        assertEquals(1L, march.get("cla_started"));
        assertEquals(1L, authority.one("select count(*) n from intermediate.int_cla_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K01'").get("n"), "a child entering care on 31 March is looked after at 31 March");
    }

    @Test
    void short_break_child_is_excluded_everywhere() throws Exception {
        assertEquals(true, authority.one("select is_short_break from intermediate.int_cla_episodes_classified "
                + "where episode_id = 'E06'").get("is_short_break"));
        for (String model : new String[] {"int_cla_periods_of_care", "int_cla_at_period_end", "int_cla_in_period", "int_cla_placements_sequenced"}) {
            assertEquals(0L, authority.one("select count(*) n from intermediate." + model + " where person_id = 'K06'").get("n"), model);
        }
        assertEquals(false, authority.one("select is_looked_after from intermediate.int_missing_episodes "
                + "where missing_episode_id = 'M5'").get("is_looked_after"));
    }

    @Test
    void placement_distance_and_location() throws Exception {
        // Outside the LA: K01 (CR0), K02 (ME4), K04 (ZZ9) = 3 of 5 = 60.0%; K03 is in SE22, K10 in SE15.
        // Over 20 miles and outside: K02 (25.0 miles from the extract) = 1 / 5 = 20.0%. K01 is about 6.6 miles
        // (SE15 to CR0 centroids); K04's ZZ9 is in no centroid row, so its distance is unknown: counted, not dropped.
        // K10's only address starts 1 May 2024, a month after she came into care: it is not the home she was placed
        // from (it may be the placement itself), so her distance is unknown too, not 0 miles. Unknown = 2.
        Map<String, Object> fy = row("children_in_care", "2024-25");
        assertEquals(3L, fy.get("placed_outside_la"));
        assertEquals(60.0, num(fy.get("placed_outside_la_pct")), 1e-9);
        assertEquals(1L, fy.get("placed_over20_outside_la"));
        assertEquals(20.0, num(fy.get("placed_over20_outside_la_pct")), 1e-9);
        assertEquals(2L, fy.get("distance_unknown"));
        Map<String, Object> k10 = authority.one("select home_district, distance_miles, distance_source from intermediate.int_cla_placements_sequenced "
                + "where placement_id = 'PL10'");
        assertNull(k10.get("home_district"));
        // K02's home is SE1 (Primary Address from 20 May 2024); the Placement-type address in ME4 from 25 May is not home.
        assertEquals("SE1", authority.one("select home_district from intermediate.int_cla_placements_sequenced "
                + "where placement_id = 'PL02'").get("home_district"));
        assertNull(k10.get("distance_miles"));
        assertEquals("unknown", k10.get("distance_source"));
        assertEquals(true, authority.one("select is_distance_unknown from intermediate.int_cla_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K10'").get("is_distance_unknown"));
        Map<String, Object> k01 = authority.one("select distance_miles, distance_source from intermediate.int_cla_placements_sequenced "
                + "where placement_id = 'PL01'");
        assertEquals("postcode_district", k01.get("distance_source"));
        assertEquals(6.6, num(k01.get("distance_miles")), 0.3);
        // SE5 to BN1 (Brighton) is about 44 miles.
        assertEquals(44.2, num(authority.one("select distance_miles from intermediate.int_cla_placements_sequenced "
                + "where placement_id = 'PL04a'").get("distance_miles")), 1.0);
    }

    @Test
    void short_term_stability_counts_dfe_placements() throws Exception {
        // K04: BN1 (open on 1 April 2024), SE15, ZZ9 = 3 placements in 2024-25. K02: one placement across an
        // episode change that was a legal status change only (RNE L). K03: U6 then A5 with the same carers (RNE T)
        // is one placement. K01, K10: one each. So 1 of 5 with 3+ = 20.0%.
        Map<String, Object> fy = row("children_in_care", "2024-25");
        assertEquals(1L, fy.get("with_3plus_placements"));
        assertEquals(20.0, num(fy.get("with_3plus_placements_pct")), 1e-9);
        assertEquals(3L, placements("K04"));
        assertEquals(1L, placements("K02"));
        assertEquals(1L, placements("K03"));
        assertEquals(1L, placements("K01"));
        assertEquals(true, authority.one("select is_same_carers from intermediate.int_cla_placements_sequenced "
                + "where placement_id = 'PL03c'").get("is_same_carers"));
        assertEquals(0, authority.query("select * from marts.indicator_values where indicator_code = 'cla_3plus_placements_in_year_pct' "
                + "and period_type = 'month'").size(), "3+ placements is a financial-year measure only");
        // DfE two-year stability at 31 March 2025: looked after 2+ years (since 31 Mar 2023 or earlier) = K03, K04
        // (both from 30 Sep 2022). Placements in force from 1 Apr 2023: K03 one (PL03a ended 1 Mar 2023; U6 then A5
        // with the same carers is one), K04 three (BN1 open then, SE15, ZZ9). 1 / 2 = 50.0%.
        assertEquals(2L, fy.get("in_care_2_years"));
        assertEquals(1L, fy.get("with_3plus_placements_in_2_years"));
        assertEquals(50.0, num(fy.get("with_3plus_placements_in_2_years_pct")), 1e-9);
        assertEquals(1L, ((Number) authority.one("select placements_in_2_years p from intermediate.int_cla_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K03'").get("p")).longValue());
    }

    private static long placements(String child) throws Exception {
        return ((Number) authority.one("select placements_in_period p from intermediate.int_cla_at_period_end "
                + "where period_label = '2024-25' and person_id = '" + child + "'").get("p")).longValue();
    }

    @Test
    void long_term_stability_at_exactly_two_and_a_half_years() throws Exception {
        // K03 and K04 both started on 30 Sep 2022: exactly 30 months before 31 March 2025, so both are looked
        // after continuously 2.5 years. K04 turns 16 on 31 March 2025 and is not under 16: excluded. K03 (4) is
        // in the cohort and has been with the same carers since 1 Mar 2023 (foster, then adoptive): stable.
        Map<String, Object> fy = row("children_in_care", "2024-25");
        assertEquals(1L, fy.get("long_term_cohort"));
        assertEquals(1L, fy.get("long_term_stable"));
        assertEquals(100.0, num(fy.get("long_term_stability_pct")), 1e-9);
        assertEquals(false, authority.one("select is_long_term_cohort from intermediate.int_cla_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K04'").get("is_long_term_cohort"));
        Map<String, Object> ind = authority.one("select value, numerator, denominator from marts.indicator_values "
                + "where indicator_code = 'cla_long_term_stability_pct' and period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(1.0, ((Number) ind.get("numerator")).doubleValue());
        assertEquals(1.0, ((Number) ind.get("denominator")).doubleValue());
    }

    @Test
    void health_and_reviews() throws Exception {
        // Looked after 12+ months at 31 March 2025 (DfE OC2: started on or before 1 April 2024): K03, K04 and K10,
        // who started on 1 April 2024 itself = 3. Health assessment up to date: K03 is 4, under 5, and had only one
        // (1 Oct 2024) where under-5s need two: not up to date. K04's was 15 Mar 2024 and the Feb 2025 one was
        // refused: not. K10 (2, under 5) had two, 22 Apr and 15 Oct 2024: up to date. 1 / 3 = 33.3%.
        // Dental in the 12 months: K04 (10 Jan 2025), K10 (1 May 2024) = 2 / 3 = 66.7%.
        Map<String, Object> fy = row("children_in_care", "2024-25");
        assertEquals(3L, fy.get("looked_after_12_months"));
        assertEquals(1L, fy.get("health_assessment_up_to_date"));
        assertEquals(33.3, num(fy.get("health_assessment_pct")), 1e-9);
        assertEquals(66.7, num(fy.get("dental_check_pct")), 1e-9);
        assertEquals(false, authority.one("select health_assessment_up_to_date h from intermediate.int_cla_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K03'").get("h"), "an under-5 needs two assessments a year");
        // K02 (in care 1 Jun 2024, a Saturday): first review due 20 working days later, Fri 28 Jun; held 2 Jul = late.
        // Second due 3 months after 2 Jul = 2 Oct, held 1 Oct; third due 1 Apr 2025, held 20 Mar: 2 of 3 in time.
        // K10 (in care Easter Monday 1 Apr 2024): first due 29 Apr (20 working days from Tue 2 Apr), held 26 Apr;
        // second due 26 Jul, held 25 Jul; third due 25 Jan 2025, held 24 Jan: 3 of 3. Reviews held 6, in time 5.
        // Participation K02 PN1, PN7, PN5: 2 of 3; K10's PN0 (under 4) is left out. The cancelled review is not held.
        assertEquals(6L, fy.get("reviews_held"));
        assertEquals(5L, fy.get("reviews_in_time"));
        assertEquals(3L, fy.get("reviews_participation_recorded"));
        assertEquals(2L, fy.get("reviews_child_participated"));
        assertEquals(java.time.LocalDate.of(2024, 4, 29), toLocalDate(authority.one(
                "select due_date from intermediate.int_cla_reviews_timed where review_id = 'RV10a'").get("due_date")));
        assertEquals(java.sql.Date.valueOf("2024-06-28").toLocalDate(), toLocalDate(authority.one(
                "select due_date from intermediate.int_cla_reviews_timed where review_id = 'RV02a'").get("due_date")));
        // K01 entered care 31 Mar 2025: 20 working days skipping Good Friday and Easter Monday = Wed 30 Apr 2025.
        assertEquals(java.time.LocalDate.of(2025, 4, 30), toLocalDate(authority.one(
                "select due_date from intermediate.int_cla_reviews_timed where review_id = 'RV01'").get("due_date")));
        assertEquals(1L, row("children_in_care", "2025-04").get("reviews_in_time"));
    }

    @Test
    void reviews_up_to_date_count_the_reviews_never_held() throws Exception {
        // At 31 March 2025 the first review had fallen due for K02, K03, K04, K10 (K01's falls due 30 Apr) = 4.
        // K03 and K04 (in care since 30 Sep 2022) have no review at all: overdue since 28 Oct 2022, invisible to
        // reviews held. K02's reviews are not overdue (next due 20 Sep 2025) but one was late in the year (2 Jul).
        // Only K10 is up to date: 1 / 4 = 25.0%, where reviews held in time gives 5 / 6.
        Map<String, Object> fy = row("children_in_care", "2024-25");
        assertEquals(4L, fy.get("review_cohort"));
        assertEquals(2L, fy.get("reviews_overdue"));
        assertEquals(1L, fy.get("reviews_up_to_date"));
        assertEquals(25.0, num(fy.get("reviews_up_to_date_pct")), 1e-9);
        assertEquals(java.time.LocalDate.of(2022, 10, 28), toLocalDate(authority.one("select next_review_due d from "
                + "intermediate.int_cla_reviews_at_period_end where period_label = '2024-25' and person_id = 'K03'").get("d")));
        // 30 April 2025: K01's first review, due and held that day, is in time; K02's late review was last year.
        // Up to date: K01, K02, K10 = 3 of 5 = 60.0%.
        Map<String, Object> april = row("children_in_care", "2025-04");
        assertEquals(5L, april.get("review_cohort"));
        assertEquals(3L, april.get("reviews_up_to_date"));
        Map<String, Object> ind = authority.one("select value, numerator, denominator from marts.indicator_values "
                + "where indicator_code = 'cla_reviews_up_to_date_pct' and period_type = 'month' and period_label = '2025-04'");
        assertEquals(60.0, num(ind.get("value")), 1e-9);
        assertEquals(5.0, num(ind.get("denominator")), 1e-9);
    }

    private static java.time.LocalDate toLocalDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) o;
    }

    @Test
    void permanence_adoption_and_special_guardianship() throws Exception {
        // Ceased 2024-25: K05 (E17), K07 (E12 adopted), K08 (E45 SGO) = 3; adopted 1 = 33.3%, SGO 1 = 33.3%.
        // K07: entered care 5 Jan 2023, placed for adoption 1 Jun 2024 = 513 days; placement order 1 Dec 2023 to
        // match 10 May 2024 = 161 days. K03 has an unreversed adoption decision and is placed for adoption (A5).
        Map<String, Object> fy = row("permanence", "2024-25");
        assertEquals(3L, fy.get("cla_ceased"));
        assertEquals(1L, fy.get("ceased_adopted"));
        assertEquals(33.3, num(fy.get("ceased_adopted_pct")), 1e-9);
        assertEquals(1L, fy.get("ceased_sgo"));
        assertEquals(33.3, num(fy.get("ceased_sgo_pct")), 1e-9);
        assertEquals(513.0, num(fy.get("days_entered_care_to_placed_avg")), 1e-9);
        assertEquals(161.0, num(fy.get("days_placement_order_to_match_avg")), 1e-9);
        assertEquals(1L, fy.get("with_adoption_decision"));
        assertEquals(1L, fy.get("placed_for_adoption"));
    }

    @Test
    void permanence_plans_in_force_at_the_snapshot() throws Exception {
        // ssd_cla_care_plan. At 31 March 2025 the CLA are K01, K02, K03, K04, K10 = 5.
        // K01: a record from the day she came into care with every key blank: no plan agreed yet.
        // K02: CP02a (LTFOST18) ended 31 March, so it is not in force that day; CP02b, from 31 March, is:
        //      LTFOST18 and SUPPLIV ("Yes"), sent in the SSD template's unquoted-key form: parallel planning.
        // K03: ADOPTION from 1 Jun 2024. K10: {"RETURN6M": "Y", "ADOPTION": "N"}: RETURN6M only.
        // K04: LTFOST18 ended 1 Dec 2024; the open OTHERPLN record is dated 1 Jan 2022, before this period of care
        //      (30 Sep 2022), so it is not this period's plan: no plan.
        // With a plan: K02, K03, K10 = 3 / 5 = 60.0%; parallel 1; LTFOST18 1, SUPPLIV 1, ADOPTION 1, RETURN6M 1.
        // K06's REMAINSUP plan is during short breaks (not CLA); K07 and K08 left care before 31 March.
        Map<String, Object> fy = row("permanence", "2024-25");
        assertEquals(5L, fy.get("cla_count"));
        assertEquals(3L, fy.get("with_permanence_plan"));
        assertEquals(60.0, num(fy.get("with_permanence_plan_pct")), 1e-9);
        assertEquals(1L, fy.get("with_parallel_plan"));
        assertEquals(1L, fy.get("plan_long_term_foster_care"));
        assertEquals(1L, fy.get("plan_supported_living"));
        assertEquals(1L, fy.get("plan_adoption"));
        assertEquals(1L, fy.get("plan_return_within_6_months"));
        for (String none : new String[] {"plan_remain_with_family_supported", "plan_return_within_1_month", "plan_return_eventually",
                "plan_long_term_relatives_friends", "plan_residential_to_independence", "plan_other"}) {
            assertEquals(0L, fy.get(none), none);
        }
        // The adoption decision is kept beside the plan, unchanged: K03 only.
        assertEquals(1L, fy.get("with_adoption_decision"));
        assertEquals(java.util.List.of("K02", "K03", "K10"), authority.query("select person_id from intermediate.int_cla_permanence_plan_at_period_end "
                + "where period_label = '2024-25' and has_permanence_plan order by person_id").stream().map(r -> r.get("person_id")).toList());
        assertEquals("CP02b", authority.one("select care_plan_id from intermediate.int_cla_permanence_plan_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K02'").get("care_plan_id"));
        assertNull(authority.one("select care_plan_id from intermediate.int_cla_permanence_plan_at_period_end "
                + "where period_label = '2024-25' and person_id = 'K04'").get("care_plan_id"));
        // Each form the plan may be sent in: staging's codes.
        Map<String, String> codes = new java.util.TreeMap<>();
        for (Map<String, Object> r : authority.query("select care_plan_id, coalesce(array_to_string(plan_codes, ','), '') c from staging.stg_case__cla_care_plan")) {
            codes.put((String) r.get("care_plan_id"), (String) r.get("c"));
        }
        assertEquals("", codes.get("CP01"), "every key blank");
        assertEquals(Map.of("n", 0L, "has_plan", false), authority.one("select len(plan_codes) n, has_plan from staging.stg_case__cla_care_plan "
                + "where care_plan_id = 'CP01'"));
        assertEquals("LTFOST18,SUPPLIV", codes.get("CP02b"), "unquoted keys");
        assertEquals("ADOPTION,RETURNEV", codes.get("CP07a"), "JSON array");
        assertEquals("ADOPTION", codes.get("CP07b"), "a bare code");
        assertEquals("RETURN6M", codes.get("CP10"), "N is not chosen");
        // 30 Nov 2024: K02, K03, K04 (plan ends 1 Dec), K07 (ADOPTION), K08 (LTRELFR), K10 = 6 of 6 = 100.0%.
        // 31 Dec 2024: the same six CLA; K04's plan has ended: 5 / 6 = 83.3%.
        Map<String, Object> nov = row("permanence", "2024-11");
        assertEquals(6L, nov.get("cla_count"));
        assertEquals(6L, nov.get("with_permanence_plan"));
        assertEquals(1L, nov.get("plan_long_term_relatives_friends"));
        assertEquals(2L, nov.get("plan_long_term_foster_care"));
        assertEquals(83.3, num(row("permanence", "2024-12").get("with_permanence_plan_pct")), 1e-9);
        // 30 April 2024: K03, K04, K07, K08 (from 15 Apr), K10 (from 1 Apr) = 5; K05 left on 1 April. K03's, K08's
        // and K10's plans start in June and July: K04 (LTFOST18) and K07 (ADOPTION, CP07b) = 2 / 5 = 40.0%.
        Map<String, Object> apr = row("permanence", "2024-04");
        assertEquals(5L, apr.get("cla_count"));
        assertEquals(2L, apr.get("with_permanence_plan"));
        assertEquals(40.0, num(apr.get("with_permanence_plan_pct")), 1e-9);
        Map<String, Object> ind = authority.one("select value, numerator, denominator, unit from marts.indicator_values "
                + "where indicator_code = 'cla_with_permanence_plan_pct' and period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(60.0, num(ind.get("value")), 1e-9);
        assertEquals(3.0, num(ind.get("numerator")), 1e-9);
        assertEquals(5.0, num(ind.get("denominator")), 1e-9);
        assertEquals("percent", ind.get("unit"));
        assertEquals(3.0, num(authority.one("select value from marts.indicator_values where indicator_code = 'cla_with_permanence_plan_count' "
                + "and period_type = 'month' and period_label = '2025-03'").get("value")), 1e-9);
    }

    @Test
    void missing_and_return_home_interviews() throws Exception {
        // Looked after during 2024-25: K01, K02, K03, K04, K05 (ceased 1 Apr), K07, K08, K10 = 8. Missing: K04, whose
        // episode M3 was open on 1 April 2024 = 1 / 8 = 12.5%. K06's episode is while on short breaks: not CLA.
        Map<String, Object> fy = row("missing", "2024-25");
        assertEquals(8L, fy.get("cla_in_period"));
        assertEquals(1L, fy.get("cla_missing"));
        assertEquals(12.5, num(fy.get("cla_missing_pct")), 1e-9);
        assertEquals(0L, fy.get("cla_away"));
        // Returns in 2024-25: M3 (RHI offered) and M5 (not offered) = 1 / 2.
        assertEquals(2L, fy.get("returns_due"));
        assertEquals(50.0, num(fy.get("rhi_offered_pct")), 1e-9);
        // 2025-26 to Mon 5 May: M1 ended 22:30 Fri 2 May, so its 72 clock hours end 22:30 Mon 5 May (a bank
        // holiday), inside the as-at day: due, offered and accepted. M2 ended 01:00 Sat 3 May: due 01:00 Tue 6 May,
        // after the as-at day: not yet due. M4 (K02) is still open: K02 missing at the as-at date.
        Map<String, Object> now = row("missing", "2025-26");
        assertEquals(5L, now.get("cla_in_period"));
        assertEquals(2L, now.get("cla_missing"));
        assertEquals(1L, now.get("cla_away"));
        assertEquals(3L, now.get("episodes_started"));
        assertEquals(1L, now.get("returns_due"));
        assertEquals(100.0, num(now.get("rhi_accepted_pct")), 1e-9);
        assertEquals(1L, now.get("cla_missing_at_snapshot"));
        assertEquals(true, authority.one("select is_rhi_due from intermediate.int_missing_episodes where missing_episode_id = 'M1'").get("is_rhi_due"));
        assertEquals(false, authority.one("select is_rhi_due from intermediate.int_missing_episodes where missing_episode_id = 'M2'").get("is_rhi_due"));
    }

    @Test
    void care_leaver_with_19th_birthday_on_1_april() throws Exception {
        // K05's 19th birthday is 1 April 2025: in the 2025-26 cohort, not 2024-25. Her 18th birthday (1 April 2024)
        // is the day she left care: she was looked after on it, so it is not a care leaver's birthday (DfE's SSDA903
        // rules 1007/1016: no care leaver information for an 18-year-old whose care ceased on or after the birthday).
        assertEquals(java.util.List.of(), authority.query("select * from intermediate.int_care_leavers_birthdays "
                + "where person_id = 'K05' and financial_year = '2024-25'"));
        Map<String, Object> fy = row("care_leavers", "2024-25");
        assertEquals(0L, fy.get("leavers_17_18"));
        assertNull(fy.get("leavers_17_18_eet_pct"));
        assertNull(fy.get("leavers_17_18_suitable_pct"));
        // 2024-25 19-21: only K09 (20th birthday 20 Aug 2024), not in touch, residence not known (accommodation R).
        // He stays in the DfE denominator for in touch and EET (1: 0% in touch, 100% not in touch, 0% EET) but
        // DfE leaves "residence not known" out of the suitable accommodation denominator: 0, so no %, not 0%.
        assertEquals(1L, fy.get("leavers_19_21"));
        assertEquals(0.0, num(fy.get("leavers_19_21_in_touch_pct")), 1e-9);
        assertEquals(100.0, num(fy.get("leavers_19_21_not_in_touch_pct")), 1e-9);
        assertEquals(0.0, num(fy.get("leavers_19_21_eet_pct")), 1e-9);
        assertEquals(0L, fy.get("leavers_19_21_accommodation_known"));
        assertNull(fy.get("leavers_19_21_suitable_pct"));
        Map<String, Object> ind = authority.one("select value, numerator, denominator from marts.indicator_values where "
                + "indicator_code = 'care_leavers_19_21_suitable_accom_pct' and period_type = 'financial_year' and period_label = '2024-25'");
        assertNull(ind.get("value"));
        assertEquals(0.0, num(ind.get("denominator")), 1e-9);
        // 2025-26: 1 in the 19-21 cohort, in touch, not in EET (G5), suitable; left foster care at 18, staying put (Z).
        Map<String, Object> now = row("care_leavers", "2025-26");
        assertEquals(1L, now.get("leavers_19_21"));
        assertEquals(100.0, num(now.get("leavers_19_21_in_touch_pct")), 1e-9);
        assertEquals(0.0, num(now.get("leavers_19_21_eet_pct")), 1e-9);
        assertEquals(100.0, num(now.get("leavers_19_21_suitable_pct")), 1e-9);
        assertEquals(100.0, num(now.get("staying_put_19_20_pct")), 1e-9);
        // K05's pathway plan reviewed 15 Feb 2024: within 6 months at 30 June 2024, not at 30 Sep 2024, when K09
        // (record of 1 Aug 2024, no pathway review) is a care leaver too: 0 / 2.
        assertEquals(100.0, num(row("care_leavers", "2024-06").get("pathway_review_in_6_months_pct")), 1e-9);
        assertEquals(0.0, num(row("care_leavers", "2024-09").get("pathway_review_in_6_months_pct")), 1e-9);
        assertEquals(2L, row("care_leavers", "2024-09").get("care_leavers_open"));
    }

    @Test
    void indicators_carry_published_codes_and_every_test_passes() throws Exception {
        for (String code : new String[] {"cla_count_31mar", "cla_rate_per_10k_31mar", "uasc_cla_count_31mar", "uasc_pct_of_cla_starting",
                "cla_placed_over20miles_outside_la_pct", "cla_3plus_placements_in_year_pct", "cla_long_term_stability_pct",
                "cla_long_term_stability_count", "cla_under16_in_care_2_5yrs_count", "cla_missing_in_year_pct",
                "cla_away_without_auth_in_year_pct", "cla_ceased_adopted_count", "cla_ceased_adopted_pct", "cla_ceased_sgo_count",
                "cla_ceased_sgo_pct", "care_leavers_19_21_eet_pct", "care_leavers_19_21_suitable_accom_pct",
                "care_leavers_la_not_in_touch_pct", "care_leavers_19_20_staying_put_pct", "cla_reviews_up_to_date_pct", "cla_in_care_2yrs_3plus_placements_in_2yrs_pct", "cla_in_care_2yrs_count",
                "cla_health_assessment_up_to_date_pct", "care_leavers_17_18_suitable_accom_pct", "cla_with_permanence_plan_count",
                "cla_with_permanence_plan_pct"}) {
            Map<String, Object> r = authority.one("select count(*) n, count(unit) units from marts.indicator_values "
                    + "where indicator_code = '" + code + "' and period_type = 'financial_year' and period_label = '2024-25'");
            assertEquals(1L, r.get("n"), code);
            assertEquals(1L, r.get("units"), code + " is catalogued");
        }
        Map<String, Object> rate = authority.one("select value, numerator, denominator, unit from marts.indicator_values "
                + "where indicator_code = 'cla_rate_per_10k_31mar' and period_type = 'month' and period_label = '2025-04'");
        assertEquals(5.0, num(rate.get("value")), 1e-9);
        assertEquals(10000.0, ((Number) rate.get("denominator")).doubleValue());
        assertEquals("rate_per_10000", rate.get("unit"));
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed").get("n"));
    }

    @Test
    void annex_a_list_8_shows_the_permanence_plan_in_force_as_ofsted_categorises_it() throws Exception {
        // As at 5 May 2025 (the newest extract), window from 6 November 2024. By hand, from
        // ssd_cla_care_plan_20250505.csv:
        //   K01 record with every key blank: no plan. K02 CP02b from 31 March, parallel LTFOST18 + SUPPLIV:
        //   one value, Ofsted's order puts supported living (d) before long-term fostering (f): SUPPLIV.
        //   K03 CP03 ADOPTION. K04 CP04 ended 1 Dec 2024 and CP04x predates his care: none. K10 RETURN6M.
        //   K07 ceased 20 Feb 2025, CP07b (ADOPTION) closed that day: the plan he left care on.
        //   K08 ceased 10 Mar 2025 with CP08 (LTRELFR) closed that day: LTRELFR, Ofsted's c) SGO/CAO.
        Map<String, Object> plans = authority.one("select map(list(child_id order by child_id), "
                + "list(coalesce(permanence_plan, '-') order by child_id)) m from marts.annex_a_list_08_children_in_care");
        assertEquals("{K01=-, K02=SUPPLIV, K03=ADOPTION, K04=-, K07=ADOPTION, K08=LTRELFR, K10=RETURN6M}",
                String.valueOf(plans.get("m")));
        assertEquals("c) SGO/CAO", uk.csc.warehouse.annexa.AnnexATemplate.load("2025").vocabularies()
                .get("permanence_plan").get("LTRELFR"));
    }
}
