-- test: numerators_within_denominators
select * from marts.missing
where cla_missing > cla_in_period
   or cla_away > cla_in_period
   or cla_episodes_started > episodes_started
   or rhi_offered > returns_due
   or rhi_accepted > rhi_offered
   or cla_missing_at_snapshot > missing_at_snapshot;

-- test: rates_recompute_from_counts
select * from marts.missing
where cla_missing_pct is distinct from round(100.0 * cla_missing / nullif(cla_in_period, 0), 1)
   or rhi_offered_pct is distinct from round(100.0 * rhi_offered / nullif(returns_due, 0), 1);

-- test: accepted_only_when_offered
select missing_episode_id from intermediate.int_missing_episodes
where rhi_accepted and not coalesce(rhi_offered, false);
