/*
grain: one row per permanence record (ssd_permanence)
definition: |
  Adoption milestones and permanence orders (SSDA903 adoption and should-be-placed-for-adoption modules),
  renamed from the SSD and typed. The adopters' sex, legal status and number are carried for the SSDA903 AD1
  table (SEX_ADOPTR, LS_ADOPTR, NB_ADOPTR).
columns:
  permanence_id: Permanence record id (perm_table_id).
  person_id: The child (perm_person_id).
  cla_id: Period-of-care id (perm_cla_id).
  adm_decision_date: Date of the agency decision that the child should be placed for adoption (perm_adm_decision_date).
  ffa_cp_decision_date: Date of the fostering-for-adoption / concurrent planning decision (perm_ffa_cp_decision_date).
  placement_order_date: Date of the placement order or freeing order (perm_placement_order_date).
  matched_date: Date matched to prospective adopters (perm_matched_date).
  placed_for_adoption_date: Date placed for adoption (perm_placed_for_adoption_date).
  placed_ffa_cp_date: Date placed in a fostering-for-adoption / concurrent planning placement (perm_placed_ffa_cp_date).
  placed_foster_carer_date: Date originally placed with the foster carers who adopted (perm_placed_foster_carer_date).
  is_adopted_by_carer: True when adopted by the child's foster carers (perm_adopted_by_carer_flag).
  decision_reversed_date: Date of the decision that the child should no longer be placed for adoption (perm_decision_reversed_date).
  decision_reversed_reason: Reason no longer placed for adoption (perm_decision_reversed_reason).
  permanence_order_date: Date of the permanence order (perm_permanence_order_date).
  permanence_order_type: Type of permanence order (perm_permanence_order_type).
  adopter_sex: Sex of the adopter(s) at the adoption, SSDA903 code M1, F1, MM, FF, MF (perm_adopter_sex).
  adopter_legal_status: Legal status of the adopter(s), SSDA903 code L0, L11, L12, L2, L3, L4 (perm_adopter_legal_status).
  number_of_adopters: Number of adopters, 1 or 2 (perm_number_of_adopters).
tests:
  unique: [permanence_id]
  not_null: [permanence_id, person_id]
*/
select
    perm_table_id as permanence_id,
    perm_person_id as person_id,
    perm_cla_id as cla_id,
    perm_adm_decision_date as adm_decision_date,
    perm_ffa_cp_decision_date as ffa_cp_decision_date,
    perm_placement_order_date as placement_order_date,
    perm_matched_date as matched_date,
    perm_placed_for_adoption_date as placed_for_adoption_date,
    perm_placed_ffa_cp_date as placed_ffa_cp_date,
    perm_placed_foster_carer_date as placed_foster_carer_date,
    reference.yes_no(perm_adopted_by_carer_flag) as is_adopted_by_carer,
    perm_decision_reversed_date as decision_reversed_date,
    nullif(trim(perm_decision_reversed_reason), '') as decision_reversed_reason,
    perm_permanence_order_date as permanence_order_date,
    nullif(trim(perm_permanence_order_type), '') as permanence_order_type,
    nullif(upper(trim(perm_adopter_sex)), '') as adopter_sex,
    nullif(upper(trim(perm_adopter_legal_status)), '') as adopter_legal_status,
    try_cast(nullif(trim(perm_number_of_adopters), '') as integer) as number_of_adopters
from lake.case__ssd_permanence
