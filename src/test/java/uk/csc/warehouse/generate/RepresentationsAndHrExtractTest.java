package uk.csc.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;

/** The complaints and HR extracts: contract headers, references into the case extract, and plausible rates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepresentationsAndHrExtractTest {
    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);

    private Path dir;
    private GenerationSummary summary;

    @BeforeAll
    void generate(@TempDir Path tmp) throws IOException {
        dir = tmp;
        summary = SyntheticAuthority.write(new GeneratorSettings(20_000, 5, 21L, AS_AT, null), dir);
    }

    @Test
    void headersAreTheContractsColumnsInOrder() throws IOException {
        ContractCatalog catalog = ContractCatalog.fromClasspath();
        for (String source : List.of("complaints", "hr")) {
            List<TableContract> contracts = catalog.forSource(source);
            assertFalse(contracts.isEmpty(), source);
            for (TableContract c : contracts) {
                Path f = dir.resolve("inbox").resolve(source).resolve(c.table() + ".csv");
                String header = Files.readAllLines(f).get(0);
                assertEquals(String.join(",", c.columnNames()), header, f.toString());
                assertEquals(summary.rows(source + "/" + c.table()), rows(source, c.table()).size(), c.table());
                assertTrue(summary.rows(source + "/" + c.table()) > 0, c.table());
            }
        }
    }

    @Test
    void teamsPeopleAndWorkersResolveInTheCaseExtract() {
        Set<String> teams = ids("case", "ssd_department", "dept_team_id");
        Set<String> people = ids("case", "ssd_person", "pers_person_id");
        Set<String> professionals = ids("case", "ssd_professionals", "prof_professional_id");
        for (String table : List.of("complaints", "compliments", "member_enquiries")) {
            for (Map<String, String> r : rows("complaints", table)) {
                assertTrue(teams.contains(r.get("team_id")), table + " team");
                String person = r.getOrDefault("person_id", "");
                assertTrue(person.isEmpty() || people.contains(person), table + " person");
            }
        }
        List<Map<String, String>> workers = rows("hr", "workers");
        long inCaseSystem = workers.stream().filter(w -> professionals.contains(w.get("worker_id"))).count();
        long hrOnly = workers.stream().filter(w -> w.get("worker_id").startsWith("H")).count();
        assertEquals(workers.size(), inCaseSystem + hrOnly, "a worker id is the case system's, or HR's own H-number");
        for (Map<String, String> w : workers) {
            assertTrue(teams.contains(w.get("team_id")), "worker team");
        }
        for (Map<String, String> e : rows("hr", "establishment")) {
            assertTrue(teams.contains(e.get("team_id")), "establishment team");
        }
        Set<String> inHr = workers.stream().map(w -> w.get("worker_id")).collect(Collectors.toSet());
        long caseOnly = professionals.stream().filter(p -> !inHr.contains(p)).count();
        assertTrue(caseOnly > 0, "a few case-system workers HR does not know, for reconciliation to report");
    }

    @Test
    void complaintsFollowTheProcedureAtRoughlyTheExpectedRates() {
        WorkingDays wd = new WorkingDays();
        Map<String, Map<Integer, Map<String, String>>> byComplaint = new HashMap<>();
        for (Map<String, String> r : rows("complaints", "complaints")) {
            byComplaint.computeIfAbsent(r.get("complaint_id"), k -> new HashMap<>()).put(Integer.parseInt(r.get("stage")), r);
        }
        long referrals = summary.rows("case/ssd_cin_episodes");
        double perHundred = byComplaint.size() * 100.0 / referrals;
        assertTrue(perHundred > 0.5 && perHundred < 1.6, "complaints per 100 referrals: " + perHundred);
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int s1InTime = 0;
        int s1Responded = 0;
        for (Map<Integer, Map<String, String>> stages : byComplaint.values()) {
            assertTrue(stages.containsKey(1), "every generated complaint starts at stage 1");
            s1++;
            s2 += stages.containsKey(2) ? 1 : 0;
            s3 += stages.containsKey(3) ? 1 : 0;
            if (stages.containsKey(3)) {
                assertTrue(stages.containsKey(2), "stage 3 follows stage 2");
            }
            Map<String, String> first = stages.get(1);
            if (!first.get("responded_date").isEmpty()) {
                s1Responded++;
                LocalDate received = LocalDate.parse(first.get("received_date"));
                LocalDate limit = wd.plus(received, "Y".equals(first.get("extension_flag")) ? 20 : 10);
                s1InTime += LocalDate.parse(first.get("responded_date")).isAfter(limit) ? 0 : 1;
                assertFalse(first.get("outcome").isEmpty());
            }
        }
        double escalation = s2 * 1.0 / s1;
        assertTrue(escalation > 0.07 && escalation < 0.25, "stage 1 to 2: " + escalation);
        assertTrue(s3 <= s2, "stage 3 at most stage 2");
        assertTrue(s1InTime * 1.0 / s1Responded > 0.7, "most stage 1 responses in time");
        assertTrue(summary.rows("complaints/compliments") > byComplaint.size(), "more compliments than complaints");
    }

    @Test
    void workforceHasAgencyTurnoverAndVacanciesNearLondonLevels() {
        LocalDate census = LocalDate.of(2024, 9, 30);
        double employed = 0;
        double agency = 0;
        double leavers = 0;
        for (Map<String, String> w : rows("hr", "workers")) {
            if (w.get("swe_registration_number").isEmpty()) {
                continue;
            }
            LocalDate start = LocalDate.parse(w.get("start_date"));
            LocalDate leave = w.get("leave_date").isEmpty() ? null : LocalDate.parse(w.get("leave_date"));
            double fte = Double.parseDouble(w.get("fte"));
            boolean isAgency = "Y".equals(w.get("agency_flag"));
            if (!start.isAfter(census) && (leave == null || !leave.isBefore(census))) {
                if (isAgency) {
                    agency += fte;
                } else {
                    employed += fte;
                }
            }
            if (!isAgency && leave != null && leave.isAfter(census.minusYears(1)) && !leave.isAfter(census)) {
                leavers += fte;
            }
        }
        double agencyRate = agency / (agency + employed);
        double turnover = leavers / employed;
        assertTrue(agencyRate > 0.08 && agencyRate < 0.35, "agency rate " + agencyRate);
        assertTrue(turnover > 0.05 && turnover < 0.30, "turnover " + turnover);
    }

    @Test
    void sameSeedSameBytesForTheNewSources(@TempDir Path other) throws IOException {
        SyntheticAuthority.write(new GeneratorSettings(20_000, 5, 21L, AS_AT, null), other);
        for (String source : List.of("complaints", "hr")) {
            for (TableContract c : ContractCatalog.fromClasspath().forSource(source)) {
                Path rel = Path.of("inbox", source, c.table() + ".csv");
                assertEquals(Files.readString(dir.resolve(rel)), Files.readString(other.resolve(rel)), rel.toString());
            }
        }
    }

    private Set<String> ids(String source, String table, String column) {
        return rows(source, table).stream().map(r -> r.get(column)).collect(Collectors.toCollection(HashSet::new));
    }

    private List<Map<String, String>> rows(String source, String table) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .ofNamedCsvRecord(dir.resolve("inbox").resolve(source).resolve(table + ".csv"))) {
            for (NamedCsvRecord r : reader) {
                rows.add(r.getFieldsAsMap());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
