package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/** The workforce marts on a hand-built team (src/test/resources/cohorts/workforce/README.md). */
class WorkforceCohortTest {
    @TempDir
    static Path root;
    static TestAuthority authority;

    @BeforeAll
    static void loadAndBuild() throws Exception {
        authority = BuiltCohorts.copy("workforce", root);
        LoadReport report = BuiltCohorts.loadReport("workforce");
        assertTrue(report.quarantined().isEmpty(), () -> "quarantined: " + report.quarantined());
    }

    private Map<String, Object> snapshot(String type, String label) throws Exception {
        return authority.one("select * from marts.workforce where period_type = '" + type + "' and period_label = '" + label + "'");
    }

    @Test
    void census_30_september_2024() throws Exception {
        Map<String, Object> c = snapshot("census_30sep", "2024-09-30");
        // Registered, employed, in post on 30 Sep: W1 1.0, W2 0.5, W4 1.0 (leaves that day), W7 1.0 (manager),
        // W9 1.0 (started 16 Sep) = 4.5 FTE, 5 people. W8 is unregistered, W5 and W6 have left.
        assertEquals(5L, ((Number) c.get("sw_headcount")).longValue());
        assertEquals(4.5, ((Number) c.get("sw_fte")).doubleValue(), 1e-9);
        // Agency W3 1.0: 1.0 / (1.0 + 4.5) = 18.2%.
        assertEquals(decimal("18.2"), decimal(c.get("agency_rate_pct")));
        // Funded social work posts: social worker 5.0 (from 1 Apr 2024, replacing 4.0) + team manager 1.0 = 6.0;
        // vacancies 6.0 - 4.5 = 1.5 (W3's locum cover still counts as vacant): 1.5 / (1.5 + 4.5) = 25.0%.
        assertEquals(6.0, ((Number) c.get("funded_fte")).doubleValue(), 1e-9);
        assertEquals(decimal("25.0"), decimal(c.get("vacancy_rate_pct")));
        // Leavers 1 Oct 2023 - 30 Sep 2024: W5 0.8 (29 Feb), W4 1.0 (30 Sep) = 1.8; 1.8 / 4.5 = 40.0%.
        assertEquals(1.8, ((Number) c.get("leavers_fte")).doubleValue(), 1e-9);
        assertEquals(decimal("40.0"), decimal(c.get("turnover_rate_pct")));
        // In post a year earlier too: W1, W2, W4, W7 = 3.5 of 4.5 = 77.8%.
        assertEquals(decimal("77.8"), decimal(c.get("stability_pct")));
        // Caseloads on 30 Sep (social workers, incl. agency and workers HR does not have in post):
        // W1 21 (P130 closed on the day, the IRO row ignored), W2 6 (HR FTE 0.5), W3 9 (P309 handed over on the day),
        // W10 3 (case-system FTE 1.0), W5 1 (case-system FTE 0.8); W4 none; W8 is not a social worker.
        // 40 cases / 4.3 FTE = 9.3; over the threshold of 20: W1.
        assertEquals(40L, ((Number) c.get("cases_held")).longValue());
        assertEquals(5L, ((Number) c.get("case_holders")).longValue());
        assertEquals(decimal("9.3"), decimal(c.get("avg_caseload")));
        assertEquals(1L, ((Number) c.get("over_threshold")).longValue());
        // Reconciled on the census date: holding cases but not in post in HR - W10 (unknown to HR), W5 (left in Feb) = 2;
        // in a case-holding post in HR but holding no case - W4 (last case ended that day), W9 (new, no account) = 2.
        assertEquals(2L, ((Number) c.get("case_holders_not_in_hr")).longValue());
        assertEquals(2L, ((Number) c.get("hr_case_holders_without_cases")).longValue());
        // Sickness, 1 Oct 2023 - 30 Sep 2024, employed social workers in post on 30 Sep (hr/sickness_absence):
        // W1 13-24 May 10 + 2-3 Oct 2 (the absence began 25 Sep 2023: only its days in the year count) = 12;
        // W2 22-27 Aug 3 working days (26 Aug bank holiday) x 0.5 FTE = 1.5; W4 25 Mar - 2 Apr 5 (Good Friday
        // and Easter Monday skipped); W9 off since 26 Sep, still off: 26, 27, 30 Sep = 3; W7 none.
        // Not W3 (agency), W8 (not registered), W5 (left). 21.5 FTE days / (4.5 x 253 = 1138.5) = 1.9%.
        assertEquals(21.5, ((Number) c.get("sickness_days_lost")).doubleValue(), 1e-9);
        assertEquals(decimal("1.9"), decimal(c.get("sickness_absence_rate_pct")));
    }

