/*
grain: one row per child whose records the data-quality rules check
definition: |
  Children with social care involvement in the data-quality window (intermediate.int_dq_scope): a referral
  (CIN episode) open at some time from scope_start to the as-at date, a care episode open then, or a
  care-leaver record dated in it. These are the children on this year's or last year's returns and Annex A
  lists, so their person record must be right. Unborn children (no date of birth, an expected date of birth,
  or a date of birth after the as-at date) are marked: sex and ethnicity are not yet known for them.
columns:
  person_id: The child.
  date_of_birth: Date of birth as recorded (null when not recorded).
  latest_referral_date: The child's latest referral on or before the as-at date, if any.
  is_unborn: No date of birth but an expected one, or a date of birth after the as-at date.
tests:
  unique: [person_id]
  not_null: [person_id, is_unborn]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

involved as (
    select episodes.person_id
    from staging.stg_case__cin_episodes as episodes
    cross join scope
    where episodes.referral_date <= scope.as_at_date
      and (episodes.close_date is null or episodes.close_date >= scope.scope_start)
    union
    select episodes.person_id
    from staging.stg_case__cla_episodes as episodes
    cross join scope
    where episodes.start_date <= scope.as_at_date
      and (episodes.ceased_date is null or episodes.ceased_date >= scope.scope_start)
    union
    select leavers.person_id
    from staging.stg_case__care_leavers as leavers
    cross join scope
    where coalesce(leavers.latest_contact_date, leavers.pathway_plan_review_date) between scope.scope_start and scope.as_at_date
),

referrals as (
    select episodes.person_id, max(episodes.referral_date) as latest_referral_date
    from staging.stg_case__cin_episodes as episodes
    cross join scope
    where episodes.referral_date <= scope.as_at_date
    group by episodes.person_id
)

select
    people.person_id,
    people.date_of_birth,
    referrals.latest_referral_date,
    (people.date_of_birth is null and people.expected_date_of_birth is not null)
        or coalesce(people.date_of_birth > scope.as_at_date, false) as is_unborn
from staging.stg_case__person as people
inner join involved using (person_id)
left join referrals using (person_id)
cross join scope
