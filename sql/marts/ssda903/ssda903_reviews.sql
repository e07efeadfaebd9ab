/*
grain: one row per statutory review held in the collection year of a child in the return
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's Reviews table (903 guidance: "the date of each review of the child's case held during the
  year" and the child's participation, PN0-PN7): reviews (ssd_cla_reviews) held between 1 April and 31
  March, not cancelled, of children with an episode in the year other than under short breaks only
  (reviews are not required for V3/V4, rule 399). A review dated outside the child's care is not dropped:
  it is a recording error for the validator to show.
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  review: Date of the review (REVIEW).
  review_code: Child's participation PN0-PN7 (REVIEW_CODE).
tests:
  not_null: [child, review]
*/
with yr as (
    select * from marts.ssda903_year
),

children as (
    select child from marts.ssda903_episodes group by child having not bool_and(is_short_break)
),

review_children as (
    select distinct cla_id, person_id from staging.stg_case__cla_episodes
),

reviews as (
    select reviews.*, review_children.person_id
    from staging.stg_case__cla_reviews as reviews
    inner join review_children using (cla_id)
    where not coalesce(reviews.is_cancelled, false) and reviews.review_date is not null
)

select
    reviews.person_id as child,
    people.date_of_birth as dob,
    reviews.review_date as review,
    reviews.participation_code as review_code
from reviews
cross join yr
inner join children on children.child = reviews.person_id
left join staging.stg_case__person as people using (person_id)
where reviews.review_date between yr.year_start and yr.year_end
order by child, review
