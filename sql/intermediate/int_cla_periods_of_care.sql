/*
grain: one row per continuous period of care of a child (short breaks excluded)
definition: |
  Periods of being looked after: runs of a child's episodes (int_cla_episodes_classified, short breaks
  dropped) with no gap between them; an episode starting after the previous one ceased begins a new
  period. The period ceases with its last episode, whose reason (SSDA903 REC) is the reason the child
  ceased to be looked after. A child is looked after on a date D when start_date <= D and the period has
  not ceased or ceased after D: a child ceasing on 31 March is not looked after at 31 March; a child
  starting on 31 March is.
columns:
  period_of_care_id: person_id, '#' and the period's number for the child (1 = first in the extract).
  person_id: The child.
  cla_id: Case-system period-of-care id of the first episode.
  period_number: 1 for the child's first period of care in the extract, 2 for the next...
  start_date: Date the child started to be looked after.
  end_date: Date the child ceased to be looked after; null while looked after.
  ceased_reason_code: SSDA903 reason the last episode ceased; null while looked after.
  episodes: Number of episodes in the period.
  date_of_birth: The child's date of birth.
  age_at_start: Age in whole years on start_date.
  is_uasc_at_start: True when a UASC immigration status was in force on start_date.
tests:
  unique: [period_of_care_id]
  not_null: [period_of_care_id, person_id, start_date, is_uasc_at_start]
  warn:
    # an orphan row is dropped by every list that joins the person; flag it for the data-quality pages
    relationships:
      person_id: staging.stg_case__person.person_id
*/
with episodes as (
    select * from intermediate.int_cla_episodes_classified
    where not is_short_break
),

ordered as (
    select
        *,
        lag(ceased_date) over child_history as previous_ceased_date,
        row_number() over child_history as episode_number
    from episodes
    window child_history as (partition by person_id order by start_date, episode_id)
),

numbered as (
    select
        *,
        sum(case when episode_number = 1 or previous_ceased_date < start_date then 1 else 0 end)
            over (partition by person_id order by start_date, episode_id rows unbounded preceding) as period_number
    from ordered
),

periods as (
    select
        person_id,
        period_number,
        arg_min(cla_id, start_date) as cla_id,
        min(start_date) as start_date,
        case when count(*) filter (where ceased_date is null) > 0 then null else max(ceased_date) end as end_date,
        arg_max(ceased_reason_code, start_date) as last_ceased_reason_code,
        count(*) as episodes
    from numbered
    group by person_id, period_number
),

people as (
    select person_id, date_of_birth from staging.stg_case__person
),

uasc as (
    select * from staging.stg_case__immigration_status where is_uasc
)

select
    periods.person_id || '#' || periods.period_number as period_of_care_id,
    periods.person_id,
    periods.cla_id,
    periods.period_number,
    periods.start_date,
    periods.end_date,
    case when periods.end_date is not null then periods.last_ceased_reason_code end as ceased_reason_code,
    periods.episodes,
    people.date_of_birth,
    reference.age_on(people.date_of_birth, periods.start_date)
        as age_at_start,
    exists (
        select 1 from uasc
        where uasc.person_id = periods.person_id
          and reference.in_force(uasc.start_date, uasc.end_date, periods.start_date)
    ) as is_uasc_at_start
from periods
left join people using (person_id)
