package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

    /**
     * One person in one post for one spell: {@code start} to {@code leave} (the last day; null while in post).
     * A post is filled by a succession of workers with vacant gaps between them, so the case system's
     * allocations, the HR extract's starters and leavers and the establishment all describe the same people.
     */
    record Worker(String id, String teamId, String teamName, String name, String title, boolean holdsCases,
                  boolean agency, double fte, LocalDate start, LocalDate leave, String leaveReason, int post) {

        boolean inPostOn(LocalDate d) {
            return !start.isAfter(d) && (leave == null || !leave.isBefore(d));
        }
    }

    /** A funded post: the team and title it sits in, and who has filled it over time, oldest first. */
    record Post(int index, Service service, String teamId, String teamName, String title, boolean holdsCases,
                double fte, List<Worker> holders) {}

    record Team(String id, String name, String parentId, String parentName) {}

    private static final int PER_TEAM = 7;
    private static final String ROOT_ID = "D000";
    private static final String ROOT_NAME = "Children's Social Care";

    /** Yearly chance a permanent worker leaves (DfE turnover is about 14-15% in London). */
    static final double PERMANENT_LEAVING_PER_YEAR = 0.16;
    /** Mean length of an agency assignment, years: locums come and go far faster than employees. */
    static final double AGENCY_MEAN_YEARS = 1.2;
    /** Share of new holders of a case-holding post who are agency; gives about 20% of social worker FTE in post. */
    static final double AGENCY_SHARE_OF_STARTERS = 0.63;
    /** How far back post histories go: older than any allocation a child in the window can carry. */
    private static final int HISTORY_YEARS = 32;

    private final List<Team> teams = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final Map<Service, List<Post>> caseHolders = new EnumMap<>(Service.class);
    private final Map<String, Worker> byId = new HashMap<>();
    private final Map<String, Integer> caseload = new LinkedHashMap<>();
    private final java.util.Set<String> referenced = new java.util.HashSet<>();
    private final Map<String, String> serviceAreaOfTeam = new HashMap<>();
    private final LocalDate census;
    private final LocalDate asAt;
    private final LocalDate windowStart;
    private int workerNo;

    Workforce(int children, long seed, LocalDate asAt) {
        this(children, seed, asAt, asAt.minusYears(5).plusDays(1));
    }

    Workforce(int children, long seed, LocalDate asAt, LocalDate windowStart) {
        LocalDate sept = LocalDate.of(asAt.getYear(), Month.SEPTEMBER, 30);
        this.census = sept.isAfter(asAt) ? sept.minusYears(1) : sept;
        this.asAt = asAt;
        this.windowStart = windowStart;
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED_0F_57AFFL);
        teams.add(new Team(ROOT_ID, ROOT_NAME, "", ""));
        int teamNo = 0;
        for (Service s : Service.values()) {
            String serviceId = String.format("D%d00", s.ordinal() + 1);
            teams.add(new Team(serviceId, s.label, ROOT_ID, ROOT_NAME));
            int needed = Math.max(s == Service.MASH ? 0 : 2, (int) Math.ceil(children / 10_000.0 * s.workersPer10k));
            int teamCount = Math.max(1, (int) Math.ceil(needed / (double) PER_TEAM));
            List<Post> holders = new ArrayList<>();
            for (int t = 1; t <= teamCount; t++) {
                teamNo++;
                String teamId = String.format("D%d%02d", s.ordinal() + 1, t);
                String teamName = s.label + " Team " + t;
                teams.add(new Team(teamId, teamName, serviceId, s.label));
                serviceAreaOfTeam.put(teamId, s.label);
                newPost(s, teamId, teamName, "Team Manager", false, rng);
                int inTeam = s == Service.MASH ? 4 : Math.max(1, Math.min(PER_TEAM, needed - (t - 1) * PER_TEAM));
                for (int w = 0; w < inTeam; w++) {
                    String title = s == Service.MASH ? s.caseTitle : (w == 0 && inTeam > 2 ? "Senior Practitioner" : s.caseTitle);
                    Post post = newPost(s, teamId, teamName, title, s != Service.MASH, rng);
                    if (post.holdsCases()) {
                        holders.add(post);
                    }
                }
            }
            caseHolders.put(s, holders);
        }
    }

    /**
     * A post and its succession of holders from {@code HISTORY_YEARS} before the extract date: each holder
     * stays for an exponential spell (permanent staff at the leaving rate, locums for a shorter mean), and
     * the post stands vacant for a few weeks to a few months between holders.
     */
    private Post newPost(Service s, String teamId, String teamName, String title, boolean holdsCases, SplittableRandom rng) {
        double fte = Pick.chance(rng, 0.85) ? 1.0 : Pick.one(rng, new Double[] {0.5, 0.6, 0.8});
        Post post = new Post(posts.size(), s, teamId, teamName, title, holdsCases, fte, new ArrayList<>());
        posts.add(post);
        LocalDate start = asAt.minusYears(HISTORY_YEARS).minusDays(rng.nextInt(3650));
        while (!start.isAfter(asAt)) {
            String name = (rng.nextBoolean() ? Pick.one(rng, Names.GIRLS) : Pick.one(rng, Names.BOYS)) + " " + Names.surname(rng);
            boolean agency = holdsCases && Pick.chance(rng, AGENCY_SHARE_OF_STARTERS);
            double years = agency ? -Math.log(1.0 - rng.nextDouble()) * AGENCY_MEAN_YEARS
                    : Pick.exponentialDays(rng, PERMANENT_LEAVING_PER_YEAR) / 365.25;
            LocalDate leave = start.plusDays(Math.max(20, (long) (years * 365.25)));
            String reason = agency ? "end_of_assignment" : Pick.weighted(rng, "resignation", 70, "retirement", 8,
                    "end_of_fixed_term", 7, "internal_move", 8, "dismissal", 2, "redundancy", 1, "other", 4);
            Worker w = new Worker(String.format("W%05d", ++workerNo), teamId, teamName, name, title, holdsCases, agency,
                    fte, start, leave.isBefore(asAt) ? leave : null, leave.isBefore(asAt) ? reason : "", post.index());
            post.holders().add(w);
            workers.add(w);
            byId.put(w.id(), w);
            start = leave.plusDays(1 + (long) Pick.exponentialDays(rng, 365.25 / 45.0));
        }
        return post;
    }

    /** A case-holding worker of the service in post on {@code date}: a random post, or the next filled one. */
    Worker assign(Service service, LocalDate date, SplittableRandom rng) {
        List<Post> pool = caseHolders.get(service);
        int first = rng.nextInt(pool.size());
        Worker w = holderFrom(pool, first, date);
        referenced.add(w.id());
        return w;
    }

    private Worker holderFrom(List<Post> pool, int first, LocalDate date) {
        Worker latest = null;
        for (int k = 0; k < pool.size(); k++) {
            Post p = pool.get((first + k) % pool.size());
            for (Worker w : p.holders()) {
                if (w.inPostOn(date)) {
                    return w;
                }
            }
            if (latest == null) {
                latest = p.holders().get(p.holders().size() - 1);
            }
        }
        return latest; // every post vacant that day (tiny services): the post's last holder covers
    }

    /**
     * An allocation that outlives its worker is handed to whoever fills in next (the same post if it is
     * filled, otherwise a colleague in the same service), ending the old allocation on the leaving date,
     * as a case system records a change of worker. Returns the row and any hand-over rows after it.
     */
    List<TableWriter.Row> handOver(TableWriter.Row r) {
        List<TableWriter.Row> rows = new ArrayList<>();
        rows.add(r);
        TableWriter.Row current = r;
        for (int k = 1; k < 50; k++) {
            Worker w = byId.get(current.get("invo_professional_id"));
            if (w == null || w.leave() == null) {
                break;
            }
            String end = current.get("invo_involvement_end_date");
            String leave = w.leave().toString();
            if (!end.isEmpty() && end.compareTo(leave) <= 0 || current.get("invo_involvement_start_date").compareTo(leave) >= 0) {
                break;
            }
            Post post = posts.get(w.post());
            List<Post> pool = caseHolders.get(post.service());
            Worker next = holderFrom(pool, pool.indexOf(post), w.leave().plusDays(1));
            if (next == null || next == w) {
                break;
            }
            referenced.add(next.id());
            current.set("invo_involvement_end_date", w.leave());
            TableWriter.Row successor = r.writer().row()
                    .set("invo_involvements_id", r.get("invo_involvements_id") + "-" + k)
                    .set("invo_professional_id", next.id())
                    .set("invo_professional_role_id", r.get("invo_professional_role_id"))
                    .set("invo_professional_team", next.teamId())
                    .set("invo_involvement_start_date", w.leave())
                    .set("invo_involvement_end_date", end)
                    .set("invo_worker_change_reason", "LEFTRL")
                    .set("invo_person_id", r.get("invo_person_id"))
                    .set("invo_referral_id", r.get("invo_referral_id"));
            rows.add(successor);
            current = successor;
        }
        return rows;
    }

    Worker worker(String id) {
        return byId.get(id);
    }

    List<Worker> workers() {
        return workers;
    }

    List<Post> posts() {
        return posts;
    }

    List<Team> teams() {
        return teams;
    }

    String serviceArea(String teamId) {
        return serviceAreaOfTeam.getOrDefault(teamId, ROOT_NAME);
    }

    LocalDate asAt() {
        return asAt;
    }

    LocalDate windowStart() {
        return windowStart;
    }

    /** Workers the case system knows: everyone allocated anything, and everyone in post during the window. */
    boolean inCaseSystem(Worker w) {
        return referenced.contains(w.id()) || w.leave() == null || !w.leave().isBefore(windowStart);
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
            if (!inCaseSystem(w)) {
                continue;
            }
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
