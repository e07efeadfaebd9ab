package uk.csc.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
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

/**
 * The tables added for the statutory returns (issue 15), read back from a generated authority (12,000 children,
 * 5 years to 31 March 2025): their shape, their cohorts, rates within the bounds DfE's published figures suggest,
 * UPN check letters (worked out here from DfE's UPN guide, not with the generator's code), real postcodes and
 * URNs of the shape the SSDA903 rules ask for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnTablesGeneratorTest {
    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);
    private static final String CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private ExtractFiles files;
    private final Map<String, LocalDate> dob = new HashMap<>();
    private final Map<String, String> upnUnknown = new HashMap<>();
    /** Periods of care: clae_cla_id -> person, first start, last ceased (null while open), last reason. */
    private final Map<String, String> carePerson = new HashMap<>();
    private final Map<String, LocalDate> careStart = new HashMap<>();
    private final Map<String, LocalDate> careEnd = new HashMap<>();
    private final Map<String, String> careReason = new HashMap<>();
    private final Set<String> openCare = new HashSet<>();
    private final Set<String> shortBreakCare = new HashSet<>();
    private final Set<String> uasc = new HashSet<>();
    /** OC2 child-years: "claId|year" for periods looked after 12 months+ at 31 March of year (short breaks excluded). */
    private final Set<String> oc2 = new HashSet<>();

    @BeforeAll
    void generate(@TempDir Path dir) throws IOException {
        SyntheticAuthority.write(new GeneratorSettings(12_000, 5, 15L, AS_AT, null), dir);
        files = new ExtractFiles(dir);
        for (Map<String, String> p : files.rows("ssd_person")) {
            dob.put(p.get("pers_person_id"), ExtractFiles.date(p, "pers_dob"));
            upnUnknown.put(p.get("pers_person_id"), p.get("pers_upn_unknown"));
            if (!p.get("pers_nationality").isEmpty()) {
                uasc.add(p.get("pers_person_id"));
            }
        }
        for (Map<String, String> e : files.rows("ssd_cla_episodes")) {
            String cla = e.get("clae_cla_id");
            carePerson.put(cla, e.get("clae_person_id"));
            careStart.merge(cla, ExtractFiles.date(e, "clae_cla_episode_start_date"), (a, b) -> a.isBefore(b) ? a : b);
            LocalDate end = ExtractFiles.date(e, "clae_cla_episode_ceased_date");
            if (end == null) {
                openCare.add(cla);
            } else if (careEnd.get(cla) == null || end.isAfter(careEnd.get(cla))) {
                careEnd.put(cla, end);
                careReason.put(cla, e.get("clae_cla_episode_ceased_reason"));
            }
        }
        Set<String> shortBreakStarts = new HashSet<>();
        for (Map<String, String> l : files.rows("ssd_legal_status")) {
            if (l.get("lega_legal_status").matches("V[34]")) {
                shortBreakStarts.add(l.get("lega_person_id") + "|" + l.get("lega_legal_status_start_date"));
            }
        }
        for (String cla : careStart.keySet()) {
            if (shortBreakStarts.contains(carePerson.get(cla) + "|" + careStart.get(cla))) {
                shortBreakCare.add(cla);
                continue;
            }
            for (int year = careStart.get(cla).getYear(); year <= AS_AT.getYear(); year++) {
                LocalDate census = LocalDate.of(year, Month.MARCH, 31);
                boolean lookedAfter = openCare.contains(cla) || careEnd.get(cla).isAfter(census);
                if (!census.isAfter(AS_AT) && lookedAfter && !careStart.get(cla).isAfter(census.minusYears(1).plusDays(1))) {
                    oc2.add(cla + "|" + year);
                }
            }
        }
        assertTrue(oc2.size() > 300, "OC2 child-years " + oc2.size());
    }

    @Test
    void everyUpnHasItsCheckLetterAndEachChildOneOrAnUnknownCode() {
        List<Map<String, String>> rows = files.rows("ssd_linked_identifiers");
        Set<String> values = new HashSet<>();
        Set<String> people = new HashSet<>();
        for (Map<String, String> r : rows) {
            String upn = r.get("link_identifier_value");
            assertEquals("Unique Pupil Number", r.get("link_identifier_type"));
            assertTrue(upn.matches("[A-HJ-NP-RT-Z][0-9]{12}"), upn);
            assertEquals(checkLetter(upn.substring(1)), upn.charAt(0), "check letter of " + upn);
            assertTrue(validCinLaNumber(Integer.parseInt(upn.substring(1, 4))), "CIN rule 1530: LA number of " + upn);
            assertTrue(values.add(upn), "UPNs are unique (CIN rule 1520): " + upn);
            String person = r.get("link_person_id");
            assertTrue(people.add(person), "one UPN per child: " + person);
            assertEquals("", upnUnknown.get(person), "a child with a UPN has no UPN-unknown code: " + person);
            LocalDate from = ExtractFiles.date(r, "link_valid_from_date");
            assertEquals(Month.SEPTEMBER, from.getMonth());
            assertEquals(1, from.getDayOfMonth());
            int age = (int) java.time.temporal.ChronoUnit.YEARS.between(dob.get(person), from);
            assertTrue(age == 4 || age == 5 && dob.get(person).getMonthValue() == 9 && dob.get(person).getDayOfMonth() == 1,
                    "issued when the child started reception: " + person + " aged " + age);
        }
        // Every child of school age has a UPN or a UPN-unknown code; the codes are there (UN1 young CLA, UN2 UASC).
        int schoolAge = 0;
        for (Map.Entry<String, LocalDate> p : dob.entrySet()) {
            LocalDate reception = LocalDate.of(p.getValue().getYear() + (p.getValue().getMonthValue() >= 9 ? 5 : 4), 9, 1);
            if (!reception.isAfter(AS_AT) && !p.getKey().endsWith("B")) {
                schoolAge++;
                assertTrue(people.contains(p.getKey()) || !upnUnknown.get(p.getKey()).isEmpty(), "UPN or code: " + p.getKey());
            }
        }
        assertTrue(people.size() > 0.9 * schoolAge, people.size() + " UPNs, " + schoolAge + " children of school age");
        Map<String, Long> codes = upnUnknown.values().stream().filter(v -> !v.isEmpty())
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertTrue(codes.getOrDefault("UN1", 0L) > 0 && codes.getOrDefault("UN2", 0L) > 0, codes.toString());
        assertTrue(codes.keySet().stream().allMatch(c -> c.matches("UN[1-5]")), "SSDA903 rule 168 allows UN1-UN5: " + codes);
    }

    @Test
    void sdqScoresForTheOc2CohortAgedFourToSixteen() {
        int scored = 0;
        long total = 0;
        Set<String> seen = new HashSet<>();
        for (Map<String, String> r : files.rows("ssd_sdq_scores")) {
            String[] key = cohortKey(r.get("csdq_table_id"), "-SDQ");
            assertTrue(oc2.contains(key[0] + "|" + key[1]), "SDQ in the OC2 cohort: " + r.get("csdq_table_id"));
            assertTrue(seen.add(key[0] + "|" + key[1]), "one SDQ a year: " + r.get("csdq_table_id"));
            LocalDate census = LocalDate.of(Integer.parseInt(key[1]), Month.MARCH, 31);
            String person = r.get("csdq_person_id");
            assertEquals(carePerson.get(key[0]), person);
            int age = (int) java.time.temporal.ChronoUnit.YEARS.between(dob.get(person), census);
            assertTrue(age >= 4 && age <= 17, "aged 4-17 at 31 March (rule 197B: those turning 4 or 17 too): " + age);
            LocalDate completed = ExtractFiles.date(r, "csdq_sdq_completed_date");
            assertTrue(completed.isAfter(census.minusYears(1)) && !completed.isAfter(census), "completed in the year: " + completed);
            boolean hasScore = !r.get("csdq_sdq_score").isEmpty();
            assertTrue(hasScore != !r.get("csdq_sdq_reason").isEmpty(), "a score or a reason: " + r);
            int ageThen = (int) java.time.temporal.ChronoUnit.YEARS.between(dob.get(person), completed);
            assertEquals(ageThen > 16, r.get("csdq_sdq_reason").equals("SDQ1"), "SDQ1 exactly when aged over 16 at the assessment: " + r);
            if (hasScore) {
                int score = Integer.parseInt(r.get("csdq_sdq_score"));
                assertTrue(score >= 0 && score <= 40, "score 0-40: " + score);
                scored++;
                total += score;
            } else {
                assertTrue(r.get("csdq_sdq_reason").matches("SDQ[1-5]"), r.get("csdq_sdq_reason"));
            }
        }
        // Every OC2 child-year aged 4-17 has its SDQ row.
        for (String k : oc2) {
            String[] key = k.split("\\|");
            LocalDate census = LocalDate.of(Integer.parseInt(key[1]), Month.MARCH, 31);
            int age = (int) java.time.temporal.ChronoUnit.YEARS.between(dob.get(carePerson.get(key[0])), census);
            if (age >= 4 && age <= 17) {
                assertTrue(seen.contains(k), "SDQ missing for " + k);
            }
        }
        double pctScored = 100.0 * scored / seen.size();
        double mean = (double) total / scored;
        assertTrue(pctScored > 65 && pctScored < 92, "share with a score " + pctScored);
        assertTrue(mean > 11 && mean < 17, "mean SDQ score " + mean);
    }

    @Test
    void convictionsAndSubstanceMisuseAtPlausibleRatesForTheOc2Cohort() {
        long tenPlus = oc2.stream().filter(k -> age(k) >= 10).count();
        Set<String> convicted = new HashSet<>();
        for (Map<String, String> r : files.rows("ssd_cla_convictions")) {
            String[] key = cohortKey(r.get("clac_cla_conviction_id"), "-CV");
            String year = key[1].substring(0, 4);
            assertTrue(oc2.contains(key[0] + "|" + year), r.get("clac_cla_conviction_id"));
            LocalDate census = LocalDate.of(Integer.parseInt(year), Month.MARCH, 31);
            LocalDate offence = ExtractFiles.date(r, "clac_cla_conviction_date");
            String person = r.get("clac_person_id");
            assertTrue(!offence.isBefore(dob.get(person).plusYears(10)), "aged 10+ at the offence");
            assertTrue(offence.isAfter(census.minusYears(1)) && !offence.isAfter(census) && !offence.isBefore(careStart.get(key[0])),
                    "offence in the year, while looked after: " + offence);
            assertFalse(r.get("clac_cla_conviction_offence").isEmpty());
            convicted.add(key[0] + "|" + year);
        }
        double convictedPct = 100.0 * convicted.size() / tenPlus;
        assertTrue(convictedPct > 0.5 && convictedPct < 8, "convicted " + convictedPct + "% of " + tenPlus);

        int received = 0;
        List<Map<String, String>> misuse = files.rows("ssd_cla_substance_misuse");
        for (Map<String, String> r : misuse) {
            String[] key = cohortKey(r.get("clas_substance_misuse_id"), "-SM");
            assertTrue(oc2.contains(key[0] + "|" + key[1]), r.get("clas_substance_misuse_id"));
            assertTrue(age(key[0] + "|" + key[1]) >= 10, "identified aged 10+");
            assertTrue(r.get("clas_intervention_received").matches("[YN]"));
            received += r.get("clas_intervention_received").equals("Y") ? 1 : 0;
        }
        double misusePct = 100.0 * misuse.size() / tenPlus;
        assertTrue(misusePct > 1 && misusePct < 12, "substance misuse " + misusePct + "% of " + tenPlus);
        assertTrue(received > 0.35 * misuse.size() && received < 0.85 * misuse.size(), received + " of " + misuse.size());
    }

    @Test
    void immunisationStatusOncePerOc2ChildYear() {
        Map<String, Integer> perPersonYear = new HashMap<>();
        int upToDate = 0;
        List<Map<String, String>> rows = files.rows("ssd_cla_immunisations");
        Set<String> keys = new HashSet<>();
        for (Map<String, String> r : rows) {
            assertTrue(keys.add(r.get("clai_person_id") + "|" + r.get("clai_immunisations_status_date")), "contract key unique");
            assertTrue(r.get("clai_immunisations_status").matches("[YN]"));
            upToDate += r.get("clai_immunisations_status").equals("Y") ? 1 : 0;
            LocalDate d = ExtractFiles.date(r, "clai_immunisations_status_date");
            int census = d.isAfter(LocalDate.of(d.getYear(), 3, 31)) ? d.getYear() + 1 : d.getYear();
            perPersonYear.merge(r.get("clai_person_id") + "|" + census, 1, Integer::sum);
        }
        Set<String> expected = oc2.stream().map(k -> carePerson.get(k.split("\\|")[0]) + "|" + k.split("\\|")[1]).collect(Collectors.toSet());
        assertEquals(expected, perPersonYear.keySet(), "one status for each OC2 child-year");
        assertTrue(perPersonYear.values().stream().allMatch(n -> n == 1));
        double pct = 100.0 * upToDate / rows.size();
        assertTrue(pct > 75 && pct < 95, "immunisations up to date " + pct);
    }

    @Test
    void previousPermanenceForEveryPeriodOfCare() throws IOException {
        Set<String> laNames = Files.readAllLines(Path.of("sql/seeds/lait_area_codes.csv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(l -> l.split(",")[2]).collect(Collectors.toSet());
        Map<String, Map<String, String>> byCare = new HashMap<>();
        for (Map<String, String> r : files.rows("ssd_cla_previous_permanence")) {
            String cla = r.get("lapp_table_id").replace("-PP", "");
            assertTrue(byCare.put(cla, r) == null, "one per period of care");
            assertEquals(carePerson.get(cla), r.get("lapp_person_id"));
        }
        assertEquals(careStart.keySet(), byCare.keySet(), "every period of care, short breaks included (SSDA903 rule 630)");
        int previous = 0;
        for (Map.Entry<String, Map<String, String>> e : byCare.entrySet()) {
            Map<String, String> r = e.getValue();
            String option = r.get("lapp_previous_permanence_option");
            String date = r.get("lapp_previous_permanence_order_date");
            assertTrue(option.matches("P[123]|Z1"), option);
            if (option.equals("Z1")) {
                assertEquals("", r.get("lapp_previous_permanence_la") + date, "Z1 has no authority or date (rule 635)");
                continue;
            }
            previous++;
            assertTrue(laNames.contains(r.get("lapp_previous_permanence_la")), "a DfE authority name: " + r.get("lapp_previous_permanence_la"));
            assertTrue(date.matches("(\\d{2}|zz)/(\\d{2}|zz)/\\d{4}|zz/zz/zzzz"), date);
            if (!date.endsWith("zzzz")) {
                // The validator reads unknown parts as the latest possible day (rule 632): still before care started.
                int year = Integer.parseInt(date.substring(6));
                LocalDate latest = date.startsWith("zz/zz") ? LocalDate.of(year, 12, 31)
                        : date.startsWith("zz") ? LocalDate.of(year, Integer.parseInt(date.substring(3, 5)), 1).plusMonths(1).minusDays(1)
                        : LocalDate.parse(date, java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
                assertTrue(latest.isBefore(careStart.get(e.getKey())) && year >= dob.get(r.get("lapp_person_id")).getYear(),
                        "order before care started (rule 632): " + date + ", care from " + careStart.get(e.getKey()));
            }
        }
        double pct = 100.0 * previous / byCare.size();
        assertTrue(pct > 1 && pct < 12, "previous permanence " + pct + "% of " + byCare.size());
        // A child whose earlier period of care here ended with an SGO or a CAO says so, with that date.
        Map<String, List<String>> periods = new HashMap<>();
        careStart.keySet().stream().sorted((a, b) -> careStart.get(a).compareTo(careStart.get(b)))
                .forEach(c -> periods.computeIfAbsent(carePerson.get(c), k -> new ArrayList<>()).add(c));
        for (List<String> list : periods.values()) {
            for (int i = 1; i < list.size(); i++) {
                String before = careReason.getOrDefault(list.get(i - 1), "");
                Map<String, String> r = byCare.get(list.get(i));
                if (before.matches("E4[5-8]") || before.equals("E41")) {
                    assertEquals(before.equals("E41") ? "P3" : "P2", r.get("lapp_previous_permanence_option"), list.get(i));
                    assertEquals(careEnd.get(list.get(i - 1)).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            r.get("lapp_previous_permanence_order_date"));
                }
            }
        }
    }

    @Test
    void homesAndPlacementsAreRealPostcodesWithTheirTrueDistanceAndUrnsOfTheRightShape() throws IOException {
        Map<String, int[]> pool = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/generate/postcode_pool.csv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("postcode,")) {
                continue;
            }
            String[] f = line.split(",");
            pool.put(f[0].replace(" ", ""), new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[4])});
        }
        assertTrue(pool.size() >= 300, "a few hundred postcodes: " + pool.size());
        Map<String, String> home = new HashMap<>();
        for (Map<String, String> a : files.rows("ssd_address")) {
            assertTrue(pool.containsKey(a.get("addr_address_postcode")), "home postcode in the pool: " + a.get("addr_address_postcode"));
            home.put(a.get("addr_person_id"), a.get("addr_address_postcode"));
        }
        Map<String, String> urnPostcode = new HashMap<>();
        int far = 0;
        List<Map<String, String>> placements = files.rows("ssd_cla_placement");
        for (Map<String, String> p : placements) {
            String type = p.get("clap_cla_placement_type");
            String postcode = p.get("clap_cla_placement_postcode");
            String urn = p.get("clap_cla_placement_urn");
            double miles = Double.parseDouble(p.get("clap_cla_placement_distance"));
            assertTrue(pool.containsKey(postcode), "placement postcode in the pool: " + postcode);
            if (uasc.contains(p.get("clap_person_id"))) {
                assertEquals(999.9, miles, 1e-9, "UASC: no home postcode in England");
            } else {
                int[] h = pool.get(home.get(p.get("clap_person_id")));
                int[] q = pool.get(postcode);
                // SSDA903 guidance (and the validator): straight line between grid references, km / 1.6093.
                double expected = Math.hypot(h[0] - q[0], h[1] - q[1]) / 1000.0 / 1.6093;
                assertEquals(expected, miles, 0.051, "distance of " + p.get("clap_cla_placement_id"));
                far += miles > 20 ? 1 : 0;
            }
            if (type.equals("P1")) {
                assertEquals(home.get(p.get("clap_person_id")), postcode, "placed with parents: at home");
            }
            if (type.matches("A[3-6]")) {
                assertEquals("XXXXXXX", urn, type);
            } else if (type.matches("P[123]|R[125]|T[0-4]|Z1[1-4]?")) {
                assertEquals("", urn, "SSDA903 rule 222: no URN for " + type);
            } else {
                assertTrue(urn.matches("SC\\d{6}|\\d{6,7}"), "SSDA903 rule 218: URN for " + type + ": " + urn);
                if (!type.startsWith("U")) {
                    String before = urnPostcode.put(urn, postcode);
                    assertTrue(before == null || before.equals(postcode), "one place per URN: " + urn);
                }
            }
        }
        double farPct = 100.0 * far / placements.size();
        assertTrue(farPct > 5 && farPct < 50, "placements over 20 miles " + farPct);
    }

    /** DfE UPN guide: weights 2-13 on characters 2-13, sum mod 23, read in the check alphabet. */
    private static char checkLetter(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i + 2);
        }
        return CHECK_ALPHABET.charAt(sum % 23);
    }

    /** CIN census rule 1530: post-April 1998 LA numbers (the ranges the rule lists). */
    private static boolean validCinLaNumber(int n) {
        int[][] ranges = {{1, 5}, {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373}, {380, 384},
            {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808}, {810, 813}, {815, 816}, {820, 823},
            {825, 826}, {830, 831}, {835, 846}, {850, 852}, {855, 857}, {860, 861}, {865, 896}, {908, 909}, {916, 916},
            {919, 919}, {921, 921}, {925, 926}, {928, 929}, {931, 931}, {933, 933}, {935, 938}, {940, 941}};
        for (int[] r : ranges) {
            if (n >= r[0] && n <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** "CLA0000341-28-SDQ2017" -> {"CLA0000341-28", "2017"}. */
    private static String[] cohortKey(String id, String marker) {
        int at = id.lastIndexOf(marker);
        assertTrue(at > 0, id);
        return new String[] {id.substring(0, at), id.substring(at + marker.length())};
    }

    private int age(String oc2Key) {
        String[] k = oc2Key.split("\\|");
        LocalDate d = dob.get(carePerson.get(k[0]));
        assertNotNull(d, oc2Key);
        return (int) java.time.temporal.ChronoUnit.YEARS.between(d, LocalDate.of(Integer.parseInt(k[1]), Month.MARCH, 31));
    }
}
