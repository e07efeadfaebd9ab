-- test: every_rule_found_is_in_the_catalogue
-- An int_dq_ model emitting a code the seed lacks would drop the row at the inner join above: count them.
select rule_code from intermediate.int_dq_person where rule_code not in (select rule_code from reference.data_quality_rules)
union all
select rule_code from intermediate.int_dq_dates where rule_code not in (select rule_code from reference.data_quality_rules)
union all
select rule_code from intermediate.int_dq_placements where rule_code not in (select rule_code from reference.data_quality_rules)

-- test: first_seen_not_after_as_at
select issue_key from marts.data_quality_issues where first_seen_date > as_at_date or days_open < 0
