/*
grain: one row per care leaver and 17th, 18th, 19th, 20th or 21st birthday falling in a financial year up to the as-at date
definition: |
  The child-level list behind the DfE care leaver measures (SSDA903 leaving-care module): young people
  whose 17th-21st birthday falls in the year, with their in-touch, activity and accommodation status at
  that birthday.
  - Cohort: former looked-after children who qualify as care leavers on their care history (looked after
    at least 13 weeks since the 14th birthday, setting care_leaver_days_looked_after_since_14, including some
    time after the 16th birthday; short breaks excluded; not adopted), plus anyone with an ssd_care_leavers
    record; in both cases the young person must have ceased to be looked after before the birthday and
    not be looked after on it again: a young person whose care ends on the birthday itself was looked after
    on it (SSDA903 validation rules 1007 and 1016: no care leaver information for a 17- or 18-year-old whose
    episode ceased on or after the birthday).
  - The birthday's record: the ssd_care_leavers record dated (latest contact, else pathway plan review)
    from 6 months before to 1 month after the birthday (settings care_leaver_record_months_before_birthday,
    care_leaver_record_months_after_birthday; unverified, see their reasons), nearest the birthday. A young
    person with no such record stays in the cohort with in_touch_code 'NO RECORD': DfE denominators include
    everyone, known or not.
  - Denominator (DfE): the whole cohort including those not in touch, refusing contact or no longer
    requiring services, excluding those who died (DIED) or returned home to parents for 6 months or more
    (RHOM).
  - In touch = YES; LA not in touch = NO; EET = activity F or P codes; suitable accommodation = suitability 1.
  - Suitable accommodation has a narrower denominator (DfE, LAIT CareLeaverAcc): it also leaves out young
    people who have gone abroad (accommodation G), been deported (H) or whose residence is not known (R),
    "as the suitability will not usually be known" (setting care_leaver_accommodation_unknown_suitability_codes),
    while keeping those whose accommodation is unknown because the authority is not in touch, they refused
    contact or no longer require services (accommodation 0 or no record).
  - Staying put (local reading of LAIT care_leavers_19_20_staying_put_pct, unverified): among 19- and
    20-year-olds who ceased care on their 18th birthday from a foster placement (U1-U6), those living with
    their former foster carers (accommodation Z).
columns:
  person_id: The young person.
  birthday_age: 17, 18, 19, 20 or 21.
  birthday: The birthday.
  financial_year: The financial year the birthday falls in (2024-25).
  left_care_date: Date the young person last ceased to be looked after before the birthday.
  care_leaver_record_id: The record taken for the birthday, if any.
  in_touch_code: YES, NO, REFU, NREQ, RHOM, DIED, or NO RECORD.
  in_denominator: False for DIED and RHOM; true otherwise.
  in_accommodation_denominator: In the denominator and not gone abroad, deported or residence not known (G, H, R); the suitable accommodation denominator.
  accommodation_code: SSDA903 accommodation letter on the birthday's record; null without one.
  is_in_touch: In touch (YES).
  is_la_not_in_touch: The authority is not in touch (NO).
  is_eet: In education, employment or training.
  is_suitably_accommodated: In suitable accommodation.
  is_staying_put_eligible: Ceased care on the 18th birthday from a foster placement (for the staying-put measure, ages 19-20).
  is_staying_put: Living with former foster carers (accommodation Z).
tests:
  unique: [person_id, birthday_age]
  not_null: [person_id, birthday, financial_year, in_touch_code, in_denominator, in_accommodation_denominator]
*/
with care as (
    select * from intermediate.int_cla_periods_of_care
),

people as (
    select person_id, date_of_birth from staging.stg_case__person where date_of_birth is not null
),

records as (
    select
        *,
        coalesce(latest_contact_date, pathway_plan_review_date) as record_date
    from staging.stg_case__care_leavers
),

years as (
    select period_label as financial_year, period_start, period_end
    from reference.reporting_periods
    where period_type = 'financial_year'
),

ctx as (
    select as_at_date from reference.run_context
),

history as (
    select
        care.person_id,
        sum(greatest(0, date_diff('day',
            greatest(care.start_date, cast(care.date_of_birth + interval 14 year as date)),
            coalesce(care.end_date, ctx.as_at_date)))) as days_since_14,
        bool_or(coalesce(care.end_date, ctx.as_at_date) > cast(care.date_of_birth + interval 16 year as date)) as after_16,
        bool_or(list_contains(string_split(reference.setting('cla_adoption_ceased_reasons'), ','), care.ceased_reason_code)) as was_adopted
    from care
    cross join ctx
    group by care.person_id
),

