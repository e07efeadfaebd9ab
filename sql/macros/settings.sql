-- Choices a definition leaves open (a local timescale, an unverified DfE detail) are named settings in
-- sql/seeds/indicator_settings/<area>.csv, never constants buried in a model. Read one with
-- reference.setting('name'), or reference.setting_int('name') for a whole number.
-- A name with no row fails the build, naming it: a misspelt setting must not read as null and quietly take
-- a model's default branch. (An authority's own indicator_settings.csv must therefore hold every row.)
create or replace macro reference.setting(name) as (
    select
        case
            when count(*) = 0 then error('unknown setting ''' || name || ''': not a row of '
                || 'sql/seeds/indicator_settings/*.csv (nor of DIR/reference/indicator_settings.csv); '
                || 'check the spelling or add the row with its value and reason')
            else any_value(value)
        end
    from reference.indicator_settings
    where setting = name
);

create or replace macro reference.setting_int(name) as
    cast(reference.setting(name) as integer);
