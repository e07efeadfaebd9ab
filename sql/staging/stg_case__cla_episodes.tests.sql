-- test: no_episode_ends_before_it_starts
select episode_id, start_date, ceased_date from staging.stg_case__cla_episodes
where ceased_date < start_date;
