package uk.csc.warehouse.transform;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture-row unit tests of key intermediate models (issue 14): a few hand-made input rows, the exact rows the
 * model must produce, each case chosen for a rule in the model's header.
 */
class IntermediateModelUnitTest {
    @TempDir
    Path scratch;

    @Test
    void int_referrals_sequenced_counts_a_re_referral_within_12_months_inclusive() throws Exception {
        try (ModelFixture f = ModelFixture.of("intermediate.int_referrals_sequenced", scratch)) {
            f.given("staging.stg_case__cin_episodes", """
                    referral_id | person_id | referral_date | is_nfa | referral_source_code
                    R1          | P1        | 2023-01-10    | false  | 1A
                    R2          | P1        | 2024-01-10    | false  | 1A
                    R3          | P1        | 2025-01-11    | true   | 2B
                    R5          | P2        | 2024-05-01    | false  | 3A
                    R4          | P2        | 2024-05-01    | false  | 3A
                    R9          | P3        |               | false  | 1A
                    """)
             // R2 exactly 12 months after R1: a re-referral (CIN census: within 12 months, inclusive);
             // R3 12 months and a day after R2: not. R4/R5 the same day: ordered by id, the second a re-referral.
             // R9 has no referral date: not a referral.
             .expect("referral_id, referral_sequence, previous_referral_date, is_re_referral_12m", """
                    R1 | 1 |            | false
                    R2 | 2 | 2023-01-10 | true
                    R3 | 3 | 2024-01-10 | false
                    R4 | 1 |            | false
                    R5 | 2 | 2024-05-01 | true
                    """);
        }
    }

    @Test
    void int_assessments_timed_counts_working_days_from_the_referral_skipping_bank_holidays() throws Exception {
        try (ModelFixture f = ModelFixture.of("intermediate.int_assessments_timed", scratch)) {
            f.asAt("2025-03-31").withModel("reference.working_day_calendar")
             .given("staging.stg_case__cin_episodes", """
                    referral_id | referral_date
                    R1          | 2024-12-23
                    R2          | 2024-12-20
                    R4          | 2024-10-01
                    R6          | 2024-08-01
                    """)
             .given("staging.stg_case__cin_assessments", """
                    assessment_id | person_id | referral_id | start_date | authorised_date:date | child_seen
                    A1            | P1        | R1          | 2024-12-27 | 2025-01-02           | true
                    A2            | P2        | R2          | 2024-12-20 | 2024-12-20           | true
                    A3            | P3        | R2          | 2024-12-20 |                      | false
                    A4            | P4        | R4          | 2024-10-02 | 2024-12-04           | true
                    A5            | P5        | R404        | 2024-10-02 | 2024-10-03           | true
                    A6            | P6        | R6          | 2024-08-01 | 2024-10-04           | true
                    """)
             // A1: Mon 23 Dec to Thu 2 Jan = 24, 27, 30, 31 Dec and 2 Jan (25, 26 Dec and 1 Jan are holidays): 5.
             // A2 authorised the day of referral: 0, 'same day'. A3 not authorised: not listed.
             // A4: 46 working days, one over the 45. A5's referral is unknown: no clock, not timed.
             // A6: 45 working days because 26 August 2024 was a bank holiday (46 weekdays): still in time.
             .expect("assessment_id, clock_start_date, duration_working_days, is_timed, within_45_working_days, duration_band", """
                    A1 | 2024-12-23 | 5  | true  | true  | 1-10
                    A2 | 2024-12-20 | 0  | true  | true  | same day
                    A4 | 2024-10-01 | 46 | true  | false | 46-50
                    A5 |            |    | false |       |
                    A6 | 2024-08-01 | 45 | true  | true  | 41-45
                    """);
        }
    }

    @Test
    void int_cp_plans_sequenced_orders_a_childs_plans_and_times_two_years_as_730_days() throws Exception {
        try (ModelFixture f = ModelFixture.of("intermediate.int_cp_plans_sequenced", scratch)) {
            f.given("staging.stg_case__cp_plans", """
                    cp_plan_id | person_id | start_date | end_date:date | is_other_la_plan | initial_category | latest_category
                    C1         | P1        | 2022-01-01 | 2024-01-01    | false            | physical         | emotional
                    C2         | P1        | 2024-06-01 |               | false            |                  |
                    C3         | P2        | 2023-03-01 | 2025-02-27    | true             | neglect          |
                    C4         | P3        |            | 2025-01-01    | false            | neglect          |
                    """)
             // C1 lasted 730 days (2022-2024): two years or more. C2 is P1's second plan, open, categories unknown.
             // C3 lasted 729 days, and is another authority's plan: not counted. C4 has no start: not a plan.
             .expect("cp_plan_id, plan_sequence, is_second_or_subsequent, previous_plan_end_date, duration_days, "
                     + "lasted_two_years_plus, is_counted, initial_category, latest_category", """
                    C1 | 1 | false |            | 730 | true  | true  | physical     | emotional
                    C2 | 2 | true  | 2024-01-01 |     |       | true  | not_recorded | not_recorded
                    C3 | 1 | false |            | 729 | false | false | neglect      | neglect
                    """);
        }
    }

    @Test
    void int_cla_periods_of_care_joins_contiguous_episodes_and_reads_age_and_uasc_on_the_start_date() throws Exception {
        try (ModelFixture f = ModelFixture.of("intermediate.int_cla_periods_of_care", scratch)) {
            f.given("intermediate.int_cla_episodes_classified", """
                    episode_id | person_id | cla_id | start_date | ceased_date:date | ceased_reason_code | is_short_break
                    E1         | P1        | L1     | 2023-01-10 | 2023-03-01       | X1                 | false
                    E2         | P1        | L1     | 2023-03-01 | 2023-06-30       | E11                | false
                    E9         | P1        | L1     | 2023-09-01 | 2023-09-03       | E8                 | true
                    E3         | P1        | L2     | 2024-02-01 |                  |                    | false
                    E4         | P2        | L3     | 2024-05-01 | 2024-05-20       | E13                | false
                    """)
             .given("staging.stg_case__person", """
                    person_id | date_of_birth
                    P1        | 2012-03-01
                    P2        | 2008-05-01
                    """)
             .given("staging.stg_case__immigration_status", """
                    person_id | start_date | end_date:date | is_uasc
                    P1        | 2023-01-01 | 2023-01-10    | true
                    P2        | 2024-04-01 |               | true
                    """)
             // E1 and E2 touch (ceased the day the next started): one period, ending with E2's reason. E3 starts
             // after a gap: a second period, open. The short break E9 is no period of care. P1 is 10 on 10 January
             // 2023 (11 from 1 March) and 11 in February 2024; P2 turns 16 on the day care starts. P1's UASC status
             // ended on the day care started, so not in force then; P2's, open since April, is.
             .expect("period_of_care_id, start_date, end_date, ceased_reason_code, episodes, age_at_start, is_uasc_at_start", """
                    P1#1 | 2023-01-10 | 2023-06-30 | E11 | 2 | 10 | false
                    P1#2 | 2024-02-01 |            |     | 1 | 11 | false
                    P2#1 | 2024-05-01 | 2024-05-20 | E13 | 1 | 16 | true
                    """);
        }
    }
}
