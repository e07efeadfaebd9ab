package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.transform.WarehouseBuilder;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * The children-in-care, permanence, missing and care-leaver models on a generated authority (20,000 children,
 * 3 years to 30 June 2025): the build, with every data test, must pass, and the headline 2024-25 figures must
 * be in a plausible range. The figures are logged (aggregates only) for comparison with published values.
 */
class ChildrenInCareGeneratedAuthorityTest {

    @Test
    void builds_and_gives_plausible_figures(@TempDir Path root) throws Exception {
        SyntheticAuthority.write(new GeneratorSettings(20_000, 3, 7L, LocalDate.of(2025, 6, 30), "E09000028"), root);
        DataDir dataDir = new DataDir(root);
        new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);
        WarehouseBuilder.fromClasspath().build(dataDir);
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from ops.data_test_results where not passed")) {
                rs.next();
                assertEquals(0L, rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("select indicator_code, value from marts.indicator_values "
                    + "where period_type = 'financial_year' and period_label = '2024-25' and indicator_code in "
                    + "('cla_rate_per_10k_31mar', 'cla_3plus_placements_in_year_pct', 'cla_placed_over20miles_outside_la_pct', "
                    + "'cla_missing_in_year_pct', 'cla_long_term_stability_pct', 'care_leavers_19_21_eet_pct', "
                    + "'care_leavers_19_21_suitable_accom_pct', 'cla_health_assessment_up_to_date_pct', 'cla_reviews_up_to_date_pct', "
                    + "'cla_in_care_2yrs_3plus_placements_in_2yrs_pct') order by 1")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    double v = rs.getDouble(2);
                    System.out.printf("generated 2024-25 %s = %.1f%n", rs.getString(1), v);
                    if (rs.getString(1).equals("cla_rate_per_10k_31mar")) {
                        assertTrue(v > 20 && v < 150, "CLA rate " + v);
                    } else {
                        assertTrue(v >= 0 && v <= 100, rs.getString(1) + " " + v);
                    }
                }
                assertEquals(10, n);
            }
        }
    }
}
