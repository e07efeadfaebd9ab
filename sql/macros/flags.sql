-- Case systems send yes/no flags as Y/N, Yes/No, 1/0 or true/false; staging reads them all the same way.
-- Anything else (including blank) is unknown, not "no".
create or replace macro reference.yes_no(flag) as
    case
        when upper(trim(flag)) in ('Y', 'YES', '1', 'TRUE', 'T') then true
        when upper(trim(flag)) in ('N', 'NO', '0', 'FALSE', 'F') then false
    end;
