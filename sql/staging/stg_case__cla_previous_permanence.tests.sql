-- test: previous_permanence_order_date_readable
-- A date that is neither whole (dd/mm/yyyy, yyyy-mm-dd) nor one of the SSDA903 part-known forms (zz/mm/yyyy,
-- zz/zz/yyyy, zz/zz/zzzz).
select previous_permanence_id, order_date_raw from staging.stg_case__cla_previous_permanence
where nullif(trim(order_date_raw), '') is not null and order_date is null
  and not regexp_full_match(lower(trim(order_date_raw)), 'zz/([0-9]{1,2}|zz)/([0-9]{4})|zz/zz/zzzz');
