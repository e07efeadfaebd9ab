package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The front-door mart on twelve hand-built children (src/test/resources/cohorts/front_door/README.md).
 * Population is 20,000 in both years, so a rate per 10,000 is half the count.
 */
class FrontDoorCohortTest {
    @TempDir
    static Path root;
    static TestAuthority authority;

    @BeforeAll
    static void loadAndBuild() throws Exception {
        authority = BuiltCohorts.copy("front_door", root);
        LoadReport report = BuiltCohorts.loadReport("front_door");
        assertEquals(3, report.results().size());
        assertTrue(report.quarantined().isEmpty(), () -> "quarantined: " + report.quarantined());
    }

    private Map<String, Object> period(String type, String label) throws Exception {
        return authority.one("select * from marts.front_door where period_type = '" + type
                + "' and period_label = '" + label + "'");
    }

    @Test
    void financial_year_2023_24() throws Exception {
        // Referrals 1 Apr 2023 - 31 Mar 2024: R01a, R02a (15 Jun), R09b (31 Aug), R12 (29 Feb), R03 (31 Mar) = 5.
        // Re-referrals: R09b only (previous R09a 1 Sep 2022 is within 12 months of 31 Aug 2023) = 1 → 20.0%.
        // NFA: R03, R12 = 2 → 40.0%. Rate 5 / 20,000 × 10,000 = 2.5.
        // Assessments authorised: A01 (14 Jul 2023, 21 working days after 15 Jun) = 1, within 45 → 100.0%.
        Map<String, Object> fy = period("financial_year", "2023-24");
        assertEquals(5L, fy.get("referrals"));
        assertEquals(new BigDecimal("2.5"), decimal(fy.get("referral_rate_per_10k")));
        assertEquals(1L, fy.get("re_referrals_12m"));
        assertEquals(new BigDecimal("20.0"), decimal(fy.get("re_referral_pct")));
        assertEquals(2L, fy.get("referrals_nfa"));
        assertEquals(new BigDecimal("40.0"), decimal(fy.get("referrals_nfa_pct")));
        assertEquals(1L, fy.get("assessments_completed"));
        assertEquals(new BigDecimal("100.0"), decimal(fy.get("assessments_within_45wd_pct")));
        assertEquals(true, fy.get("is_complete"));
    }

    @Test
    void financial_year_2024_25_to_date() throws Exception {
        // Referrals 1 Apr - 30 Sep 2024: R04 (1 Apr), R05, R06 (25 Apr), R07 (10 May), R01b (15 Jun),
        // R02b (16 Jun), R08a (1 Jul), R08b (20 Jul), R10 (30 Sep, the as-at date) = 9. Rate 4.5.
        // Re-referrals: R01b (previous 15 Jun 2023: exactly 12 months, counts), R08b (previous 1 Jul) = 2;
        // R02b's previous is 12 months and a day earlier, so not. 2 / 9 = 22.2%.
        // Assessments authorised: A04 (1 wd), A07 (0 wd, same day), A05 (45 wd), A06 (46 wd) = 4;
        // within 45: A04, A07, A05 = 3 → 75.0%. A12 is not authorised, so not counted anywhere.
        Map<String, Object> fy = period("financial_year", "2024-25");
        assertEquals(9L, fy.get("referrals"));
        assertEquals(new BigDecimal("4.5"), decimal(fy.get("referral_rate_per_10k")));
        assertEquals(2L, fy.get("re_referrals_12m"));
        assertEquals(new BigDecimal("22.2"), decimal(fy.get("re_referral_pct")));
        assertEquals(0L, fy.get("referrals_nfa"));
        assertEquals(4L, fy.get("assessments_completed"));
        assertEquals(3L, fy.get("assessments_within_45wd"));
        assertEquals(new BigDecimal("75.0"), decimal(fy.get("assessments_within_45wd_pct")));
        assertEquals(false, fy.get("is_complete"), "the year holding the as-at date is year-to-date");
    }

    @Test
    void duration_bands_and_percentiles_as_dfe_publishes_them() throws Exception {
        // 2024-25 durations (working days from the referral): A07 0, A04 1, A05 45, A06 46.
        // Bands: same day A07, 1-10 A04, 41-45 A05, 46-50 A06 = 1 each; the first six bands sum to the 3 in time.
        // Percentiles, linear between ordered values 0, 1, 45, 46 (positions 0-3): P25 at 0.75 = 0 + 0.75 x 1
        // = 0.75 → 0.8; median at 1.5 = 1 + 0.5 x 44 = 23.0; P75 at 2.25 = 45 + 0.25 x 1 = 45.25 → 45.3.
        Map<String, Object> fy = period("financial_year", "2024-25");
        assertEquals(1L, fy.get("assessments_same_day"));
        assertEquals(1L, fy.get("assessments_1_10wd"));
        assertEquals(0L, fy.get("assessments_11_20wd"));
        assertEquals(1L, fy.get("assessments_41_45wd"));
        assertEquals(1L, fy.get("assessments_46_50wd"));
        assertEquals(0L, fy.get("assessments_61plus_wd"));
        assertEquals(0.8, ((Number) fy.get("assessment_duration_p25_wd")).doubleValue(), 1e-9);
        assertEquals(23.0, ((Number) fy.get("assessment_duration_median_wd")).doubleValue(), 1e-9);
        assertEquals(45.3, ((Number) fy.get("assessment_duration_p75_wd")).doubleValue(), 1e-9);
        // 2023-24: A01 alone (21 working days): band 21-30, every percentile 21.0.
        Map<String, Object> last = period("financial_year", "2023-24");
        assertEquals(1L, last.get("assessments_21_30wd"));
        assertEquals(21.0, ((Number) last.get("assessment_duration_median_wd")).doubleValue(), 1e-9);
        // Months without a timed assessment have no percentile (null), not 0.
        assertEquals(null, period("month", "2024-08").get("assessment_duration_median_wd"));
        // Under EES C2's codes in the long table.
        Map<String, Object> median = authority.one("select value, numerator, unit from marts.indicator_values "
                + "where indicator_code = 'assessment_duration_median_wd' and period_type = 'financial_year' "
                + "and period_label = '2024-25'");
        assertEquals(23.0, ((Number) median.get("value")).doubleValue(), 1e-9);
        assertEquals(4.0, ((Number) median.get("numerator")).doubleValue(), 1e-9);
        assertEquals("working_days", median.get("unit"));
        assertEquals(1.0, ((Number) authority.one("select value from marts.indicator_values where indicator_code = "
                + "'assessments_same_day_count' and period_type = 'financial_year' and period_label = '2024-25'")
                .get("value")).doubleValue(), 1e-9);
    }

