package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** An early help episode: stepped down from social care or started by universal services. */
final class EarlyHelpStage {
    private EarlyHelpStage() {}

    /** Returns the episode end, or null while it is still open. */
    static LocalDate run(Child c, LocalDate start) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        LocalDate end = c.cap(start.plusDays(Pick.between(rng, 60, 300)));
        if (end.isBefore(start)) {
            end = start;
        }
        LocalDate recorded = clock.endOrOpen(end);
        Workforce.Worker w = c.ctx.workforce().assign(Workforce.Service.EARLY_HELP, start, rng);
        c.emit("ssd_early_help_episodes").set("earl_episode_id", c.nextId("EH")).set("earl_person_id", c.personId)
                .set("earl_episode_start_date", start).set("earl_episode_end_date", recorded)
                .set("earl_episode_reason", Pick.weighted(rng, "Parenting support", 30, "School attendance", 15,
                        "Domestic abuse", 15, "Emotional wellbeing", 15, "Behaviour", 15, "Housing or finance", 10))
                .set("earl_episode_end_reason", recorded == null ? "" : Pick.weighted(rng, "Outcomes met", 60,
                        "Step-up to social care", 10, "Family disengaged", 15, "Moved away", 5, "No further action", 10))
                .set("earl_episode_organisation", w.teamName()).set("earl_episode_worker_id", w.id());
        return recorded;
    }
}
