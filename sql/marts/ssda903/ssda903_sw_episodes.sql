/*
grain: one row per social worker episode of a looked-after child in the collection year, across the child's periods of care
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's SWEpisodes table (903 guidance from 2023-24, "Social worker episodes"), from the SSD's
  involvements with the role 'Allocated Case Worker' (the child's allocated social worker). DfE's rules set
  what the table must cover:
  - SW12STG2: "If a child is looked after on 31 March then all social worker episodes for the full previous
    year should be reported, even those whilst they were not looked after".
  - SW10STG2: "A new social worker episode has started before the end date of the previous social worker
    episode": unless SW_REASON is FCONTA (first contact or re-referral), SW_DECOM must fall within 7 days of
    the previous episode's SW_DEC. The episodes run on from one another; only a new contact may start after
    a gap.
  So a child's episodes cover the whole span of the child's care in the year, from the start of the first
  period of care (other than short breaks) open in the year to the end of the last, allocations between
  two periods of care included (a child whose care ended with an order and who was re-referred later has the
  re-referral's FCONTA allocation, which is what lets the later episodes start after the gap). Nothing is
  made up: a gap with no allocation in the SSD stays a gap.
  - SW_ID: the worker's Social Work England registration number (prof_social_worker_registration_no,
    "SW" and digits), as DfE asks; blank when the case system holds none.
  - SW_DECOM: the allocation's start, or the day the child's first period of care began if the worker was
    allocated before (a social worker episode begins when care does, rule SW12STG2).
  - SW_DEC: the allocation's end (or the end of the last period of care, if earlier) when the next
    allocation began on or before 31 March; blank for the child's latest episode (DfE: the last episode
    stays open, rule SW17STG2) and for one still open at 31 March.
  - SW_REASON: why the worker changed, as recorded on the allocation (invo_worker_change_reason,
    MANAGE ... OTHERS).
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  sw_id: Social worker's Social Work England number (SW_ID).
  sw_decom: Date the social worker episode began (SW_DECOM).
  sw_dec: Date it ended (SW_DEC).
  sw_reason: Reason for the change of social worker (SW_REASON).
tests:
  not_null: [child, sw_decom]
*/
with yr as (
    select * from marts.ssda903_year
),

care as (
    select
        person_id,
        period_start,
        max(coalesce(dec, date '9999-12-31')) as period_end
    from intermediate.int_ssda903_episodes
    cross join yr
    where not is_short_break and decom <= yr.year_end
    group by person_id, period_number, period_start
    having max(coalesce(dec, date '9999-12-31')) >= min(yr.year_start)
),

-- one span per child: allocations between two periods of care belong to the return (SW12STG2, SW10STG2)
span as (
    select person_id, min(period_start) as span_start, max(period_end) as span_end
    from care
    group by person_id
),

allocations as (
    select * from staging.stg_case__involvements
    where involvement_role = 'Allocated Case Worker' and start_date is not null
),

episodes as (
    select
        span.person_id as child,
        greatest(allocations.start_date, span.span_start) as sw_decom,
        least(coalesce(allocations.end_date, date '9999-12-31'), span.span_end) as allocation_end,
        allocations.worker_id,
        allocations.change_reason
    from span
    cross join yr
    inner join allocations
        on allocations.person_id = span.person_id
        and allocations.start_date < span.span_end
        and (allocations.end_date is null or allocations.end_date > span.span_start)
        and allocations.start_date <= yr.year_end
        and (allocations.end_date is null or allocations.end_date >= yr.year_start)
),

ordered as (
    select
        *,
        lead(sw_decom) over (partition by child order by sw_decom, allocation_end) as next_decom
    from episodes
)

select
    ordered.child,
    people.date_of_birth as dob,
    workers.swe_registration_number as sw_id,
    ordered.sw_decom,
    case when ordered.next_decom is not null and ordered.allocation_end <= yr.year_end then ordered.allocation_end end
        as sw_dec,
    ordered.change_reason as sw_reason
from ordered
cross join yr
left join staging.stg_case__professionals as workers using (worker_id)
left join staging.stg_case__person as people on people.person_id = ordered.child
order by child, sw_decom