    @Test
    void census_30_september_2023() throws Exception {
        Map<String, Object> c = snapshot("census_30sep", "2023-09-30");
        // In post: W1 1.0, W2 0.5, W4 1.0, W5 0.8, W7 1.0 = 4.3; no agency. Funded 4.0 + 1.0 = 5.0: vacancy 0.7 -> 14.0%.
        // Leavers 1 Oct 2022 - 30 Sep 2023: W6 1.0 -> 1.0 / 4.3 = 23.3%.
        // Sickness 1 Oct 2022 - 30 Sep 2023: W1 25-29 Sep 5 + W5 6-10 Mar 5 x 0.8 = 9.0 / (4.3 x 253 = 1087.9) = 0.8%.
        assertEquals(4.3, ((Number) c.get("sw_fte")).doubleValue(), 1e-9);
        assertEquals(decimal("0.0"), decimal(c.get("agency_rate_pct")));
        assertEquals(decimal("14.0"), decimal(c.get("vacancy_rate_pct")));
        assertEquals(decimal("23.3"), decimal(c.get("turnover_rate_pct")));
        assertEquals(9.0, ((Number) c.get("sickness_days_lost")).doubleValue(), 1e-9);
        assertEquals(decimal("0.8"), decimal(c.get("sickness_absence_rate_pct")));
    }

    @Test
    void month_end_snapshots() throws Exception {
        // 29 Feb 2024 is W5's last day: in post at the February month end, gone by March.
        Map<String, Object> feb = snapshot("month", "2024-02");
        Map<String, Object> mar = snapshot("month", "2024-03");
        assertEquals(((Number) feb.get("sw_fte")).doubleValue() - 0.8, ((Number) mar.get("sw_fte")).doubleValue(), 1e-9);
        assertEquals(snapshot("census_30sep", "2024-09-30").get("sw_fte"), snapshot("month", "2024-09").get("sw_fte"));
    }

    @Test
    void reconciliation_lists_every_worker_found_in_one_system_and_not_the_other() throws Exception {
        List<Map<String, Object>> rows = authority.query("select worker_id, discrepancy from marts.worker_reconciliation order by worker_id, discrepancy");
        Map<String, String> byWorker = rows.stream().collect(Collectors.toMap(
                r -> (String) r.get("worker_id"), r -> (String) r.get("discrepancy"), (a, b) -> a + "," + b));
        assertEquals(Map.of(
                "W10", "holds_cases_not_in_hr",
                "W11", "held_cases_earlier_not_in_hr",
                "W5", "holds_cases_not_employed",
                "W9", "employed_case_holder_not_in_case_system",
                "W4", "employed_case_holder_without_cases",
                "W2", "fte_differs"), byWorker);
        // W11's last case (P701, 1 Jan - 1 Mar 2024) was handed on 1 Mar: held until that day.
        assertEquals("2024-03-01", String.valueOf(authority.one("select last_held_date from marts.worker_reconciliation "
                + "where worker_id = 'W11'").get("last_held_date")));
    }

    @Test
    void indicators_use_the_published_codes() throws Exception {
        Map<String, Object> row = authority.one("select value, unit, polarity from marts.indicator_values "
                + "where indicator_code = 'sw_vacancy_rate_fte_pct' and period_type = 'census_30sep' and period_label = '2024-09-30'");
        assertEquals(25.0, ((Number) row.get("value")).doubleValue(), 1e-9);
        assertEquals("lower_is_better", row.get("polarity"));
        Map<String, Object> caseload = authority.one("select value, numerator, denominator from marts.indicator_values "
                + "where indicator_code = 'sw_avg_caseload_30sep' and period_type = 'census_30sep' and period_label = '2024-09-30'");
        assertEquals(9.3, ((Number) caseload.get("value")).doubleValue(), 1e-9);
        assertEquals(40L, ((Number) caseload.get("numerator")).longValue());
        for (String code : List.of("sw_fte_count_30sep", "sw_agency_rate_fte_pct", "sw_turnover_rate_fte_pct", "sw_avg_caseload_30sep",
                "sw_sickness_absence_rate_pct")) {
            assertEquals(1, authority.query("select 1 from marts.indicator_values where indicator_code = '" + code
                    + "' and period_type = 'census_30sep' and period_label = '2024-09-30'").size(), code);
        }
        Map<String, Object> band = authority.one("select caseload_band from marts.worker_caseloads "
                + "where period_type = 'census_30sep' and period_label = '2024-09-30' and worker_id = 'W1'");
        assertEquals("21-25", band.get("caseload_band"));
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed").get("n"));
    }

    @Test
    void caseload_distribution_by_team() throws Exception {
        // 30 Sep 2024 social workers holding cases: D201 W5 1 (1-5), W2 6 and W3 9 (6-10), W1 21 (21-25, over 20);
        // D301 W10 3 (1-5). W8 (2 + 1 cases) is not a social worker.
        Map<String, Long> d201 = bands("D201");
        assertEquals(Map.of("1-5", 1L, "6-10", 2L, "11-15", 0L, "16-20", 0L, "21-25", 1L, "26+", 0L), d201);
        assertEquals(Map.of("1-5", 1L, "6-10", 0L, "11-15", 0L, "16-20", 0L, "21-25", 0L, "26+", 0L), bands("D301"));
        assertEquals(Map.of("1-5", 2L, "6-10", 2L, "11-15", 0L, "16-20", 0L, "21-25", 1L, "26+", 0L), bands("all"));
        Map<String, Object> top = authority.one("select cases, pct_of_case_holders, over_threshold_workers from marts.worker_caseload_distribution "
                + "where period_type = 'census_30sep' and period_label = '2024-09-30' and team_id = 'D201' and caseload_band = '21-25'");
        assertEquals(21L, ((Number) top.get("cases")).longValue());
        assertEquals(decimal("25.0"), decimal(top.get("pct_of_case_holders")));  // 1 of D201's 4 case holders
        assertEquals(1L, ((Number) top.get("over_threshold_workers")).longValue());
    }

