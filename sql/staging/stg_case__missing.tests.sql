-- test: no_missing_episode_ends_before_it_starts
select missing_episode_id, started_at, ended_at from staging.stg_case__missing
where ended_at < started_at;
