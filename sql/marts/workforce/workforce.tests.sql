-- test: rates_are_percentages
select * from marts.workforce
where agency_rate_pct not between 0 and 100 or vacancy_rate_pct not between 0 and 100
   or stability_pct not between 0 and 100;

-- test: vacancy_fills_the_establishment_per_team
select * from marts.workforce_by_team
where funded_fte >= employed_fte and abs(vacancy_fte + employed_fte - funded_fte) > 0.01;

-- test: teams_add_up_to_the_service
select w.period_type, w.period_label
from marts.workforce as w
join marts.workforce_by_team as t using (period_type, period_label)
group by w.period_type, w.period_label, w.cases_held
having w.cases_held <> sum(t.cases_held);

-- test: census_is_on_30_september
select * from marts.workforce
where period_type = 'census_30sep' and (month(snapshot_date) <> 9 or day(snapshot_date) <> 30);

-- test: caseload_holders_hold_cases
select * from intermediate.int_caseloads_at_snapshot where cases < 1;

-- test: caseload_bands_add_up_to_the_teams
select t.period_type, t.period_label, t.team_id, t.case_holders, d.workers
from marts.workforce_by_team as t
left join (select period_type, period_label, team_id, sum(workers) as workers
           from marts.worker_caseload_distribution group by all) as d using (period_type, period_label, team_id)
where t.case_holders <> coalesce(d.workers, 0);

-- test: caseload_bands_add_up_to_the_service
select w.period_type, w.period_label
from marts.workforce as w
left join marts.worker_caseload_distribution as d
    on d.period_type = w.period_type and d.period_label = w.period_label and d.team_id = 'all'
group by w.period_type, w.period_label, w.case_holders, w.over_threshold
having coalesce(sum(d.workers), 0) <> w.case_holders or coalesce(sum(d.over_threshold_workers), 0) <> w.over_threshold;

-- test: sickness_rate_is_a_percentage
select * from marts.workforce where sickness_absence_rate_pct not between 0 and 100;

-- test: service_areas_add_up_to_the_service
select w.period_type, w.period_label
from marts.workforce as w
left join marts.workforce_by_service_area as a using (period_type, period_label)
group by w.period_type, w.period_label, w.sw_fte, w.leavers_fte, w.case_holders
having abs(coalesce(sum(a.employed_fte), 0) - w.sw_fte) > 0.05 or abs(coalesce(sum(a.leavers_fte), 0) - w.leavers_fte) > 0.05
    or coalesce(sum(a.case_holders), 0) <> w.case_holders;