    @Test
    void march_and_april_fall_in_different_years() throws Exception {
        assertEquals(1L, period("month", "2024-03").get("referrals"));   // R03, 31 March
        assertEquals(3L, period("month", "2024-04").get("referrals"));   // R04 (1 April), R05, R06
        Map<String, Object> june = period("month", "2024-06");
        assertEquals(2L, june.get("referrals"));
        assertEquals(1L, june.get("re_referrals_12m"));
        assertEquals(1L, authority.one("select referrals from marts.front_door where period_label = '2024-09'")
                .get("referrals"), "a referral on the as-at date counts");
        assertEquals(0, authority.query("select * from marts.front_door where period_label = '2024-10'").size(),
                "no period after the as-at date");
    }

    @Test
    void working_days_count_from_the_referral_and_skip_bank_holidays() throws Exception {
        // 25 Apr 2024 (Thu) → 1 Jul 2024: 49 weekdays less the 6 May and 27 May bank holidays = 45 working days.
        assertEquals(45, authority.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A05'").get("d"));
        assertEquals(46, authority.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A06'").get("d"));
        assertEquals(0, authority.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A07'").get("d"));
        // Referral on Easter Monday (not a working day), authorised the Tuesday after: 1 working day.
        assertEquals(1, authority.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A04'").get("d"));
        assertEquals(21, authority.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A01'").get("d"));
    }

    @Test
    void the_clock_can_start_at_the_assessment_start_instead(@TempDir Path other) throws Exception {
        // The authority's own reference/indicator_settings.csv replaces the seeds' table: every seed setting,
        // with assessment_clock_starts_at_referral = 0, so the 45 working days run from cina_assessment_start_date.
        TestAuthority a = TestAuthority.fromCohort("front_door", other);
        a.load();
        StringBuilder settings = new StringBuilder("setting,value,unit,reason\n");
        for (String seed : ClasspathFolder.list("sql/seeds/indicator_settings", ".csv")) {
            ClasspathFolder.read(seed).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.startsWith("assessment_clock_starts_at_referral,")
                            ? "assessment_clock_starts_at_referral,0,flag,test" : l)
                    .forEach(l -> settings.append(l).append('\n'));
        }
        Files.writeString(a.dataDir.reference().resolve("indicator_settings.csv"), settings);
        a.build();
        // A05 started Fri 26 Apr 2024: 44 working days to 1 Jul (not 45 from the 25 Apr referral); A06 45 (in
        // time, not 46); A01 started 16 Jun 2023: 20. 2024-25: A04 1, A07 0, A05 44, A06 45 → 4 of 4 = 100.0%.
        assertEquals(44, a.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A05'").get("d"));
        assertEquals(45, a.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A06'").get("d"));
        assertEquals(20, a.one("select duration_working_days d from intermediate.int_assessments_timed "
                + "where assessment_id = 'A01'").get("d"));
        Map<String, Object> fy = a.one("select * from marts.front_door where period_type = 'financial_year' "
                + "and period_label = '2024-25'");
        assertEquals(4L, fy.get("assessments_within_45wd"));
        assertEquals(new BigDecimal("100.0"), decimal(fy.get("assessments_within_45wd_pct")));
    }

    @Test
    void indicator_table_carries_the_same_figures_under_published_codes() throws Exception {
        Map<String, Object> row = authority.one("select value, numerator, denominator, unit, polarity "
                + "from marts.indicator_values where indicator_code = 'rereferrals_within_12m_pct' "
                + "and period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(22.2, ((Number) row.get("value")).doubleValue(), 1e-9);
        assertEquals(2.0, ((Number) row.get("numerator")).doubleValue(), 1e-9);
        assertEquals(9.0, ((Number) row.get("denominator")).doubleValue(), 1e-9);
        assertEquals("percent", row.get("unit"));
        assertEquals("lower_is_better", row.get("polarity"));
    }

    @Test
    void marts_explain_themselves_to_analysts() throws Exception {
        Map<String, Object> t = authority.one("select comment from duckdb_tables() "
                + "where schema_name = 'marts' and table_name = 'front_door'");
        assertTrue(String.valueOf(t.get("comment")).contains("45 working days"));
        long undocumented = (Long) authority.one("select count(*) n from duckdb_columns() "
                + "where schema_name = 'marts' and comment is null").get("n");
        assertEquals(0L, undocumented, "every mart column carries a COMMENT");
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed").get("n"));
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(o.toString());
    }
}
