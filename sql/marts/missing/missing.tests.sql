-- test: numerators_within_denominators
select * from marts.missing
where cla_missing > cla_in_period
   or cla_away > cla_in_period
   or cla_episodes_started > episodes_started
   or rhi_offered > returns_due
   or rhi_accepted > rhi_offered
   or cla_missing_at_snapshot > missing_at_snapshot;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0.
select * from marts.missing
where not (cla_missing between 0 and cla_in_period) or not (cla_missing_pct between 0 and 100) or (cla_missing_pct is null) <> (cla_in_period = 0)
   or not (rhi_offered between 0 and returns_due) or not (rhi_offered_pct between 0 and 100) or (rhi_offered_pct is null) <> (returns_due = 0);

-- test: accepted_only_when_offered
select missing_episode_id from intermediate.int_missing_episodes
where rhi_accepted and not coalesce(rhi_offered, false);
