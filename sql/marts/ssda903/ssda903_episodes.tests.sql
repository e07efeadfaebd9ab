-- The return and the indicator marts count the same children: each test lists a child on one side only
-- (for the default year in marts.ssda903_year). Short breaks (V3/V4) are in the return but in no DfE
-- statistic, so the return's side leaves them out, as DfE's own statistics do.

-- test: cla_at_31_march_same_children_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (
    select distinct child as person_id from marts.ssda903_episodes where dec is null and not is_short_break
),
from_indicators as (
    select person_id from intermediate.int_cla_at_period_end
    where period_type = 'financial_year' and period_label = (select collection_year from yr)
      and snapshot_date = (select year_end from yr)
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: started_in_year_same_children_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (
    select distinct child as person_id from marts.ssda903_episodes, yr
    where rne = 'S' and decom >= yr.year_start and not is_short_break
),
from_indicators as (
    select person_id from intermediate.int_cla_in_period
    where period_type = 'financial_year' and period_label = (select collection_year from yr) and started_in_period
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: ceased_in_year_same_children_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (
    select distinct child as person_id from marts.ssda903_episodes
    where dec is not null and rec <> 'X1' and not is_short_break
),
from_indicators as (
    select person_id from intermediate.int_cla_in_period
    where period_type = 'financial_year' and period_label = (select collection_year from yr) and ceased_in_period
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: looked_after_in_year_same_children_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (
    select distinct child as person_id from marts.ssda903_episodes where not is_short_break
),
from_indicators as (
    select person_id from intermediate.int_cla_in_period
    where period_type = 'financial_year' and period_label = (select collection_year from yr)
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: three_or_more_placements_same_children_as_the_indicators
-- DfE's placement stability measure: children looked after at 31 March with 3 or more placements in the year:
-- the placement they were in on 1 April, plus each episode in the year that began a placement with new carers
-- (RNE S, P or B). T and U change the placement but keep the same carer(s) (903 code set: e.g. placed for
-- adoption with the current foster carers), which DfE does not count as a placement change.
with yr as (select * from marts.ssda903_year),
at_year_end as (
    select distinct child from marts.ssda903_episodes where dec is null and not is_short_break
),
counted as (
    select
        episodes.child,
        count(*) filter (where episodes.decom >= yr.year_start and episodes.rne in ('S', 'P', 'B'))
            + max(case when episodes.decom < yr.year_start then 1 else 0 end) as placements
    from marts.ssda903_episodes as episodes
    cross join yr
    inner join at_year_end using (child)
    where not episodes.is_short_break
    group by episodes.child
),
from_return as (select child as person_id from counted where placements >= 3),
from_indicators as (
    select person_id from intermediate.int_cla_at_period_end
    where period_type = 'financial_year' and period_label = (select collection_year from yr)
      and snapshot_date = (select year_end from yr) and has_3plus_placements
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: went_missing_in_year_same_children_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (
    select distinct child as person_id from marts.ssda903_missing, yr
    where missing = 'M' and mis_start >= yr.year_start
),
from_indicators as (
    select distinct person_id from intermediate.int_missing_episodes, yr
    where is_looked_after and episode_kind = 'missing' and start_date between yr.year_start and yr.year_end
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: care_leavers_oc3_same_young_people_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (select child as person_id from marts.ssda903_oc3),
from_indicators as (
    -- less those whose care ended in adult social services' residential care (E3): no OC3 row (ssda903_oc3)
    select person_id from intermediate.int_care_leavers_birthdays
    where financial_year = (select collection_year from yr)
      and person_id not in (
          select person_id from intermediate.int_ssda903_episodes group by person_id having arg_max(rec, decom) = 'E3'
      )
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));

-- test: uasc_at_31_march_same_children_as_the_indicators
with yr as (select * from marts.ssda903_year),
from_return as (
    select uasc.child as person_id
    from marts.ssda903_uasc as uasc
    inner join (select distinct child from marts.ssda903_episodes where dec is null and not is_short_break) using (child)
    where uasc.duc > (select year_end from yr)
),
from_indicators as (
    select person_id from intermediate.int_cla_at_period_end
    where period_type = 'financial_year' and period_label = (select collection_year from yr)
      and snapshot_date = (select year_end from yr) and is_uasc
)
(select 'return only' as side, * from (select * from from_return except select * from from_indicators))
union all
(select 'indicators only', * from (select * from from_indicators except select * from from_return));
