-- test: every_rule_found_is_in_the_catalogue
-- The mart inner-joins the catalogue, so a code an int_dq_ model emits without a catalogue row would vanish.
select rule_code from (
    select rule_code from intermediate.int_dq_person
    union all select rule_code from intermediate.int_dq_upn
    union all select rule_code from intermediate.int_dq_duplicates
    union all select rule_code from intermediate.int_dq_assessments
    union all select rule_code from intermediate.int_dq_dates
    union all select rule_code from intermediate.int_dq_placements
    union all select rule_code from intermediate.int_dq_care_leavers
    union all select rule_code from intermediate.int_dq_child_protection
    union all select rule_code from intermediate.int_dq_workforce
) as found
where rule_code not in (select rule_code from reference.data_quality_rules)

-- test: first_seen_not_after_as_at
select issue_key from marts.data_quality_issues where first_seen_date > as_at_date or days_open < 0

-- test: summary_adds_up_to_the_issues
-- This build's month in the summary holds every open issue, once.
select 1
from (select count(*) as n from marts.data_quality_issues) as issues
cross join (
    select coalesce(sum(open_issues), 0) as n from marts.data_quality_summary
    where month_as_at_date = (select as_at_date from intermediate.int_dq_scope)
) as summary
where issues.n <> summary.n
