package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The other two data-quality cohorts: data_quality_clean (the planted cohort with every error corrected) lists
 * no issue; data_quality_duplicates (true and false pairs of person records) lists exactly the true duplicates,
 * each naming the record to keep (src/test/resources/cohorts/data_quality_clean and data_quality_duplicates, README.md in each).
 */
class DataQualityCleanAndDuplicatesCohortTest {
    @Test
    void the_clean_cohort_has_no_issue(@TempDir Path root) throws Exception {
        TestAuthority authority = built("data_quality_clean", root);
        assertEquals(List.of(), authority.query("select rule_code, record_id, message from marts.data_quality_issues"));
        assertEquals(0L, authority.one("select count(*) n from marts.data_quality_summary").get("n"));
        // The same children and records are there: the rules looked and found nothing.
        assertEquals(25L, authority.one("select count(*) n from intermediate.int_dq_children_in_scope").get("n"));
        assertEquals(2L, authority.one("select count(*) n from intermediate.int_care_leavers_birthdays "
                + "where person_id = 'D21' and birthday >= date '2023-04-01'").get("n"));
    }

    @Test
    void true_duplicates_are_listed_and_false_ones_are_not(@TempDir Path root) throws Exception {
        TestAuthority authority = built("data_quality_duplicates", root);
        List<Map<String, Object>> rows = authority.query("select d.record_id, d.kept_person_id, i.message "
                + "from intermediate.int_dq_duplicates d join marts.data_quality_issues i using (record_id) order by 1");
        // U02 = U01 (same), U04 = U03 (forename and surname swapped), U06 = U05 (case, space, apostrophe),
        // U08 and U09 = U07 (three records). Not: U10/U11 twins, U12/U13 born a day apart, U15 with no forename.
        assertEquals(List.of("U02", "U04", "U06", "U08", "U09"), rows.stream().map(r -> r.get("record_id")).toList());
        assertEquals(List.of("U01", "U03", "U05", "U07", "U07"), rows.stream().map(r -> r.get("kept_person_id")).toList());
        assertTrue(rows.get(3).get("message").toString().endsWith("same date of birth and name as U07 (3 records match)"),
                rows.get(3).toString());
        assertEquals(5L, authority.one("select count(*) n from marts.data_quality_issues").get("n"));
        // Names never reach the warehouse: only their hash.
        assertEquals(0L, authority.one("select count(*) n from duckdb_columns() where column_name ilike '%forename%' "
                + "or column_name ilike '%surname%'").get("n"));
    }

    private static TestAuthority built(String cohort, Path root) throws Exception {
        TestAuthority authority = TestAuthority.fromCohort(cohort, root);
        LoadReport report = authority.load();
        assertTrue(report.quarantined().isEmpty(), () -> "quarantined: " + report.quarantined());
        authority.build();
        return authority;
    }
}
