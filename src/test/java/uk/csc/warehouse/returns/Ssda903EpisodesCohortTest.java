package uk.csc.warehouse.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The SSDA903 episodes of the hand-built children-in-care cohort (as at 5 May 2025, so the default year is
 * 2024-25), worked out by hand from DfE's rules, and the return written by the command as DfE reads it.
 */
class Ssda903EpisodesCohortTest {

    @Test
    void episodesFollowDfesRulesAndTheFilesAreWrittenAsDfeReadsThem(@TempDir Path root) throws Exception {
        TestAuthority a = BuiltCohorts.copy("children_in_care", root);
        assertEquals(0, Main.execute("return", "ssda903", "--data-dir", root.toString()));

        Path folder = root.resolve("out/returns/ssda903/2024-25");
        List<String> episodes = Files.readAllLines(folder.resolve("episodes.csv"));
        assertEquals("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
                episodes.get(0));
        // child, DECOM, RNE, LS, PLACE, DEC, REC, REASON_PLACE_CHANGE
        List<String> expected = List.of(
                "K01,31/03/2025,S,C2,U4,,,",              // started on 31 March: open at the year end
                "K02,01/06/2024,S,L1,U6,01/09/2024,X1,",  // legal status change only ...
                "K02,01/09/2024,L,C2,U6,,,",              // ... is L, same placement
                "K03,01/03/2023,P,C2,U6,01/11/2024,X1,",  // began before the year, open in it; ended by a legal change: no reason
                "K03,01/11/2024,L,E1,U6,15/11/2024,X1,CARPL", // ended by a move: the placement's change reason
                "K03,15/11/2024,T,E1,A5,,,",              // placed for adoption with the foster carer, legal status unchanged: T (same carers)
                "K04,30/09/2022,S,V2,K2,10/05/2024,X1,CREQB",
                "K04,10/05/2024,P,V2,U4,01/12/2024,X1,CHILD",
                "K04,01/12/2024,P,V2,K2,,,",
                "K05,10/01/2020,S,C2,U4,01/04/2024,E17,", // ceased on 1 April: in the year
                "K06,01/01/2024,S,V3,U1,,,",              // short break: in the return, no placement location
                "K07,01/12/2023,L,E1,U6,01/06/2024,X1,CARPL",
                "K07,01/06/2024,P,E1,A6,20/02/2025,E12,",
                "K08,15/04/2024,S,C2,U1,10/03/2025,E45,",
                "K10,01/04/2024,S,C2,U4,,,");             // K09 ceased in 2022: not in 2024-25
        List<String> actual = episodes.subList(1, episodes.size()).stream().map(line -> {
            String[] f = line.split(",", -1);
            return String.join(",", f[0], f[1], f[2], f[3], f[5], f[7], f[8], f[9]);
        }).toList();
        assertEquals(expected, actual);
        String k06 = episodes.stream().filter(l -> l.startsWith("K06,")).findFirst().orElseThrow();
        assertTrue(k06.endsWith(",,,"), "no HOME_POST, PL_POST or URN for a short break: " + k06);

        // Every file: the year's header row, owner-only; the extract audited.
        Ssda903Spec spec = Ssda903Spec.load(CollectionYear.parse("2024-25"));
        for (Ssda903Spec.Table t : spec.tables()) {
            Path f = folder.resolve(t.file());
            assertEquals(String.join(",", t.columns()), Files.readAllLines(f).get(0), t.file());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), t.file());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        List<String> audit = Files.readAllLines(root.resolve("ops/audit.csv"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"return_ssda903\",\"2024-25\"")), String.join("\n", audit));
        // No previous year's rules in this build before 2024-25: the command says so rather than inventing one.
        assertTrue(Files.notExists(root.resolve("out/returns/ssda903/2023-24")));
    }

    @Test
    void aYearWithoutRulesIsRefusedNamingTheYearsThereAre(@TempDir Path root) throws Exception {
        TestAuthority a = BuiltCohorts.copy("children_in_care", root);
        assertEquals(1, Main.execute("return", "ssda903", "--data-dir", root.toString(), "--year", "2019-20"));
        assertEquals(1, Main.execute("return", "ssda903", "--data-dir", root.toString(), "--year", "2025-2026"));
    }
}
