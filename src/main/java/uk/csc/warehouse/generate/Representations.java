package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The complaints system's extract ({@code inbox/complaints/}): complaints under the Children Act 1989
 * representations procedure (SI 2006/1738) about real children's cases and the teams holding them, plus
 * complaints not about one child, compliments, and enquiries from MPs and councillors.
 *
 * <p>About 1 complaint per 100 referrals; about 15% of stage 1 complaints go on to stage 2 and about 20%
 * of those to stage 3; most stage 1 responses within 10 working days. Every decision about a referral
 * draws from a random stream seeded by the referral id, so adding complaints never shifts the children.
 */
final class Representations {
    /** Complaints about a child's case, per referral: with the general ones below, about 1 per 100 referrals. */
    static final double CHILD_COMPLAINT_PER_REFERRAL = 0.0075;
    /** Complaints not about one child's case (a service, a policy), per complaint about a child. */
    static final double GENERAL_PER_CHILD_COMPLAINT = 0.33;
    static final double MEMBER_ENQUIRY_PER_REFERRAL = 0.0025;
    static final double COMPLIMENTS_PER_COMPLAINT = 1.6;
    /** Of stage 1 complaints not withdrawn: gives about 15% of all stage 1 complaints escalating. */
    static final double TO_STAGE_2 = 0.165;
    static final double TO_STAGE_3 = 0.22;
    static final int MEMBER_ENQUIRY_WORKING_DAYS = 10;

    private final long seed;
    private final Workforce workforce;
    private final WorkingDays wd;
    private final OutputTables out;
    private final LocalDate asAt;
    private final LocalDate windowStart;
    private int complaintNo;
    private int childComplaints;
    private int enquiryNo;

    Representations(long seed, Workforce workforce, WorkingDays wd, Clock clock, OutputTables out) {
        this.seed = seed;
        this.workforce = workforce;
        this.wd = wd;
        this.out = out;
        this.asAt = clock.asAt;
        this.windowStart = clock.windowStart;
    }

    /** One child's extract rows, as written: each referral may bring a complaint or a member's enquiry. */
    void observeChild(List<TableWriter.Row> rows) {
        List<TableWriter.Row> involvements = new ArrayList<>();
        for (TableWriter.Row r : rows) {
            if (r.writer().table().equals("ssd_involvements")) {
                involvements.add(r);
            }
        }
        for (TableWriter.Row r : rows) {
            if (!r.writer().table().equals("ssd_cin_episodes")) {
                continue;
            }
            String referralId = r.get("cine_referral_id");
            SplittableRandom rng = new SplittableRandom(seed ^ Pick.mix(0xC0_4F1A1L + referralId.hashCode()));
            LocalDate referral = LocalDate.parse(r.get("cine_referral_date"));
            if (Pick.chance(rng, CHILD_COMPLAINT_PER_REFERRAL)) {
                LocalDate received = referral.plusDays(Pick.between(rng, 10, 240));
                if (!received.isBefore(windowStart) && !received.isAfter(asAt)) {
                    String team = teamOn(involvements, received, r.get("cine_referral_team"));
                    complaint(rng, received, team, r.get("cine_person_id"));
                    childComplaints++;
                }
            }
            if (Pick.chance(rng, MEMBER_ENQUIRY_PER_REFERRAL)) {
                LocalDate received = referral.plusDays(Pick.between(rng, 5, 180));
                if (!received.isBefore(windowStart) && !received.isAfter(asAt)) {
                    enquiry(rng, received, teamOn(involvements, received, r.get("cine_referral_team")), r.get("cine_person_id"));
                }
            }
        }
    }

