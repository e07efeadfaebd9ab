/*
grain: one row per child looked after continuously for at least 12 months at 31 March of the collection year
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's OC2 table (903 guidance, "Children looked after continuously for 12 months at 31 March",
  outcome indicators), for children whose period of care (other than short breaks) began on or before
  1 April of the previous year and was open at 31 March (setting cla_health_care_months: the cut-off is
  31 March less 12 months plus one day, as the CLA indicators count it):
  - SDQ_SCORE / SDQ_REASON: the latest SDQ in the year (ssd_sdq_scores), for children aged 4 or over on
    31 March and under 17 on 1 April (under 4 all year or 17 all year: none, rules 188, 189; turning 4 or 17
    in the year: the score or the reason there is none, SDQ1, rule 197B); blank otherwise.
  - CONVICTED: 1 when convicted of an offence during the year (ssd_cla_convictions), else 0; children aged
    10 or over at 31 March only (rules 542, 543).
  - HEALTH_CHECK (health promotion, development assessments up to date): children under 5 at 31 March only
    (rules 545, 546); 1 when they had at least setting cla_health_assessments_under_5 completed health
    assessments in the year (under-5s are assessed twice a year), else 0.
  - HEALTH_ASSESSMENT: 1 when a health assessment was completed in the 12 months to 31 March, else 0.
  - TEETH_CHECK: 1 when a dental check was completed in the 12 months to 31 March, else 0.
  - IMMUNISATIONS: 1 when up to date on the latest status recorded on or before 31 March
    (ssd_cla_immunisations), else 0.
  - SUBSTANCE_MISUSE: 1 when a substance misuse problem was identified in the year
    (ssd_cla_substance_misuse), else 0; INTERVENTION_RECEIVED 1/0 as recorded for such a child;
    INTERVENTION_OFFERED is not held by the SSD and is left blank (rule 159 then asks the team for it
    where no intervention was received).
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  sdq_score: SDQ total difficulties score 0-40 (SDQ_SCORE).
  sdq_reason: Reason for no SDQ score (SDQ_REASON).
  convicted: Convicted in the year (CONVICTED).
  health_check: Development assessments up to date, under 5s (HEALTH_CHECK).
  immunisations: Immunisations up to date (IMMUNISATIONS).
  teeth_check: Dental check in the year (TEETH_CHECK).
  health_assessment: Health assessment in the year (HEALTH_ASSESSMENT).
  substance_misuse: Substance misuse problem identified (SUBSTANCE_MISUSE).
  intervention_received: Received an intervention for it (INTERVENTION_RECEIVED).
  intervention_offered: Offered an intervention (INTERVENTION_OFFERED); not held in the SSD.
tests:
  unique: [child]
  not_null: [child]
*/
with yr as (
    select * from marts.ssda903_year
),

cohort as (
    select distinct episodes.person_id as child
    from intermediate.int_ssda903_episodes as episodes
    cross join yr
    where not episodes.is_short_break
      and episodes.period_start
          <= cast(yr.year_end - to_months(reference.setting_int('cla_health_care_months')) as date) + 1
      and (episodes.period_end is null or episodes.period_end > yr.year_end)
),

people as (
    select
        people.person_id,
        people.date_of_birth,
        date_diff('year', people.date_of_birth, yr.year_start)
            - case when strftime(yr.year_start, '%m%d') < strftime(people.date_of_birth, '%m%d') then 1 else 0 end
            as age_at_start,
        date_diff('year', people.date_of_birth, yr.year_end)
            - case when strftime(yr.year_end, '%m%d') < strftime(people.date_of_birth, '%m%d') then 1 else 0 end
            as age_at_end
    from staging.stg_case__person as people
    cross join yr
),

health as (
    select
        health.person_id,
        count(*) filter (where health.check_kind = 'health_assessment') as assessments,
        count(*) filter (where health.check_kind = 'dental') as dental_checks
    from staging.stg_case__cla_health as health
    cross join yr
    where health.is_completed
      and health.check_date > cast(yr.year_end - interval 12 month as date)
      and health.check_date <= yr.year_end
    group by health.person_id
),

sdq as (
    select
        sdq.person_id,
        arg_max(sdq.sdq_score, sdq.completed_date) as sdq_score,
        arg_max(sdq.sdq_reason, sdq.completed_date) as sdq_reason
    from intermediate.int_ssda903_sdq_scores as sdq
    cross join yr
    where sdq.completed_date between yr.year_start and yr.year_end
    group by sdq.person_id
),

convictions as (
    select distinct convictions.person_id
    from intermediate.int_ssda903_convictions as convictions
    cross join yr
    where convictions.conviction_date between yr.year_start and yr.year_end
),

immunisations as (
    select immunisations.person_id, arg_max(immunisations.is_up_to_date, immunisations.status_date) as is_up_to_date
    from intermediate.int_ssda903_immunisations as immunisations
    cross join yr
    where immunisations.status_date <= yr.year_end
    group by immunisations.person_id
),

misuse as (
    select misuse.person_id, arg_max(misuse.intervention_received, misuse.misuse_date) as intervention_received
    from intermediate.int_ssda903_substance_misuse as misuse
    cross join yr
    where misuse.misuse_date between yr.year_start and yr.year_end
    group by misuse.person_id
)

select
    cohort.child,
    people.date_of_birth as dob,
    case when people.age_at_end >= 4 and people.age_at_start < 17 then sdq.sdq_score end as sdq_score,
    case when people.age_at_end >= 4 and people.age_at_start < 17 and sdq.sdq_score is null then sdq.sdq_reason end
        as sdq_reason,
    case when people.age_at_end >= 10 then case when convictions.person_id is not null then 1 else 0 end end
        as convicted,
    case when people.age_at_end < 5
        then case when coalesce(health.assessments, 0) >= reference.setting_int('cla_health_assessments_under_5')
            then 1 else 0 end
    end as health_check,
    case when immunisations.is_up_to_date then 1 else 0 end as immunisations,
    case when coalesce(health.dental_checks, 0) > 0 then 1 else 0 end as teeth_check,
    case when coalesce(health.assessments, 0) > 0 then 1 else 0 end as health_assessment,
    case when misuse.person_id is not null then 1 else 0 end as substance_misuse,
    case when misuse.person_id is not null then
        case misuse.intervention_received when true then 1 when false then 0 end
    end as intervention_received,
    cast(null as integer) as intervention_offered
from cohort
left join people on people.person_id = cohort.child
left join health on health.person_id = cohort.child
left join sdq on sdq.person_id = cohort.child
left join convictions on convictions.person_id = cohort.child
left join immunisations on immunisations.person_id = cohort.child
left join misuse on misuse.person_id = cohort.child
order by child
