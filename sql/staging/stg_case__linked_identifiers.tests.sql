-- test: no_identifier_valid_to_before_valid_from
select link_id, valid_from, valid_to from staging.stg_case__linked_identifiers
where valid_to < valid_from;