candidates as (
    select person_id from history
    where days_since_14 >= reference.setting_int('care_leaver_days_looked_after_since_14') and after_16 and not was_adopted
    union
    select person_id from records
),

birthdays as (
    select
        candidates.person_id,
        ages.age as birthday_age,
        cast(people.date_of_birth + to_years(ages.age) as date) as birthday
    from candidates
    inner join people using (person_id)
    cross join (select unnest([17, 18, 19, 20, 21]) as age) as ages
),

in_year as (
    select birthdays.*, years.financial_year
    from birthdays
    inner join years on birthdays.birthday between years.period_start and years.period_end
    cross join ctx
    where birthdays.birthday <= ctx.as_at_date
),

left_care as (
    select
        in_year.person_id,
        in_year.birthday_age,
        max(care.end_date) filter (where care.end_date < in_year.birthday) as left_care_date,
        -- not reference.in_force: care ending on the birthday counts as looked after on it (rules 1007/1016)
        bool_or(care.start_date <= in_year.birthday and (care.end_date is null or care.end_date >= in_year.birthday)) as looked_after_on_birthday,
        arg_max(care.period_of_care_id, care.end_date) filter (where care.end_date < in_year.birthday) as last_period_of_care_id
    from in_year
    inner join care on care.person_id = in_year.person_id
    group by all
),

last_placement as (
    select period_of_care_id, arg_max(placement_type_code, placement_sequence) as placement_type_code  -- the sequence breaks a same-day tie as the sequencing does (start date, then placement id)
    from intermediate.int_cla_placements_sequenced
    group by period_of_care_id
),

cohort as (
    select in_year.*, left_care.left_care_date, last_placement.placement_type_code as last_placement_type_code
    from in_year
    left join left_care using (person_id, birthday_age)
    left join last_placement on last_placement.period_of_care_id = left_care.last_period_of_care_id
    where not coalesce(left_care.looked_after_on_birthday, false)
      and (left_care.left_care_date is not null
           or (exists (select 1 from records where records.person_id = in_year.person_id)
               -- a record without care history in the extract is a care leaver who left before it, not a
               -- young person whose care began after this birthday
               and not exists (select 1 from care where care.person_id = in_year.person_id
                                                    and care.start_date > in_year.birthday)))
),

matched as (
    select
        cohort.person_id,
        cohort.birthday_age,
        arg_min(records.care_leaver_record_id, abs(date_diff('day', records.record_date, cohort.birthday))) as care_leaver_record_id
    from cohort
    inner join records
        on records.person_id = cohort.person_id
        and records.record_date >= cast(cohort.birthday - to_months(reference.setting_int('care_leaver_record_months_before_birthday')) as date)
        and records.record_date <= cast(cohort.birthday + to_months(reference.setting_int('care_leaver_record_months_after_birthday')) as date)
    group by all
)

select
    cohort.person_id,
    cohort.birthday_age,
    cohort.birthday,
    cohort.financial_year,
    cohort.left_care_date,
    matched.care_leaver_record_id,
    coalesce(records.in_touch_code, 'NO RECORD') as in_touch_code,
    coalesce(records.in_touch_code, '') not in ('DIED', 'RHOM') as in_denominator,
    coalesce(records.in_touch_code, '') not in ('DIED', 'RHOM')
        and not coalesce(list_contains(string_split(reference.setting('care_leaver_accommodation_unknown_suitability_codes'), ','),
            records.accommodation_code), false) as in_accommodation_denominator,
    records.accommodation_code,
    coalesce(records.in_touch_code = 'YES', false) as is_in_touch,
    coalesce(records.in_touch_code = 'NO', false) as is_la_not_in_touch,
    coalesce(records.is_eet, false) as is_eet,
    coalesce(records.is_accommodation_suitable, false) as is_suitably_accommodated,
    coalesce(cohort.left_care_date = cast(cohort.birthday - to_years(cohort.birthday_age - 18) as date)
        and cohort.last_placement_type_code like 'U%', false) as is_staying_put_eligible,
    coalesce(records.accommodation_code = 'Z', false) as is_staying_put
from cohort
left join matched using (person_id, birthday_age)
left join records using (care_leaver_record_id)
