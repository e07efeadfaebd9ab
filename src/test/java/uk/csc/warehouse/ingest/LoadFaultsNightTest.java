package uk.csc.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;
import uk.csc.warehouse.transform.BuildFailed;

/**
 * A night with load-time faults still publishes: the bad rows are quarantined with their reasons, the good ones
 * are built and tested, and every file holding a child's data is readable by its owner alone.
 */
class LoadFaultsNightTest {
    @TempDir
    Path root;

    @Test
    void the_night_publishes_with_the_bad_rows_quarantined() throws Exception {
        TestAuthority authority = withFaults();
        LoadReport report = authority.load();

        LoadReport.FileResult episodes = report.landed().stream().filter(r -> r.table().equals("ssd_cin_episodes"))
                .findFirst().orElseThrow();
        assertEquals(2, episodes.rowsQuarantined(), "blank referral date, flag holding a date: " + episodes.reasonsText());
        assertEquals(episodes.rowsRead(), episodes.rowsLoaded() + episodes.rowsQuarantined());
        assertTrue(episodes.reasonsText().contains("required value missing: 1"), episodes.reasonsText());
        assertTrue(episodes.reasonsText().contains("not a yes/no value: 1"), episodes.reasonsText());

        authority.build(); // a blank referral date used to fail stg_case__cin_episodes' not_null test: no warehouse
        assertEquals(episodes.rowsLoaded(),
                ((Number) authority.one("select count(*) n from staging.stg_case__cin_episodes").get("n")).longValue());
        assertEquals(0L, ((Number) authority.one("select count(*) n from staging.stg_case__cin_episodes"
                + " where referral_id in ('RX1', 'RX2')").get("n")).longValue());
    }

    @Test
    void files_holding_childrens_data_are_owner_only_whatever_the_umask() throws Exception {
        TestAuthority authority = withFaults();
        // Refused whole: its bytes and reason go to quarantine/.
        Files.writeString(authority.dataDir.inbox("case").resolve("ssd_cp_plans.csv"), "not,a,header\n1,2,3\n");
        try (Stream<Path> delivered = Files.list(authority.dataDir.inbox("case"))) {
            for (Path f : delivered.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--")); // as delivered
            }
        }
        LoadReport report = authority.load();
        assertEquals(1, report.quarantined().size(), report.results().toString());

        List<String> open = new ArrayList<>();
        int files = 0;
        for (Path top : List.of(authority.dataDir.lake(), authority.dataDir.archive(), authority.dataDir.quarantine())) {
            try (Stream<Path> all = Files.walk(top)) {
                for (Path p : all.toList()) {
                    boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                    files += dir ? 0 : 1;
                    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    if (!perms.equals(dir ? "rwx------" : "rw-------")) {
                        open.add(authority.dataDir.root().relativize(p) + " " + perms);
                    }
                }
            }
        }
        // lake: 3 Parquet + the load record; archive: 3 files; quarantine: the refused file + its reason (+ rows file)
        assertTrue(files >= 9, "found the files: " + files);
        assertEquals(List.of(), open, "readable by others");
    }

    @Test
    void a_missing_population_file_is_named_in_one_sentence() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Files.delete(authority.dataDir.reference().resolve("population_0_17.csv"));
        authority.load();
        BuildFailed e = assertThrows(BuildFailed.class, authority::build);
        assertTrue(e.getMessage().startsWith(authority.dataDir.reference().resolve("population_0_17.csv")
                + " is missing: "), e.getMessage());
        assertTrue(e.getMessage().contains("area_code,financial_year,population_0_17"), e.getMessage());
        assertTrue(!e.getMessage().contains("Catalog Error") && e.getMessage().lines().count() == 1, e.getMessage());
    }

    /** The front-door cohort plus a referral with no date and one whose NFA flag holds a date. */
    private TestAuthority withFaults() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Path episodes = authority.dataDir.inbox("case").resolve("ssd_cin_episodes_20240930.csv");
        Files.writeString(episodes, "RX1,C01,,N,1A\nRX2,C01,2024-07-01,2024-07-02,1A\n", StandardOpenOption.APPEND);
        return authority;
    }
}
