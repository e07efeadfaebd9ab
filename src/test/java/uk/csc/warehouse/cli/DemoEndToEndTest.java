package uk.csc.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The product end to end, through the commands a council runs: generate a small synthetic authority,
 * run the nightly cycle, and check the warehouse and outputs hold figures a performance analyst would
 * recognise for an inner-London borough (the generator is calibrated on Southwark's published rates).
 */
class DemoEndToEndTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void generateAndRun() {
        assertEquals(0, Main.execute("generate", "--data-dir", root.toString(), "--children", "10000", "--years", "3",
                "--as-at", "2025-03-31", "--seed", "11"));
        assertEquals(0, Main.execute("run", "--data-dir", root.toString()));
    }

    @Test
    void every_extract_loads_with_nothing_quarantined() throws Exception {
        Map<String, Object> r = authority().one("select count(*) files, sum(rows_read) n, sum(rows_loaded) loaded, "
                + "sum(rows_quarantined) q from ops.load_report where status = 'LOADED'");
        // 30 SSD tables, 3 complaints tables and 3 HR tables.
        assertTrue(((Number) r.get("files")).longValue() >= 36, r::toString);
        assertEquals(((Number) r.get("n")).longValue(), ((Number) r.get("loaded")).longValue());
        assertEquals(0L, ((Number) r.get("q")).longValue());
        assertEquals(0L, authority().one("select count(*) n from ops.data_test_results where not passed").get("n"));
    }

    @Test
    void the_front_door_looks_like_an_inner_london_borough() throws Exception {
        Map<String, Object> fy = authority().one("select * from marts.front_door where period_label = '2024-25'");
        double rate = ((Number) fy.get("referral_rate_per_10k")).doubleValue();
        double reReferrals = ((Number) fy.get("re_referral_pct")).doubleValue();
        double in45 = ((Number) fy.get("assessments_within_45wd_pct")).doubleValue();
        assertTrue(rate > 400 && rate < 750, "referrals per 10,000: " + rate);        // Southwark 2023-24: 598.1
        assertTrue(reReferrals > 12 && reReferrals < 32, "re-referrals %: " + reReferrals); // Southwark: 22.0
        assertTrue(in45 > 75 && in45 <= 100, "within 45 working days %: " + in45);    // Southwark: 95.8
        assertEquals(true, fy.get("is_complete"));
    }

    @Test
    void the_outputs_open_in_excel() throws Exception {
        Path csv = root.resolve("out/front_door.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFperiod_type,period_label"), lines.get(0));
        assertEquals(authority().one("select count(*) n from marts.front_door").get("n"), (long) lines.size() - 1);
        assertTrue(Files.size(root.resolve("out/indicator_values.csv")) > 0);
    }

    private static TestAuthority authority() {
        return TestAuthority.at(root);
    }
}
