package uk.csc.warehouse.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /**
     * SW10STG2: unless SW_REASON is FCONTA, a social worker episode starts within 7 days of the previous one's
     * end; SW12STG2: the year's episodes include those "whilst they were not looked after". K11 (added here,
     * not in the shared cohort) leaves care with a special guardianship order on 10 Aug 2024, is re-referred
     * (FCONTA allocation 30 Sep) and comes back into care on 7 Oct. The re-referral's allocation lies between
     * the two periods of care and must be in the return: without it the 7 Oct episode starts 58 days after
     * the last ended with TSPROC, which SW10STG2 rejects. The worker allocated before care starts at DECOM;
     * an allocation of another role in the gap is not a social worker episode.
     */
    @Test
    void socialWorkerEpisodesIncludeTheAllocationsBetweenTwoPeriodsOfCare(@TempDir Path root) throws Exception {
        TestAuthority a = TestAuthority.fromCohort("children_in_care", root);
        Path inbox = a.dataDir.inbox("case");
        append(inbox.resolve("ssd_person_20250505.csv"), "K11,M,2018-03-03,WBRI");
        append(inbox.resolve("ssd_cla_episodes_20250505.csv"),
                "E11A,K11,CLA11A,2024-04-20,S,2024-08-10,E45,PL11A,2024-04-20",
                "E11B,K11,CLA11B,2024-10-07,S,,,PL11B,2024-10-07");
        append(inbox.resolve("ssd_cla_placement_20250505.csv"),
                "PL11A,K11,CLA11A,2024-04-20,2024-08-10,U1,,,",
                "PL11B,K11,CLA11B,2024-10-07,,U4,,,");
        append(inbox.resolve("ssd_legal_status_20250505.csv"),
                "LS11A,K11,C2,2024-04-20,2024-08-10",
                "LS11B,K11,C2,2024-10-07,");
        Files.writeString(inbox.resolve("ssd_involvements_20250505.csv"), String.join("\n",
                "invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,"
                        + "invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_person_id",
                "I11A,W11,Allocated Case Worker,T1,2024-04-12,2024-08-10,FCONTA,K11",
                "I11X,W14,Independent Reviewing Officer,T9,2024-08-20,2024-09-20,,K11",
                "I11B,W12,Allocated Case Worker,T2,2024-09-30,2024-10-07,FCONTA,K11",
                "I11C,W13,Allocated Case Worker,T3,2024-10-07,,TSPROC,K11") + "\n");
        Files.writeString(inbox.resolve("ssd_professionals_20250505.csv"), String.join("\n",
                "prof_professional_id,prof_social_worker_registration_no,prof_professional_job_title",
                "W11,SW000011,Social Worker", "W12,SW000012,Social Worker", "W13,SW000013,Social Worker",
                "W14,SW000014,Independent Reviewing Officer") + "\n");
        a.load();
        a.build();
        assertEquals(0, Main.execute("return", "ssda903", "--data-dir", root.toString()));

        List<String> sw = Files.readAllLines(root.resolve("out/returns/ssda903/2024-25/sw_episodes.csv"));
        assertEquals("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", sw.get(0));
        assertEquals(List.of(
                "K11,03/03/2018,SW000011,20/04/2024,10/08/2024,FCONTA", // allocated before care: starts at DECOM
                "K11,03/03/2018,SW000012,30/09/2024,07/10/2024,FCONTA", // the re-referral, not looked after
                "K11,03/03/2018,SW000013,07/10/2024,,TSPROC"),          // the child's latest episode stays open
                sw.stream().filter(l -> l.startsWith("K11,")).toList());
    }

    private static void append(Path file, String... lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    @Test
    void aYearWithoutRulesIsRefusedNamingTheYearsThereAre(@TempDir Path root) throws Exception {
        TestAuthority a = BuiltCohorts.copy("children_in_care", root);
        assertEquals(1, Main.execute("return", "ssda903", "--data-dir", root.toString(), "--year", "2019-20"));
        assertEquals(1, Main.execute("return", "ssda903", "--data-dir", root.toString(), "--year", "2025-2026"));
    }
}
