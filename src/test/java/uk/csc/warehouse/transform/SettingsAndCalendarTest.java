package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/** Issue 14: a misspelt setting fails the build; the working-day calendar does not stop at the seed's last year. */
class SettingsAndCalendarTest {
    @TempDir
    Path scratch;

    @Test
    void a_known_setting_reads_its_value_and_an_unknown_one_fails_naming_it() throws Exception {
        try (Connection c = MacroDatabase.open(scratch)) {
            assertEquals("10", MacroDatabase.one(c, "select reference.setting('cp_visit_max_working_days')"));
            assertEquals("15", MacroDatabase.one(c, "select reference.setting_int('icpc_within_working_days') + 0"));
            Exception e = assertThrows(Exception.class,
                    () -> MacroDatabase.one(c, "select reference.setting_int('cp_visit_max_workin_days')"));
            assertTrue(e.getMessage().contains("unknown setting 'cp_visit_max_workin_days'"), e.getMessage());
        }
    }

    @Test
    void every_setting_a_model_reads_is_a_row_of_the_seeds() throws Exception {
        Pattern call = Pattern.compile("reference\\.setting(?:_int)?\\('([a-z0-9_]+)'\\)");
        Set<String> named = new TreeSet<>();
        for (String resource : ClasspathFolder.list("sql", ".sql")) {
            if (resource.startsWith("sql/macros/")) {
                continue;
            }
            Matcher m = call.matcher(ClasspathFolder.read(resource));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        try (Connection c = MacroDatabase.open(scratch)) {
            Set<String> seeded = new TreeSet<>(MacroDatabase.column(c, "select setting from reference.indicator_settings"));
            named.removeAll(seeded);
            assertEquals(Set.of(), named);
        }
    }

    @Test
    void an_authority_settings_file_missing_a_row_fails_the_build_and_keeps_the_published_warehouse() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", scratch.resolve("la"));
        Path settings = authority.dataDir.reference().resolve("indicator_settings.csv");
        // every seeded row but one, as an authority that copied an older list would have
        List<String> rows = ClasspathFolder.list("sql/seeds/indicator_settings", ".csv").stream()
                .flatMap(r -> ClasspathFolder.read(r).lines().skip(1))
                .filter(l -> !l.startsWith("re_referral_window_months,"))
                .collect(Collectors.toList());
        rows.add(0, "setting,value,unit,reason");
        Files.write(settings, rows);
        Exception e = assertThrows(Exception.class, authority::build);
        assertTrue(e.getMessage().contains("unknown setting 're_referral_window_months'"), e.getMessage());
        assertTrue(e.getMessage().contains("sql/"), "names the model: " + e.getMessage());
        assertEquals(1L, authority.one("select count(*) as n from reference.indicator_settings "
                + "where setting = 're_referral_window_months'").get("n"));
    }

    @Test
    void the_bank_holiday_rule_reproduces_govuk_for_2009_to_2028_except_the_proclaimed_one_offs() throws Exception {
        try (Connection c = MacroDatabase.open(scratch)) {
            List<String> seedOnly = MacroDatabase.column(c, "select cast(holiday_date as varchar) from ("
                    + "select holiday_date from reference.england_bank_holidays except "
                    + "select holiday_date from reference.england_bank_holidays_by_rule(2009, 2028)) order by 1");
            List<String> ruleOnly = MacroDatabase.column(c, "select cast(holiday_date as varchar) from ("
                    + "select holiday_date from reference.england_bank_holidays_by_rule(2009, 2028) except "
                    + "select holiday_date from reference.england_bank_holidays) order by 1");
            // royal wedding; Diamond Jubilee (spring holiday moved to 4 June); VE day (early May moved to the 8th);
            // Platinum Jubilee (spring holiday moved to 2 June) and the Queen's funeral; the coronation
            assertEquals(List.of("2011-04-29", "2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03",
                    "2022-09-19", "2023-05-08"), seedOnly);
            assertEquals(List.of("2012-05-28", "2020-05-04", "2022-05-30"), ruleOnly);
            // 2029, past the seed: Easter Sunday 1 April; 2033: Christmas on a Sunday, so Boxing Day Monday 26th and
            // Christmas' substitute Tuesday 27th; 2032: Christmas on a Saturday, substitutes Monday 27th and Tuesday 28th
            assertEquals(List.of("2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27",
                    "2029-12-25", "2029-12-26"), MacroDatabase.column(c, "select cast(holiday_date as varchar) from "
                    + "reference.england_bank_holidays_by_rule(2029, 2029) order by 1"));
            assertEquals(List.of("2032-12-27", "2032-12-28", "2033-12-26", "2033-12-27"), MacroDatabase.column(c,
                    "select cast(holiday_date as varchar) from reference.england_bank_holidays_by_rule(2032, 2033) "
                    + "where month(holiday_date) = 12 order by 1"));
        }
    }

    @Test
    void the_calendar_runs_three_years_past_the_as_at_date_with_the_rule_after_the_seed() throws Exception {
        try (Connection c = MacroDatabase.open(scratch); var st = c.createStatement()) {
            st.execute("create table reference.run_context as select date '2027-06-30' as as_at_date");
            ModelRunner.run(c, ModelCatalog.fromClasspath().models().get("reference.working_day_calendar"));
            assertEquals("2030-12-31", MacroDatabase.one(c, "select cast(max(calendar_date) as varchar) "
                    + "from reference.working_day_calendar"));
            assertEquals(List.of("2029 rule 8", "2030 rule 8"), MacroDatabase.column(c, "select year(calendar_date) "
                    + "|| ' ' || holiday_source || ' ' || count(*) from reference.working_day_calendar "
                    + "where holiday_source = 'rule' group by year(calendar_date), holiday_source order by 1"));
            // Good Friday and Easter Monday 2029 are not working days: 30 March to 3 April is one working day apart
            assertEquals("1", MacroDatabase.one(c, "select max(working_day_number) filter (where calendar_date = date '2029-04-03')"
                    + " - max(working_day_number) filter (where calendar_date = date '2029-03-29') from reference.working_day_calendar"));
            st.execute("create or replace table reference.run_context as select date '2024-09-30' as as_at_date");
            ModelRunner.run(c, ModelCatalog.fromClasspath().models().get("reference.working_day_calendar"));
            assertEquals("2028-12-31 0", MacroDatabase.one(c, "select cast(max(calendar_date) as varchar) || ' ' "
                    + "|| count(holiday_source) filter (where holiday_source = 'rule') from reference.working_day_calendar"));
        }
    }
}
