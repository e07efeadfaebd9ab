/*
grain: one row per child protection plan
definition: |
  Each CP plan placed in its child's plan history, with its length and categories.
  - Second or subsequent plan (DfE CIN census; LAIT): the child had ANY earlier CP plan, however long ago,
    including another authority's plan held for history (is_other_la_plan). The look-back reads the whole
    extract, so a child whose first plan predates the extract's history shows as a first plan: the figure
    is only as complete as the history the case system sends. Two plans of one child starting the same day
    are ordered by plan id and the second is subsequent. Each occasion counts: a child with two plan starts
    in a year contributes two starts, the second (at least) being subsequent.
  - Length: duration_days = end date minus start date, the day of cessation counted and the start day not.
    Lasted 2 years or more (DfE; LAIT CPPlans2yrs: over 729 days) = duration_days >= setting
    cpp_two_years_min_days (730): a plan of exactly 730 days counts, 729 does not.
  - Latest category: the category at the latest review; when the case system leaves it blank the initial
    category stands (the SSD says the latest may be the same as the initial).
  - Counted plans (is_counted): this authority's plans. Another authority's plan (OLA) is history only:
    it makes a later plan subsequent but is never a start, an ending or a child on a plan here.
columns:
  cp_plan_id: CP plan id.
  person_id: The child.
  start_date: Plan start date.
  end_date: Plan end date; null while open.
  is_counted: False for another local authority's plan held for history only.
  plan_sequence: 1 for the child's first plan in the extract (any authority), 2 for the second, and so on.
  previous_plan_start_date: Start date of the child's previous plan, if any.
  previous_plan_end_date: End date of the child's previous plan, if any.
  is_second_or_subsequent: True when the child had any earlier CP plan.
  duration_days: End date minus start date in days; null while open.
  lasted_two_years_plus: True for an ended plan with duration_days >= cpp_two_years_min_days; null while open.
  initial_category: Category of abuse at plan start (neglect, physical, sexual, emotional, multiple, unrecognised, not_recorded).
  latest_category: Category at the latest review, falling back to the initial category when blank.
tests:
  unique: [cp_plan_id]
  not_null: [person_id, start_date, plan_sequence, is_second_or_subsequent, is_counted, initial_category, latest_category]
  warn:
    # an orphan row is dropped by every list that joins the person; flag it for the data-quality pages
    relationships:
      person_id: staging.stg_case__person.person_id
  accepted_values:
    initial_category: [neglect, physical, emotional, sexual, multiple, unrecognised, not_recorded]
    latest_category: [neglect, physical, emotional, sexual, multiple, unrecognised, not_recorded]
*/
with plans as (
    select * from staging.stg_case__cp_plans
    where start_date is not null
),

sequenced as (
    select
        cp_plan_id,
        person_id,
        start_date,
        end_date,
        not is_other_la_plan as is_counted,
        row_number() over child_history as plan_sequence,
        lag(start_date) over child_history as previous_plan_start_date,
        lag(end_date) over child_history as previous_plan_end_date,
        coalesce(initial_category, 'not_recorded') as initial_category,
        coalesce(latest_category, initial_category, 'not_recorded') as latest_category
    from plans
    window child_history as (partition by person_id order by start_date, cp_plan_id)
)

select
    cp_plan_id,
    person_id,
    start_date,
    end_date,
    is_counted,
    plan_sequence,
    previous_plan_start_date,
    previous_plan_end_date,
    plan_sequence > 1 as is_second_or_subsequent,
    end_date - start_date as duration_days,
    end_date - start_date >= reference.setting_int('cpp_two_years_min_days') as lasted_two_years_plus,
    initial_category,
    latest_category
from sequenced
