package uk.csc.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/** Re-running a load changes nothing; a newer full extract replaces the marts' snapshot and keeps history. */
class RepeatLoadTest {
    @TempDir
    Path root;

    @Test
    void the_same_files_delivered_twice_change_nothing() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);
        List<Map<String, Object>> martsBefore = authority.query("select * from marts.front_door order by all");
        Map<String, String> lakeBefore = dataFiles(authority);

        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door/case"), authority.dataDir.inbox("case"));
        LoadReport again = authority.load();

        assertEquals(3, again.results().size());
        assertTrue(again.results().stream().allMatch(r -> r.status() == LoadReport.Status.DUPLICATE), again.results()::toString);
        assertEquals(0, again.rowsLoaded());
        assertEquals(lakeBefore, dataFiles(authority), "no new Parquet in the lake");
        authority.build();
        assertEquals(martsBefore, authority.query("select * from marts.front_door order by all"));
        assertEquals(3L, authority.one("select count(*) n from ops.load_report where status = 'DUPLICATE'").get("n"));
    }

    @Test
    void the_same_file_under_a_new_name_is_still_the_same_file() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        authority.load();
        Map<String, String> lakeBefore = dataFiles(authority);
        Path delivered = TestAuthority.resource("cohorts/front_door/case");
        // Re-sent under another date stamp, and without one (its date then comes from the file's time): same bytes.
        Files.copy(delivered.resolve("ssd_person_20240930.csv"), authority.dataDir.inbox("case").resolve("ssd_person_20241001.csv"));
        Files.copy(delivered.resolve("ssd_cin_episodes_20240930.csv"), authority.dataDir.inbox("case").resolve("SSD_CIN_EPISODES.csv"));

        LoadReport again = authority.load();

        assertEquals(2, again.results().size(), again.results()::toString);
        assertTrue(again.results().stream().allMatch(r -> r.status() == LoadReport.Status.DUPLICATE), again.results()::toString);
        assertEquals(lakeBefore, dataFiles(authority), "no new snapshot: the marts still read the first delivery");
    }

    @Test
    void a_newer_extract_replaces_the_snapshot_and_the_old_one_stays_in_the_lake() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);
        assertEquals(9L, referrals2024(authority));

        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        authority.load();
        authority.build();

        assertEquals(10L, referrals2024(authority), "R13 (15 October) is in the new extract");
        assertEquals("2024-10-31", authority.one("select cast(as_at_date as varchar) d from reference.run_context").get("d"));
        Path episodes = authority.dataDir.lake().resolve("case/ssd_cin_episodes");
        assertTrue(Files.isDirectory(episodes.resolve("extract_date=2024-09-30")), "history kept");
        assertTrue(Files.isDirectory(episodes.resolve("extract_date=2024-10-31")));
    }

    private static long referrals2024(TestAuthority a) throws Exception {
        return (Long) a.one("select referrals from marts.front_door where period_label = '2024-25'").get("referrals");
    }

    private static Map<String, String> dataFiles(TestAuthority a) throws Exception {
        Map<String, String> files = QuarantineTest.fingerprint(a.dataDir.lake());
        files.keySet().removeIf(k -> k.startsWith("_loads/"));
        return files;
    }
}