    @Test
    void stability_and_rates_by_service_area() throws Exception {
        // 30 Sep 2024. Assessment = team D201: employed 4.5, agency 1.0, funded 6.0, vacant 1.5 (25.0%), leavers 1.8 (40.0%),
        // in post a year before too 3.5 (77.8%); case holders W1 21, W2 6, W3 9, W5 1 = 37 cases / 3.3 FTE = 11.2.
        Map<String, Object> a = authority.one("select * from marts.workforce_by_service_area where period_type = 'census_30sep' "
                + "and period_label = '2024-09-30' and service_area = 'Assessment'");
        assertEquals(4.5, ((Number) a.get("employed_fte")).doubleValue(), 1e-9);
        assertEquals(decimal("25.0"), decimal(a.get("vacancy_rate_pct")));
        assertEquals(decimal("40.0"), decimal(a.get("turnover_rate_pct")));
        assertEquals(decimal("77.8"), decimal(a.get("stability_pct")));
        assertEquals(37L, ((Number) a.get("cases_held")).longValue());
        assertEquals(decimal("11.2"), decimal(a.get("avg_caseload")));
        // Family Support and Child Protection = team D301: only W10 (agency, case system only) holding 3; no employed staff.
        Map<String, Object> f = authority.one("select * from marts.workforce_by_service_area where period_type = 'census_30sep' "
                + "and period_label = '2024-09-30' and service_area = 'Family Support and Child Protection'");
        assertEquals(1L, ((Number) f.get("case_holders")).longValue());
        assertEquals(decimal("3.0"), decimal(f.get("avg_caseload")));
        assertNull(f.get("stability_pct"));
    }

    private Map<String, Long> bands(String team) throws Exception {
        return authority.query("select caseload_band, workers from marts.worker_caseload_distribution where period_type = 'census_30sep' "
                + "and period_label = '2024-09-30' and team_id = '" + team + "'").stream().collect(Collectors.toMap(
                        r -> (String) r.get("caseload_band"), r -> ((Number) r.get("workers")).longValue()));
    }

    @Test
    void children_looked_after_with_3_or_more_social_workers_in_the_year() throws Exception {
        // 2024-25 to date (1 Apr - 30 Sep 2024), looked after on 30 Sep: P301, P302, P303, P309 (P304 left care 1 Aug).
        // P301: W4 until 1 Apr (open on the year's first day: counts), W3 from 1 Apr, W10 Jun (agency, case system only:
        //       registered there) = 3; W8 Family Support Worker, unregistered in both systems, does not count.
        // P302: W3, W1 May, W2 Jun = 3 (W8 in April does not count). P303: W3, W2 = 2 (W8 again left out).
        // P309: W4 until 30 Sep, W3 from 30 Sep = 2.  2 / 4 = 50.0%.
        Map<String, Object> fy = authority.one("select value, numerator, denominator from marts.indicator_values "
                + "where indicator_code = 'cla_3plus_social_workers_in_year_pct' and period_type = 'financial_year' and period_label = '2024-25'");
        assertEquals(50.0, ((Number) fy.get("value")).doubleValue(), 1e-9);
        assertEquals(2L, ((Number) fy.get("numerator")).longValue());
        assertEquals(4L, ((Number) fy.get("denominator")).longValue());
        Map<String, Long> workers = authority.query("select person_id, social_workers_in_year from marts.cla_social_worker_changes "
                + "where period_label = '2024-25'").stream().collect(Collectors.toMap(
                        r -> (String) r.get("person_id"), r -> ((Number) r.get("social_workers_in_year")).longValue()));
        assertEquals(Map.of("P301", 3L, "P302", 3L, "P303", 2L, "P309", 2L), workers);
        // 2023-24, looked after on 31 Mar 2024: P301 (W4 from Oct) = 1, P304 (no allocation that year) = 0 -> 0.0%.
        Map<String, Object> last = authority.one("select value, denominator from marts.indicator_values "
                + "where indicator_code = 'cla_3plus_social_workers_in_year_pct' and period_type = 'financial_year' and period_label = '2023-24'");
        assertEquals(0.0, ((Number) last.get("value")).doubleValue(), 1e-9);
        assertEquals(2L, ((Number) last.get("denominator")).longValue());
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(o.toString());
    }
}
