package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.RunLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * The nightly's build copies the run ledger into ops.run_ledger by attaching it read-only, and so may an
 * analyst. While another process holds it that way, {@code status} (and the service deciding whether a fire
 * was already answered) must still read it: a reader that opened it read-write would lock the others out,
 * so a status check from monitoring at the wrong moment could fail the night's build.
 */
class LedgerReadersTest {
    @TempDir
    Path root;

    @Test
    void the_ledger_is_read_while_another_process_holds_it_read_only() throws Exception {
        DataDir dir = new DataDir(root);
        RunLedger ledger = RunLedger.of(dir);
        Instant t = Instant.now().minusSeconds(3600);
        ledger.insert(new RunRecord("nightly-a", NightlyLoadJob.NAME, "cron", null, "", t, t, t.plusSeconds(60),
                RunRecord.SUCCEEDED, 12, 0, "", null, "test", 1));

        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldOpen.class.getName(), ledger.file().toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new java.io.OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8)) {
            assertEquals("OPEN 1", out.readLine(), "the other process holds the ledger");

            assertEquals("nightly-a", ledger.recent(5).get(0).runId());
            assertEquals(12, ledger.lastCompleted(NightlyLoadJob.NAME).orElseThrow().rowsLoaded());
            int status = Main.execute("status", "--data-dir", root.toString());
            assertEquals(0, status & 1, "status read the ledger: no failed run");

            in.write("done\n");
            in.flush();
            assertEquals("STILL 1", out.readLine(), "and the other process kept it open throughout");
            other.waitFor(1, TimeUnit.MINUTES);
        } finally {
            other.destroyForcibly();
        }
    }

    /** Another process (the build's ATTACH ... READ_ONLY, an analyst): holds the ledger open read-only until told. */
    public static final class HoldOpen {
        public static void main(String[] args) throws Exception {
            try (Connection c = DuckDb.readOnly(Path.of(args[0])); Statement st = c.createStatement();
                 BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                System.out.println("OPEN " + count(st));
                System.out.flush();
                stdin.readLine();
                System.out.println("STILL " + count(st));
                System.out.flush();
            }
        }

        private static long count(Statement st) throws Exception {
            try (ResultSet rs = st.executeQuery("select count(*) from run_ledger")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
