-- test: sdq_score_is_a_whole_number_0_to_40
select sdq_id, sdq_score_raw from staging.stg_case__sdq_scores
where nullif(trim(sdq_score_raw), '') is not null and sdq_score is null;
