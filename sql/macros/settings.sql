-- Choices a definition leaves open (a local timescale, an unverified DfE detail) are named settings in
-- sql/seeds/indicator_settings/<area>.csv, never constants buried in a model. Read one with
-- reference.setting('name'), or reference.setting_int('name') for a whole number.
create or replace macro reference.setting(name) as
    (select any_value(value) from reference.indicator_settings where setting = name);

create or replace macro reference.setting_int(name) as
    cast(reference.setting(name) as integer);
