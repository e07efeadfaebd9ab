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
        m.put("longTermStabilityPct", longTermStability(files, yearEnd, shortBreaks));
        m.put("threePlusPlacementsPct", 100.0 * placementsInYear.values().stream().filter(n -> n >= 3).count() / Math.max(1, cla.size()));
        m.put("placedOver20MilesPct", 100.0 * far / Math.max(1, current));
        Set<String> missing = new HashSet<>();
        for (Map<String, String> r : files.rows("ssd_missing")) {
            if (in(ExtractFiles.date(r, "miss_missing_episode_start_date"), yearStart, yearEnd) && claInYear.contains(r.get("miss_person_id"))) {
                missing.add(r.get("miss_person_id"));
            }
        }
        m.put("missingPctOfCla", 100.0 * missing.size() / Math.max(1, claInYear.size()));

        protection(files, yearStart, yearEnd, m);
        careLeavers(files, yearStart, yearEnd, shortBreaks, m);
        m.put("visitsOnNonWorkingDaysPct", visitsOnNonWorkingDays(files, yearStart, yearEnd));

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

    /**
     * DfE long-term stability at the year end: children under 16 looked after continuously for 2.5 years or
     * more, in the same placement for 2 years or more or placed for adoption (A-codes), as a % of them.
     */
    private static double longTermStability(ExtractFiles files, LocalDate yearEnd, Set<String> shortBreaks) {
        Map<String, LocalDate> dob = new HashMap<>();
        files.rows("ssd_person").forEach(p -> dob.put(p.get("pers_person_id"), ExtractFiles.date(p, "pers_dob")));
        Map<String, Map<String, String>> placement = new HashMap<>();
        files.rows("ssd_cla_placement").forEach(p -> placement.put(p.get("clap_cla_placement_id"), p));
        Map<String, LocalDate> sameCarerSince = new HashMap<>();
        int cohort = 0;
        int stable = 0;
        for (Map<String, String> e : files.rows("ssd_cla_episodes")) {
            LocalDate s = ExtractFiles.date(e, "clae_cla_episode_start_date");
            LocalDate end = ExtractFiles.date(e, "clae_cla_episode_ceased_date");
            String person = e.get("clae_person_id");
            LocalDate entered = ExtractFiles.date(e, "clae_entered_care_date");
            if (shortBreaks.contains(person + "|" + e.get("clae_entered_care_date"))
                    || s.isAfter(yearEnd) || (end != null && !end.isAfter(yearEnd))) {
                continue;
            }
            if (dob.get(person).plusYears(16).isAfter(yearEnd) && !entered.isAfter(yearEnd.minusMonths(30))) {
                cohort++;
                Map<String, String> p = placement.get(e.get("clae_cla_placement_id"));
                LocalDate placed = ExtractFiles.date(p, "clap_cla_placement_start_date");
                if (p.get("clap_cla_placement_type").startsWith("A") || !placed.isAfter(yearEnd.minusYears(2))) {
                    stable++;
                }
            }
        }
        return 100.0 * stable / Math.max(1, cohort);
    }

    /** ICPCs leading to a plan, CP visit gaps over 10 working days, and plans whose latest category differs. */
    private static void protection(ExtractFiles files, LocalDate yearStart, LocalDate yearEnd, Map<String, Double> m) {
        int icpcs = 0;
        int toPlan = 0;
        for (Map<String, String> r : files.rows("ssd_initial_cp_conference")) {
            if (in(ExtractFiles.date(r, "icpc_icpc_date"), yearStart, yearEnd)) {
                icpcs++;
                if ("Y".equals(r.get("icpc_icpc_outcome_cp_flag"))) {
                    toPlan++;
                }
            }
        }
        m.put("icpcToPlanPct", 100.0 * toPlan / Math.max(1, icpcs));
        WorkingDays wd = new WorkingDays();
        Map<String, List<LocalDate>> visits = new HashMap<>();
        for (Map<String, String> v : files.rows("ssd_cp_visits")) {
            visits.computeIfAbsent(v.get("cppv_cp_plan_id"), k -> new ArrayList<>()).add(ExtractFiles.date(v, "cppv_cp_visit_date"));
        }
        int gaps = 0;
        int late = 0;
        for (List<LocalDate> dates : visits.values()) {
            dates.sort(null);
            for (int i = 1; i < dates.size(); i++) {
                if (in(dates.get(i), yearStart, yearEnd)) {
                    gaps++;
                    if (dates.get(i).isAfter(wd.plus(dates.get(i - 1), 10))) {
                        late++;
                    }
                }
            }
        }
        m.put("cpVisitGapsOver10wdPct", 100.0 * late / Math.max(1, gaps));
        int open = 0;
        int changed = 0;
        for (Map<String, String> p : files.rows("ssd_cp_plans")) {
            LocalDate s = ExtractFiles.date(p, "cppl_cp_plan_start_date");
            LocalDate e = ExtractFiles.date(p, "cppl_cp_plan_end_date");
            if (!s.isAfter(yearEnd) && (e == null || e.isAfter(yearEnd))) {
                open++;
                if (!p.get("cppl_cp_plan_initial_category").equals(p.get("cppl_cp_plan_latest_category"))) {
                    changed++;
                }
            }
        }
        m.put("cpCategoryChangedPct", 100.0 * changed / Math.max(1, open));
    }

    /**
     * Care leaver birthday measures (DfE SSDA903 leaving-care module), read the way the warehouse reads them:
     * young people with a care leaver record, or who left care (not short breaks) on their 18th birthday having
     * been looked after 13 weeks since their 14th (an approximation of eligibility), whose 17th-21st birthday
     * falls in the year and who are not looked after on it; the birthday's record is the one dated (latest
     * contact, else pathway review) nearest the birthday from 6 months before to 1 month after, if any.
     * Also: of care leavers aged 17-21 at the year end, those whose latest pathway plan review is within 6 months.
     */
    private static void careLeavers(ExtractFiles files, LocalDate yearStart, LocalDate yearEnd, Set<String> shortBreaks,
                                    Map<String, Double> m) {
        Map<String, LocalDate> dob = new HashMap<>();
        files.rows("ssd_person").forEach(p -> dob.put(p.get("pers_person_id"), ExtractFiles.date(p, "pers_dob")));
        Map<String, List<LocalDate[]>> care = new HashMap<>();
        Set<String> candidates = new HashSet<>();
        for (Map<String, String> e : files.rows("ssd_cla_episodes")) {
            String person = e.get("clae_person_id");
            LocalDate s = ExtractFiles.date(e, "clae_cla_episode_start_date");
            LocalDate end = ExtractFiles.date(e, "clae_cla_episode_ceased_date");
            care.computeIfAbsent(person, k -> new ArrayList<>()).add(new LocalDate[] {s, end});
            LocalDate entered = ExtractFiles.date(e, "clae_entered_care_date");
            LocalDate fourteen = dob.get(person).plusYears(14);
            if (end != null && end.equals(dob.get(person).plusYears(18)) && !shortBreaks.contains(person + "|" + entered)
                    && end.toEpochDay() - (entered.isAfter(fourteen) ? entered : fourteen).toEpochDay() >= 91) {
                candidates.add(person);
            }
        }
        Map<String, List<Map<String, String>>> records = new HashMap<>();
        for (Map<String, String> r : files.rows("ssd_care_leavers")) {
            records.computeIfAbsent(r.get("clea_person_id"), k -> new ArrayList<>()).add(r);
            candidates.add(r.get("clea_person_id"));
        }
        int[] young = new int[4];
        int[] older = new int[4];
        int open = 0;
        int reviewed = 0;
        for (String person : candidates) {
            LocalDate born = dob.get(person);
            List<LocalDate[]> periods = care.getOrDefault(person, List.of());
            List<Map<String, String>> recs = records.getOrDefault(person, List.of());
            for (int age = 17; age <= 21; age++) {
                LocalDate birthday = born.plusYears(age);
                if (!in(birthday, yearStart, yearEnd) || lookedAfterOn(periods, birthday)) {
                    continue;
                }
                Map<String, String> best = null;
                long bestGap = Long.MAX_VALUE;
                for (Map<String, String> r : recs) {
                    LocalDate d = recordDate(r);
                    if (d != null && !d.isBefore(birthday.minusMonths(6)) && !d.isAfter(birthday.plusMonths(1))
                            && Math.abs(d.toEpochDay() - birthday.toEpochDay()) < bestGap) {
                        best = r;
                        bestGap = Math.abs(d.toEpochDay() - birthday.toEpochDay());
                    }
                }
                String touch = best == null ? "NO RECORD" : best.get("clea_care_leaver_in_touch");
                if (touch.equals("DIED") || touch.equals("RHOM")) {
                    continue;
                }
                int[] counts = age <= 18 ? young : older;
                counts[0]++;
                if (touch.equals("YES")) {
                    counts[1]++;
                }
                if (best != null && (best.get("clea_care_leaver_activity").startsWith("F") || best.get("clea_care_leaver_activity").startsWith("P"))) {
                    counts[2]++;
                }
                if (best != null && "1".equals(best.get("clea_care_leaver_accom_suitable"))) {
                    counts[3]++;
                }
            }
            int ageAtEnd = (int) java.time.temporal.ChronoUnit.YEARS.between(born, yearEnd);
            Map<String, String> latest = null;
            LocalDate latestReview = null;
            for (Map<String, String> r : recs) {
                LocalDate d = recordDate(r);
                if (d != null && !d.isAfter(yearEnd) && (latest == null || d.isAfter(recordDate(latest)))) {
                    latest = r;
                }
                LocalDate pr = ExtractFiles.date(r, "clea_pathway_plan_review_date");
                if (pr != null && !pr.isAfter(yearEnd) && (latestReview == null || pr.isAfter(latestReview))) {
                    latestReview = pr;
                }
            }
            if (latest != null && ageAtEnd >= 17 && ageAtEnd <= 21 && !lookedAfterOn(periods, yearEnd)
                    && !List.of("DIED", "RHOM", "NREQ").contains(latest.get("clea_care_leaver_in_touch"))) {
                open++;
                if (latestReview != null && latestReview.isAfter(yearEnd.minusMonths(6))) {
                    reviewed++;
                }
            }
        }
        m.put("careLeavers1718InTouchPct", 100.0 * young[1] / Math.max(1, young[0]));
        m.put("careLeavers1921Birthdays", (double) older[0]);
        m.put("careLeavers1921InTouchPct", 100.0 * older[1] / Math.max(1, older[0]));
        m.put("careLeavers1921EetPct", 100.0 * older[2] / Math.max(1, older[0]));
        m.put("careLeavers1921SuitablePct", 100.0 * older[3] / Math.max(1, older[0]));
        m.put("careLeaversPathwayReview6mPct", 100.0 * reviewed / Math.max(1, open));
    }

    private static LocalDate recordDate(Map<String, String> r) {
        LocalDate contact = ExtractFiles.date(r, "clea_care_leaver_latest_contact");
        return contact != null ? contact : ExtractFiles.date(r, "clea_pathway_plan_review_date");
    }

    private static boolean lookedAfterOn(List<LocalDate[]> periods, LocalDate d) {
        for (LocalDate[] p : periods) {
            if (!p[0].isAfter(d) && (p[1] == null || p[1].isAfter(d))) {
                return true;
            }
        }
        return false;
    }

    /** Visits to children in need, on plans and in care dated on a weekend or bank holiday, as a % of all visits in the year. */
    private static double visitsOnNonWorkingDays(ExtractFiles files, LocalDate yearStart, LocalDate yearEnd) {
        WorkingDays wd = new WorkingDays();
        int all = 0;
        int off = 0;
        for (String[] t : List.of(new String[] {"ssd_cin_visits", "cinv_cin_visit_date"}, new String[] {"ssd_cp_visits", "cppv_cp_visit_date"},
                new String[] {"ssd_cla_visits", "clav_cla_visit_date"})) {
            for (Map<String, String> v : files.rows(t[0])) {
                LocalDate d = ExtractFiles.date(v, t[1]);
                if (in(d, yearStart, yearEnd)) {
                    all++;
                    if (!wd.isWorkingDay(d)) {
                        off++;
                    }
                }
            }
        }
        return 100.0 * off / Math.max(1, all);
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
