package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The HR system's extract ({@code inbox/hr/}): every employment and agency assignment in the workforce
 * that the case system allocated children to (same ids, teams, FTE and agency status), plus staff the case
 * system never sees (service managers, the principal social worker, business support), and the funded
 * establishment per team and role.
 *
 * <p>So that reconciliation has something to report, a few agency assignments are missing from HR (the
 * case system knows the locum, HR never recorded the booking); new starters who hold no cases yet appear
 * naturally. Leavers are kept from a year before the history window so every census year has its turnover,
 * and so are employed staff's sickness absences ({@code sickness_absence}), so every census year has its
 * sickness rate.
 */
final class HrExtract {
    /** Agency assignments HR never recorded: the case system knows the worker, HR does not. */
    static final double AGENCY_MISSING_FROM_HR = 0.05;
    /** Chance a case-holding team has one more funded social worker post than it has posts filled over time. */
    static final double EXTRA_FUNDED_POST = 0.25;

    private HrExtract() {}

    static void write(Workforce workforce, long seed, OutputTables out) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x4B_57AFF_E11L);
        // absences draw from their own stream so that adding them changed no other HR figure
        SplittableRandom absenceRng = new SplittableRandom(seed ^ 0x51C_AB5E_0CEL);
        WorkingDays workingDays = new WorkingDays();
        LocalDate asAt = workforce.asAt();
        LocalDate keepFrom = workforce.windowStart().minusYears(1);
        for (Workforce.Worker w : workforce.workers()) {
            boolean missing = w.agency() && Pick.chance(rng, AGENCY_MISSING_FROM_HR);
            double sickness = sicknessDays(rng);
            if (missing || w.leave() != null && w.leave().isBefore(keepFrom) || !workforce.inCaseSystem(w)) {
                continue;
            }
            Double sickness12m = w.agency() ? null : absences(w, sickness, absenceRng, workingDays, keepFrom, asAt, out);
            out.row("workers").set("worker_id", w.id()).set("staff_id", w.agency() ? "" : "S" + w.id().substring(1))
                    .set("swe_registration_number", registered(w.title()) ? "SW9" + w.id().substring(1) : "")
                    .set("role", role(w.title())).set("team_id", w.teamId()).set("fte", w.fte())
                    .set("agency_flag", w.agency()).set("start_date", w.start()).set("leave_date", w.leave())
                    .set("leave_reason", w.leaveReason())
                    .set("sickness_days_12m", sickness12m)
                    .set("case_holding_flag", w.holdsCases() && allocatedInCaseSystem(workforce.posts().get(w.post()).service()))
                    .writeNow();
        }
        hrOnlyStaff(workforce, rng, absenceRng, workingDays, out, keepFrom);
        establishment(workforce, rng, out, keepFrom);
    }

    /** Leaving-care, adoption and early help workers are named on other SSD tables, never allocated through ssd_involvements. */
    private static boolean allocatedInCaseSystem(Workforce.Service s) {
        return s != Workforce.Service.LEAVING_CARE && s != Workforce.Service.ADOPTION && s != Workforce.Service.EARLY_HELP;
    }

    /** Working days lost to sickness in a full year: most lose a few days, a few are off for weeks. */
    private static double sicknessDays(SplittableRandom rng) {
        double x = rng.nextDouble();
        return x < 0.35 ? 0 : x < 0.75 ? Pick.between(rng, 1, 5) : x < 0.92 ? Pick.between(rng, 6, 15) : Pick.between(rng, 20, 60);
    }

    /**
     * Writes the worker's sickness absences from {@code keepFrom} (or their start) to their leave date (or
     * the as-at date): for each 12 months counted back from the as-at date, about {@code lastYearDays}
     * working days for the latest year and a fresh draw for each earlier one, pro rata to the part of the
     * year employed; 20 days or more is one long absence, otherwise short ones of 1-5 days spread over the
     * year. Returns the FTE working days lost in the 12 months to the as-at date (the workers table's
     * sickness_days_12m), as the warehouse counts them: working days of absence x FTE, to the half day.
     */
    private static double absences(Workforce.Worker w, double lastYearDays, SplittableRandom rng, WorkingDays wd,
                                   LocalDate keepFrom, LocalDate asAt, OutputTables out) {
        LocalDate first = w.start().isAfter(keepFrom) ? w.start() : keepFrom;
        LocalDate last = w.leave() == null || w.leave().isAfter(asAt) ? asAt : w.leave();
        int lastYear = 0;
        for (int k = 0; ; k++) {
            LocalDate blockEnd = asAt.minusYears(k);
            LocalDate blockStart = asAt.minusYears(k + 1).plusDays(1);
            if (blockEnd.isBefore(first)) {
                break;
            }
            LocalDate from = blockStart.isBefore(first) ? first : blockStart;
            LocalDate to = blockEnd.isAfter(last) ? last : blockEnd;
            if (to.isBefore(from)) {
                continue;
            }
            double share = (to.toEpochDay() - from.toEpochDay() + 1) / 365.0;
            int target = (int) Math.round((k == 0 ? lastYearDays : sicknessDays(rng)) * share);
            int pieces = target >= 20 ? 1 : (target + 2) / 3;
            long span = to.toEpochDay() - from.toEpochDay() + 1;
            int left = target;
            for (int i = 0; i < pieces && left > 0; i++) {
                int len = pieces == 1 ? left : Math.min(left, Pick.between(rng, 1, 5));
                LocalDate segStart = from.plusDays(span * i / pieces);
                LocalDate segEnd = from.plusDays(span * (i + 1) / pieces - 1);
                LocalDate s = wd.onOrAfter(Pick.dateBetween(rng, segStart, segEnd));
                if (s.isAfter(segEnd)) {
                    continue;
                }
                LocalDate e = wd.plus(s, len - 1);
                if (e.isAfter(segEnd)) {
                    e = wd.onOrBefore(segEnd);
                }
                int days = workingDaysBetween(wd, s, e);
                left -= days;
                if (k == 0) {
                    lastYear += days; // block 0 is the 12 months to the as-at date
                }
                out.row("sickness_absence").set("absence_id", "A" + w.id() + "-" + w.start().toEpochDay() + "-" + k + "-" + i)
                        .set("worker_id", w.id()).set("start_date", s).set("end_date", e)
                        .set("reason", days >= 20 ? Pick.weighted(rng, "stress_depression_anxiety", 50, "musculoskeletal", 30, "other", 20)
                                : Pick.weighted(rng, "infection", 60, "musculoskeletal", 15, "other", 25))
                        .writeNow();
            }
        }
        return Math.round(lastYear * w.fte() * 2) / 2.0;
    }

    /** Working days from {@code s} to {@code e}, both included. */
    private static int workingDaysBetween(WorkingDays wd, LocalDate s, LocalDate e) {
        int n = 0;
        for (LocalDate d = s; !d.isAfter(e); d = d.plusDays(1)) {
            n += wd.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }

    static boolean registered(String title) {
        return !title.equals("Practitioner") && !title.equals("Family Support Worker") && !title.equals("Personal Adviser");
    }

    static String role(String title) {
        return switch (title) {
            case "Social Worker" -> "social_worker";
            case "Senior Practitioner" -> "senior_practitioner";
            case "Team Manager" -> "team_manager";
            case "Practitioner" -> "mash_practitioner";
            case "Family Support Worker" -> "family_support_worker";
            case "Personal Adviser" -> "personal_adviser";
            default -> "other";
        };
    }

    /** Staff without case-system accounts: a service manager per service, the principal social worker, business support. */
    private static void hrOnlyStaff(Workforce workforce, SplittableRandom rng, SplittableRandom absenceRng, WorkingDays workingDays,
                                    OutputTables out, LocalDate keepFrom) {
        int n = 0;
        for (Workforce.Team t : workforce.teams()) {
            String role = t.parentId().isEmpty() ? "principal_social_worker" : t.id().endsWith("00") ? "service_manager" : "business_support";
            LocalDate start = workforce.asAt().minusDays(Pick.between(rng, 30, 4000));
            boolean left = Pick.chance(rng, 0.1);
            LocalDate leave = left ? Pick.dateBetween(rng, keepFrom.isAfter(start) ? keepFrom : start, workforce.asAt()) : null;
            double sickness = sicknessDays(rng);
            String id = String.format("H%05d", ++n);
            boolean sw = !role.equals("business_support");
            Workforce.Worker w = new Workforce.Worker(id, t.id(), "", "", role, false, false, 1.0, start, leave, "", -1);
            double days12m = absences(w, sickness, absenceRng, workingDays, keepFrom, workforce.asAt(), out);
            out.row("workers").set("worker_id", id).set("staff_id", "S8" + id.substring(1))
                    .set("swe_registration_number", sw ? "SW8" + id.substring(1) : "").set("role", role)
                    .set("team_id", t.id()).set("fte", 1.0).set("agency_flag", false).set("start_date", start)
                    .set("leave_date", leave).set("leave_reason", left ? "resignation" : "")
                    .set("sickness_days_12m", days12m).set("case_holding_flag", false)
                    .writeNow();
        }
    }

    /** Funded FTE per team and role from each 1 April: the posts, sometimes one more social worker than was ever filled. */
    private static void establishment(Workforce workforce, SplittableRandom rng, OutputTables out, LocalDate keepFrom) {
        Map<String, Double> funded = new LinkedHashMap<>();
        for (Workforce.Post p : workforce.posts()) {
            funded.merge(p.teamId() + "|" + role(p.title()), p.fte(), Double::sum);
        }
        for (Workforce.Team t : workforce.teams()) {
            funded.merge(t.id() + "|" + (t.parentId().isEmpty() ? "principal_social_worker"
                    : t.id().endsWith("00") ? "service_manager" : "business_support"), 1.0, Double::sum);
        }
        int firstYear = keepFrom.getMonthValue() >= 4 ? keepFrom.getYear() : keepFrom.getYear() - 1;
        for (int y = firstYear; !LocalDate.of(y, 4, 1).isAfter(workforce.asAt()); y++) {
            for (Map.Entry<String, Double> e : funded.entrySet()) {
                String[] key = e.getKey().split("\\|");
                double fte = e.getValue();
                if (key[1].equals("social_worker") && Pick.chance(rng, EXTRA_FUNDED_POST)) {
                    fte += 1.0;
                }
                out.row("establishment").set("team_id", key[0]).set("role", key[1]).set("funded_fte", fte)
                        .set("effective_from", LocalDate.of(y, 4, 1)).writeNow();
            }
        }
    }
}
