/*
grain: one row per worker allocation to a child (ssd_involvements)
definition: |
  Which worker held which child's case, from when to when, renamed and typed from the SSD. The SSD sets
  no key on this table; a row without a worker or a start date cannot say who held a case and is kept
  here but ignored by caseload models.
columns:
  involvement_id: Involvement row id (invo_involvements_id).
  worker_id: The worker (invo_professional_id = ssd_professionals.prof_professional_id).
  involvement_role: Worker role on the case, e.g. Allocated Case Worker (invo_professional_role_id).
  team_id: The worker's team for this involvement (invo_professional_team).
  start_date: Allocation start (invo_involvement_start_date).
  end_date: Allocation end (invo_involvement_end_date); null while allocated.
  change_reason: Reason for the change of worker (invo_worker_change_reason).
  person_id: The child (invo_person_id).
  referral_id: The referral / CIN episode (invo_referral_id).
tests:
  not_null: [person_id]
*/
select
    invo_involvements_id as involvement_id,
    nullif(trim(invo_professional_id), '') as worker_id,
    nullif(trim(invo_professional_role_id), '') as involvement_role,
    nullif(trim(invo_professional_team), '') as team_id,
    invo_involvement_start_date as start_date,
    invo_involvement_end_date as end_date,
    nullif(trim(invo_worker_change_reason), '') as change_reason,
    invo_person_id as person_id,
    invo_referral_id as referral_id
from lake.case__ssd_involvements