    /** After every child: complaints about services rather than one child, and compliments. */
    void finish() {
        SplittableRandom rng = new SplittableRandom(seed ^ 0xC0_3B1E_37L);
        List<Workforce.Team> teams = caseTeams();
        int general = (int) Math.round(childComplaints * GENERAL_PER_CHILD_COMPLAINT);
        for (int i = 0; i < general; i++) {
            complaint(rng, Pick.dateBetween(rng, windowStart, asAt), teams.get(rng.nextInt(teams.size())).id(), "");
        }
        int compliments = (int) Math.round((childComplaints + general) * COMPLIMENTS_PER_COMPLAINT);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < compliments; i++) {
            dates.add(Pick.dateBetween(rng, windowStart, asAt));
        }
        dates.sort(null);
        int n = 0;
        for (LocalDate d : dates) {
            String team = teams.get(rng.nextInt(teams.size())).id();
            out.row("compliments").set("compliment_id", String.format("CPL%06d", ++n)).set("received_date", d)
                    .set("team_id", team).set("service_area", workforce.serviceArea(team))
                    .set("source", Pick.weighted(rng, "parent_or_carer", 45, "child_or_young_person", 20,
                            "professional", 25, "foster_carer", 7, "other", 3))
                    .writeNow();
        }
    }

    private List<Workforce.Team> caseTeams() {
        List<Workforce.Team> teams = new ArrayList<>();
        for (Workforce.Team t : workforce.teams()) {
            if (t.id().length() == 4 && !t.id().endsWith("00") && !t.id().startsWith("D1")) {
                teams.add(t); // D<service><nn>: teams, not the root or service headings; MASH holds no cases
            }
        }
        return teams;
    }

    private static String teamOn(List<TableWriter.Row> involvements, LocalDate date, String fallback) {
        String d = date.toString();
        String team = null;
        for (TableWriter.Row i : involvements) {
            String start = i.get("invo_involvement_start_date");
            String end = i.get("invo_involvement_end_date");
            if (start.compareTo(d) <= 0 && (end.isEmpty() || end.compareTo(d) >= 0)) {
                team = i.get("invo_professional_team");
            }
        }
        return team != null ? team : fallback;
    }

    /** One complaint through as many stages as it reaches by the extract date. */
    private void complaint(SplittableRandom rng, LocalDate received, String team, String personId) {
        String id = String.format("CMP%06d", ++complaintNo);
        String category = Pick.weighted(rng, "communication", 34, "quality_of_service", 18, "decision_or_assessment", 15,
                "delay", 12, "staff_conduct", 10, "policy_or_procedure", 6, "discrimination", 3, "other", 2);
        String complainant = personId.isEmpty() ? Pick.weighted(rng, "parent_or_carer", 60, "foster_carer", 15, "other", 25)
                : Pick.weighted(rng, "parent_or_carer", 62, "child_or_young_person", 14, "advocate", 10,
                "foster_carer", 8, "special_guardian", 3, "other", 3);
        String area = workforce.serviceArea(team);

        boolean ext1 = Pick.chance(rng, 0.12);
        int days1 = ext1 ? (Pick.chance(rng, 0.8) ? Pick.between(rng, 11, 20) : Pick.between(rng, 21, 28))
                : (Pick.chance(rng, 0.82) ? Pick.between(rng, 2, 10) : Pick.between(rng, 11, 16));
        LocalDate resp1 = wd.plus(received, days1);
        String out1 = Pick.weighted(rng, "not_upheld", 45, "partly_upheld", 27, "upheld", 18, "withdrawn", 10);
        stage(id, 1, received, wd.plus(received, ext1 ? 20 : 10), ext1, null, resp1, out1, category, complainant, team, area, personId);
        if (resp1.isAfter(asAt) || out1.equals("withdrawn") || !Pick.chance(rng, TO_STAGE_2)) {
            return;
        }
        LocalDate received2 = wd.plus(resp1, Pick.between(rng, 3, 20));
        if (received2.isAfter(asAt)) {
            return;
        }
        boolean ext2 = Pick.chance(rng, 0.45);
        int days2 = ext2 ? (Pick.chance(rng, 0.75) ? Pick.between(rng, 26, 65) : Pick.between(rng, 66, 80))
                : (Pick.chance(rng, 0.7) ? Pick.between(rng, 15, 25) : Pick.between(rng, 26, 40));
        LocalDate resp2 = wd.plus(received2, days2);
        String out2 = Pick.weighted(rng, "not_upheld", 50, "partly_upheld", 30, "upheld", 15, "withdrawn", 5);
        stage(id, 2, received2, wd.plus(received2, ext2 ? 65 : 25), ext2, null, resp2, out2, category, complainant, team, area, personId);
        if (resp2.isAfter(asAt) || out2.equals("withdrawn") || out2.equals("upheld") || !Pick.chance(rng, TO_STAGE_3 / 0.8)) {
            return;
        }
        LocalDate received3 = wd.plus(resp2, Pick.between(rng, 3, 20));
        if (received3.isAfter(asAt)) {
            return;
        }
        LocalDate panel = wd.plus(received3, Pick.chance(rng, 0.8) ? Pick.between(rng, 15, 30) : Pick.between(rng, 31, 45));
        LocalDate resp3 = wd.plus(panel, Pick.between(rng, 10, 20));
        String out3 = Pick.weighted(rng, "not_upheld", 55, "partly_upheld", 30, "upheld", 15);
        stage(id, 3, received3, wd.plus(received3, 30), false, panel, resp3, out3, category, complainant, team, area, personId);
    }

    private void stage(String id, int stage, LocalDate received, LocalDate due, boolean extended, LocalDate panel,
                       LocalDate responded, String outcome, String category, String complainant, String team,
                       String area, String personId) {
        boolean done = !responded.isAfter(asAt);
        out.row("complaints").set("complaint_id", id).set("stage", stage).set("received_date", received)
                .set("due_date", due).set("extension_flag", stage == 3 ? "" : extended ? "Y" : "N")
                .set("panel_date", panel != null && !panel.isAfter(asAt) ? panel : null)
                .set("responded_date", done ? responded : null).set("outcome", done ? outcome : "")
                .set("category", category).set("complainant_type", complainant).set("team_id", team)
                .set("service_area", area).set("person_id", personId)
                .writeNow();
    }

    private void enquiry(SplittableRandom rng, LocalDate received, String team, String personId) {
        LocalDate responded = wd.plus(received, Pick.chance(rng, 0.8) ? Pick.between(rng, 2, 10) : Pick.between(rng, 11, 25));
        out.row("member_enquiries").set("enquiry_id", String.format("MEQ%06d", ++enquiryNo)).set("received_date", received)
                .set("due_date", wd.plus(received, MEMBER_ENQUIRY_WORKING_DAYS))
                .set("responded_date", responded.isAfter(asAt) ? null : responded)
                .set("member_type", Pick.weighted(rng, "councillor", 65, "mp", 35))
                .set("category", Pick.weighted(rng, "communication", 30, "delay", 20, "decision_or_assessment", 25,
                        "quality_of_service", 20, "other", 5))
                .set("team_id", team).set("service_area", workforce.serviceArea(team)).set("person_id", personId)
                .writeNow();
    }
}
