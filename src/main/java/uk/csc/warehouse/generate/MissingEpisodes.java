package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/** Missing and away-from-placement episodes: concentrated in a minority of older children who go missing repeatedly. */
final class MissingEpisodes {
    private MissingEpisodes() {}

    static void run(Child c, LocalDate start, LocalDate end) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        LocalDate from = start.isBefore(c.birthday(11)) ? c.birthday(11) : start;
        LocalDate to = end.isAfter(clock.asAt) ? clock.asAt : end;
        if (!from.isBefore(to) || !Pick.chance(rng, c.uasc ? 0.25 : 0.42)) {
            return;
        }
        double perYear = 1.5 + rng.nextDouble() * 5;
        LocalDateTime cutoff = clock.asAt.plusDays(1).atStartOfDay();
        LocalDate d = from.plusDays((long) Pick.exponentialDays(rng, perYear));
        while (d.isBefore(to)) {
            LocalDateTime went = d.atTime(Pick.between(rng, 7, 23), rng.nextInt(60));
            int hours = Pick.chance(rng, 0.7) ? Pick.between(rng, 2, 24) : Pick.chance(rng, 0.85)
                    ? Pick.between(rng, 25, 72) : Pick.between(rng, 73, 240);
            LocalDateTime back = went.plusHours(hours).plusMinutes(rng.nextInt(60));
            boolean returned = back.isBefore(cutoff);
            boolean offered = returned && Pick.chance(rng, 0.88);
            c.emit("ssd_missing").set("miss_table_id", c.nextId("MS")).set("miss_person_id", c.personId)
                    .set("miss_missing_episode_start_date", went)
                    .set("miss_missing_episode_type", Pick.weighted(rng, "M", 75, "A", 25))
                    .set("miss_missing_episode_end_date", returned ? back : null)
                    .set("miss_missing_rhi_offered", returned ? (offered ? "Y" : "N") : "")
                    .set("miss_missing_rhi_accepted", returned ? (offered ? (Pick.chance(rng, 0.62) ? "Y" : "N") : "NA") : "");
            d = back.toLocalDate().plusDays(1 + (long) Pick.exponentialDays(rng, perYear));
        }
    }
}
