package uk.csc.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.transform.WarehouseBuilder;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * The marts on one generated authority (20,000 children, 3 years to 30 June 2025), generated, loaded and built
 * once for both checks (they were two classes building the same authority): the build, with every data test,
 * must pass, and the headline 2024-25 figures must sit in a plausible range (wide: Southwark and England
 * published 2023-24 values are in the comments). Figures are printed (aggregates only) for comparison with
 * published values.
 */
class GeneratedAuthorityMartsTest {
    @TempDir
    static Path root;
    static DataDir dataDir;

    /** indicator code → {low, high}: a generous plausible range, not a target. */
    private static final Map<String, double[]> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("s47_rate_per_10k", new double[] {80, 450});            // Southwark 217.0, England 186.2
        RANGES.put("icpc_rate_per_10k", new double[] {25, 160});           // Southwark 88.6, England 59.9
        RANGES.put("icpc_within_15wd_pct", new double[] {40, 100});        // Southwark 70.9, England 79.7
        RANGES.put("cpp_rate_per_10k_31mar", new double[] {15, 100});      // Southwark 47.8, England 41.4
        RANGES.put("cpp_second_or_subsequent_pct", new double[] {3, 50});  // Southwark 24.9, England 24.7
        RANGES.put("cpp_ended_lasting_2yrs_plus_pct", new double[] {0, 20}); // Southwark 1.6, England 3.8
        RANGES.put("cin_rate_per_10k_31mar", new double[] {100, 800});     // Southwark 454.1, England 331.2
        RANGES.put("assessments_domestic_abuse_pct", new double[] {10, 80});
    }

    @BeforeAll
    static void generateLoadAndBuild() throws Exception {
        SyntheticAuthority.write(new GeneratorSettings(20_000, 3, 7L, LocalDate.of(2025, 6, 30), "E09000028"), root);
        dataDir = new DataDir(root);
        new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);
        WarehouseBuilder.fromClasspath().build(dataDir);
    }

    /** The children-in-care, permanence, missing and care-leaver models. */
    @Test
    void children_in_care_builds_and_gives_plausible_figures() throws Exception {
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

    /** The child protection and children in need models. */
    @Test
    void child_protection_builds_and_gives_plausible_figures() throws Exception {
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from ops.data_test_results where not passed")) {
                rs.next();
                assertEquals(0L, rs.getLong(1));
            }
            int n = 0;
            try (ResultSet rs = st.executeQuery("select indicator_code, value, numerator, denominator "
                    + "from marts.indicator_values where period_type = 'financial_year' and period_label = '2024-25' "
                    + "and area in ('child_protection', 'children_in_need') order by area, indicator_code")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    double v = rs.getDouble(2);
                    System.out.printf("generated 2024-25 %s = %.1f (%d / %s)%n", code, v, rs.getLong(3), rs.getString(4));
                    double[] range = RANGES.get(code);
                    if (range != null) {
                        n++;
                        assertTrue(v >= range[0] && v <= range[1], code + " " + v);
                    }
                }
            }
            assertEquals(RANGES.size(), n, "every headline indicator is produced");
        }
    }
}
