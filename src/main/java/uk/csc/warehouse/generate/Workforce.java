package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Teams and workers, sized from the child population so caseloads come out around 12-18, and a
 * tally of each worker's open cases on the last 30 September (the workforce census date).
 */
final class Workforce {

    enum Service {
        MASH("Multi-Agency Safeguarding Hub", 0.0, "Practitioner"),
        ASSESSMENT("Assessment", 4.3, "Social Worker"),
        FAMILY_SUPPORT("Family Support and Child Protection", 10.8, "Social Worker"),
        LOOKED_AFTER("Children Looked After", 6.5, "Social Worker"),
        LEAVING_CARE("Leaving Care", 2.0, "Personal Adviser"),
        DISABILITY("Children with Disabilities", 1.1, "Social Worker"),
        EARLY_HELP("Early Help", 2.5, "Family Support Worker"),
        ADOPTION("Adoption and Permanence", 0.5, "Social Worker");

        final String label;
        final double workersPer10k;
        final String caseTitle;

        Service(String label, double workersPer10k, String caseTitle) {
            this.label = label;
            this.workersPer10k = workersPer10k;
            this.caseTitle = caseTitle;
        }
    }

    record Worker(String id, String teamId, String teamName, String name, String title, boolean holdsCases,
                  boolean agency, double fte) {}

    record Team(String id, String name, String parentId, String parentName) {}

    private static final int PER_TEAM = 7;
    private static final String ROOT_ID = "D000";
    private static final String ROOT_NAME = "Children's Social Care";

    private final List<Team> teams = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Map<Service, List<Worker>> caseHolders = new EnumMap<>(Service.class);
    private final Map<String, Integer> caseload = new LinkedHashMap<>();
    private final LocalDate census;

    Workforce(int children, long seed, LocalDate asAt) {
        LocalDate sept = LocalDate.of(asAt.getYear(), Month.SEPTEMBER, 30);
        this.census = sept.isAfter(asAt) ? sept.minusYears(1) : sept;
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED_0F_57AFFL);
        teams.add(new Team(ROOT_ID, ROOT_NAME, "", ""));
        int teamNo = 0;
        int workerNo = 0;
        for (Service s : Service.values()) {
            String serviceId = String.format("D%d00", s.ordinal() + 1);
            teams.add(new Team(serviceId, s.label, ROOT_ID, ROOT_NAME));
            int needed = Math.max(s == Service.MASH ? 0 : 2, (int) Math.ceil(children / 10_000.0 * s.workersPer10k));
            int teamCount = Math.max(1, (int) Math.ceil(needed / (double) PER_TEAM));
            List<Worker> holders = new ArrayList<>();
            for (int t = 1; t <= teamCount; t++) {
                teamNo++;
                String teamId = String.format("D%d%02d", s.ordinal() + 1, t);
                String teamName = s.label + " Team " + t;
                teams.add(new Team(teamId, teamName, serviceId, s.label));
                workers.add(newWorker(++workerNo, teamId, teamName, "Team Manager", false, rng));
                int inTeam = s == Service.MASH ? 4 : Math.max(1, Math.min(PER_TEAM, needed - (t - 1) * PER_TEAM));
                for (int w = 0; w < inTeam; w++) {
                    String title = s == Service.MASH ? s.caseTitle : (w == 0 && inTeam > 2 ? "Senior Practitioner" : s.caseTitle);
                    Worker worker = newWorker(++workerNo, teamId, teamName, title, s != Service.MASH, rng);
                    workers.add(worker);
                    if (worker.holdsCases()) {
                        holders.add(worker);
                    }
                }
            }
            caseHolders.put(s, holders);
        }
    }

    private Worker newWorker(int n, String teamId, String teamName, String title, boolean holdsCases, SplittableRandom rng) {
        String name = (rng.nextBoolean() ? Pick.one(rng, Names.GIRLS) : Pick.one(rng, Names.BOYS)) + " " + Names.surname(rng);
        boolean agency = holdsCases && Pick.chance(rng, 0.18);
        double fte = Pick.chance(rng, 0.85) ? 1.0 : Pick.one(rng, new Double[] {0.5, 0.6, 0.8});
        return new Worker(String.format("W%05d", n), teamId, teamName, name, title, holdsCases, agency, fte);
    }

    Worker assign(Service service, SplittableRandom rng) {
        List<Worker> pool = caseHolders.get(service);
        return pool.get(rng.nextInt(pool.size()));
    }

    /** Counts an involvement towards its worker's caseload if it was open on the census date. */
    void countInvolvement(TableWriter.Row r) {
        String start = r.get("invo_involvement_start_date");
        String end = r.get("invo_involvement_end_date");
        String c = census.toString();
        if (!start.isEmpty() && start.compareTo(c) <= 0 && (end.isEmpty() || end.compareTo(c) >= 0)) {
            caseload.merge(r.get("invo_professional_id"), 1, Integer::sum);
        }
    }

    void writeDepartments(OutputTables out) {
        for (Team t : teams) {
            out.row("ssd_department").set("dept_team_id", t.id()).set("dept_team_name", t.name())
                    .set("dept_team_parent_id", t.parentId()).set("dept_team_parent_name", t.parentName()).writeNow();
        }
    }

    void writeProfessionals(OutputTables out) {
        for (Worker w : workers) {
            boolean registered = !w.title().equals("Practitioner") && !w.title().equals("Family Support Worker")
                    && !w.title().equals("Personal Adviser");
            out.row("ssd_professionals").set("prof_professional_id", w.id())
                    .set("prof_staff_id", "S" + w.id().substring(1))
                    .set("prof_professional_name", w.name())
                    .set("prof_social_worker_registration_no", registered ? "SW9" + w.id().substring(1) : "")
                    .set("prof_professional_job_title", w.title())
                    .set("prof_professional_caseload", caseload.getOrDefault(w.id(), 0))
                    .set("prof_professional_department", w.teamName())
                    .set("prof_full_time_equivalency", w.fte())
                    .set("prof_agency_worker_flag", w.agency())
                    .writeNow();
        }
    }
}
