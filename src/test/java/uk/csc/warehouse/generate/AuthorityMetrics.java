package uk.csc.warehouse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Headline DfE-style measures for one financial year of a generated extract, computed independently of
 * the generator so the plausibility test checks outputs, not the generator's own intentions.
 */
final class AuthorityMetrics {

    static Map<String, Double> forYear(ExtractFiles files, int children, LocalDate yearStart) {
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        Map<String, Double> m = new LinkedHashMap<>();
        double per10k = 10_000.0 / children;

        List<Map<String, String>> refs = new ArrayList<>(files.rows("ssd_cin_episodes"));
        refs.sort(Comparator.comparing((Map<String, String> r) -> r.get("cine_person_id")).thenComparing(r -> r.get("cine_referral_date")));
        Map<String, LocalDate> refDate = new HashMap<>();
        int referrals = 0;
        int rereferrals = 0;
        String prevPerson = null;
        LocalDate prevDate = null;
        for (Map<String, String> r : refs) {
            LocalDate d = ExtractFiles.date(r, "cine_referral_date");
            refDate.put(r.get("cine_referral_id"), d);
            if (in(d, yearStart, yearEnd)) {
                referrals++;
                if (r.get("cine_person_id").equals(prevPerson) && prevDate != null && !d.isAfter(prevDate.plusDays(365))) {
                    rereferrals++;
                }
            }
            prevPerson = r.get("cine_person_id");
            prevDate = d;
        }
        m.put("referralsPer10k", referrals * per10k);
        m.put("rereferralPct", 100.0 * rereferrals / Math.max(1, referrals));
        long contacts = files.rows("ssd_contacts").stream().filter(r -> in(ExtractFiles.date(r, "cont_contact_date"), yearStart, yearEnd)).count();
        m.put("contactsPerReferral", contacts / (double) Math.max(1, referrals));

        int assessments = 0;
        int inTime = 0;
        for (Map<String, String> a : files.rows("ssd_cin_assessments")) {
            LocalDate auth = ExtractFiles.date(a, "cina_assessment_auth_date");
            if (in(auth, yearStart, yearEnd)) {
                assessments++;
                if (weekdaysBetween(refDate.get(a.get("cina_referral_id")), auth) <= 45) {
                    inTime++;
                }
            }
        }
        m.put("assessmentsPerReferral", assessments / (double) Math.max(1, referrals));
        m.put("assessmentsIn45wdPct", 100.0 * inTime / Math.max(1, assessments));
        m.put("s47Per10k", per10k * files.rows("ssd_s47_enquiry").stream()
                .filter(r -> in(ExtractFiles.date(r, "s47e_s47_start_date"), yearStart, yearEnd)).count());
        m.put("icpcPer10k", per10k * files.rows("ssd_initial_cp_conference").stream()
                .filter(r -> in(ExtractFiles.date(r, "icpc_icpc_date"), yearStart, yearEnd)).count());

        List<Map<String, String>> plans = new ArrayList<>(files.rows("ssd_cp_plans"));
        plans.sort(Comparator.comparing((Map<String, String> r) -> r.get("cppl_person_id")).thenComparing(r -> r.get("cppl_cp_plan_start_date")));
        Set<String> onPlan = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int starts = 0;
        int repeats = 0;
        for (Map<String, String> p : plans) {
            LocalDate s = ExtractFiles.date(p, "cppl_cp_plan_start_date");
            LocalDate e = ExtractFiles.date(p, "cppl_cp_plan_end_date");
            String person = p.get("cppl_person_id");
            if (in(s, yearStart, yearEnd)) {
                starts++;
                if (seen.contains(person)) {
                    repeats++;
                }
            }
            seen.add(person);
            if (!s.isAfter(yearEnd) && (e == null || e.isAfter(yearEnd))) {
                onPlan.add(person);
            }
        }
        m.put("cpAt31MarchPer10k", onPlan.size() * per10k);
        m.put("secondPlanPct", 100.0 * repeats / Math.max(1, starts));

        Set<String> shortBreaks = new HashSet<>();
        for (Map<String, String> l : files.rows("ssd_legal_status")) {
            if (l.get("lega_legal_status").startsWith("V3") || l.get("lega_legal_status").startsWith("V4")) {
                shortBreaks.add(l.get("lega_person_id") + "|" + l.get("lega_legal_status_start_date"));
            }
        }
        Set<String> cla = new HashSet<>();
        Set<String> claInYear = new HashSet<>();
        for (Map<String, String> e : files.rows("ssd_cla_episodes")) {
            LocalDate s = ExtractFiles.date(e, "clae_cla_episode_start_date");
            LocalDate end = ExtractFiles.date(e, "clae_cla_episode_ceased_date");
            if (shortBreaks.contains(e.get("clae_person_id") + "|" + e.get("clae_entered_care_date"))) {
                continue;
            }
            if (!s.isAfter(yearEnd) && (end == null || end.isAfter(yearEnd))) {
                cla.add(e.get("clae_person_id"));
            }
            if (!s.isAfter(yearEnd) && (end == null || !end.isBefore(yearStart))) {
                claInYear.add(e.get("clae_person_id"));
            }
        }
        m.put("claAt31MarchPer10k", cla.size() * per10k);
        long uasc = files.rows("ssd_person").stream().filter(p -> !p.get("pers_nationality").isEmpty() && cla.contains(p.get("pers_person_id"))).count();
        m.put("uascPctOfCla", 100.0 * uasc / Math.max(1, cla.size()));

        Map<String, Integer> placementsInYear = new HashMap<>();
        int far = 0;
        int current = 0;
        for (Map<String, String> p : files.rows("ssd_cla_placement")) {
            String person = p.get("clap_person_id");
            if (!cla.contains(person)) {
                continue;
            }
            LocalDate s = ExtractFiles.date(p, "clap_cla_placement_start_date");
            LocalDate e = ExtractFiles.date(p, "clap_cla_placement_end_date");
            if (!s.isAfter(yearEnd) && (e == null || !e.isBefore(yearStart))) {
                placementsInYear.merge(person, 1, Integer::sum);
            }
            if (!s.isAfter(yearEnd) && (e == null || e.isAfter(yearEnd))) {
                current++;
                double miles = Double.parseDouble(p.get("clap_cla_placement_distance"));
                if (miles > 20 && miles < 999) {
                    far++;
                }
            }
        }
        m.put("threePlusPlacementsPct", 100.0 * placementsInYear.values().stream().filter(n -> n >= 3).count() / Math.max(1, cla.size()));
        m.put("placedOver20MilesPct", 100.0 * far / Math.max(1, current));
        Set<String> missing = new HashSet<>();
        for (Map<String, String> r : files.rows("ssd_missing")) {
            if (in(ExtractFiles.date(r, "miss_missing_episode_start_date"), yearStart, yearEnd) && claInYear.contains(r.get("miss_person_id"))) {
                missing.add(r.get("miss_person_id"));
            }
        }
        m.put("missingPctOfCla", 100.0 * missing.size() / Math.max(1, claInYear.size()));

        List<Integer> caseloads = new ArrayList<>();
        for (Map<String, String> p : files.rows("ssd_professionals")) {
            String title = p.get("prof_professional_job_title");
            // ssd_professionals now lists leavers too (posts change hands); like DfE, count only workers holding cases.
            if ((title.equals("Social Worker") || title.equals("Senior Practitioner"))
                    && Integer.parseInt(p.get("prof_professional_caseload")) > 0) {
                caseloads.add(Integer.parseInt(p.get("prof_professional_caseload")));
            }
        }
        caseloads.sort(Integer::compare);
        m.put("socialWorkerMedianCaseload", caseloads.isEmpty() ? 0.0 : caseloads.get(caseloads.size() / 2));
        return m;
    }

    private static boolean in(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    /** Weekdays after {@code from} up to and including {@code to}: close enough to working days for a range check. */
    static int weekdaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }
}
