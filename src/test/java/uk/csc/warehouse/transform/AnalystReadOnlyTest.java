package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * Analysts keep warehouse.duckdb open read-only in DBeaver while the nightly load runs. DuckDB allows one
 * writing process or many reading ones, so the build writes a new file and renames it into place: it must
 * never fail or lock the analyst out, and the analyst sees the new data on reconnecting.
 */
class AnalystReadOnlyTest {
    @TempDir
    Path root;

    @Test
    void a_build_publishes_while_an_analyst_holds_the_warehouse_open() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process analyst = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "uk.csc.warehouse.testing.HoldWarehouseOpen", authority.dataDir.warehouse().toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(analyst.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(analyst.getOutputStream(), StandardCharsets.UTF_8)) {
            assertEquals("OPEN 9", out.readLine());

            TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
            authority.load();
            authority.build(); // would fail with "Could not set lock on file" if it wrote to the open file

            in.write("again\n");
            in.flush();
            assertEquals("STILL 9", out.readLine(), "the open session keeps a consistent view of last night's file");
            assertEquals(0, analyst.waitFor(1, TimeUnit.MINUTES) ? analyst.exitValue() : -1);
        } finally {
            analyst.destroyForcibly();
        }
        assertEquals(10L, authority.one("select referrals from marts.front_door where period_label = '2024-25'")
                .get("referrals"), "reconnecting shows the new build");
    }
}
