package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.Month;
import java.util.SplittableRandom;

/**
 * The SSDA903 OC2 outcomes of a child looked after continuously for 12 months at a 31 March: an SDQ for those aged
 * 4-16, and SDQ1 for those turning 17 in the year (ssd_sdq_scores), offences (ssd_cla_convictions, aged 10+), whether immunisations are up to date
 * (ssd_cla_immunisations) and substance misuse (ssd_cla_substance_misuse). Rates follow DfE's "Outcomes for
 * children in need, including children looked after" (2024): an SDQ score for about four in five eligible
 * children, average score about 14; 2-3% of those aged 10+ convicted or cautioned; about 85% with immunisations
 * up to date; 3-4% identified with a substance misuse problem, over half of them receiving an intervention.
 * Each table draws from its own stream; ids are built from the period of care's id.
 */
final class OutcomesStage {
    private static final String[] OFFENCES = {"Theft", "Criminal damage", "Common assault", "Possession of an offensive weapon",
        "Possession of a controlled drug", "Robbery", "Burglary", "Public order offence", "Motoring offence"};

    private OutcomesStage() {}

    static void run(Child c, String claId, LocalDate start, LocalDate end) {
        Clock clock = c.ctx.clock();
        for (int year = start.getYear(); year <= clock.asAt.getYear(); year++) {
            LocalDate census = LocalDate.of(year, Month.MARCH, 31);
            // Looked after on 31 March (ceased after it) and continuously for the 12 months to it.
            boolean cohort = clock.happened(census) && end.isAfter(census) && !start.isAfter(census.minusYears(1).plusDays(1));
            if (!cohort) {
                continue;
            }
            LocalDate yearStart = max(census.minusDays(364), start);
            int age = c.ageOn(census);
            sdq(c, claId, census, age);
            convictions(c, claId, census, yearStart, age);
            immunisations(c, census, yearStart);
            substanceMisuse(c, claId, census, yearStart, age);
        }
    }

    private static void sdq(Child c, String claId, LocalDate census, int age) {
        if (age == 17 && c.birthday(17).isAfter(census.minusYears(1))) {
            // Turned 17 in the year: the reason there is no score, SDQ1 "aged over 16" (SSDA903 rule 197B).
            c.emit("ssd_sdq_scores").set("csdq_table_id", claId + "-SDQ" + census.getYear())
                    .set("csdq_person_id", c.personId).set("csdq_sdq_completed_date", c.birthday(17))
                    .set("csdq_sdq_reason", "SDQ1");
            return;
        }
        if (age < 4 || age > 16) {
            return;
        }
        SplittableRandom rng = c.returns.sdq;
        LocalDate completed = max(census.minusDays(Pick.between(rng, 10, 300)), c.birthday(4));
        TableWriter.Row r = c.emit("ssd_sdq_scores").set("csdq_table_id", claId + "-SDQ" + census.getYear())
                .set("csdq_person_id", c.personId).set("csdq_sdq_completed_date", completed);
        double pScore = c.disabled ? 0.55 : age >= 13 ? 0.72 : 0.84;
        if (Pick.chance(rng, pScore)) {
            long score = Math.round(13.8 + 7.0 * rng.nextGaussian());
            r.set("csdq_sdq_score", String.valueOf(Math.max(0, Math.min(40, score))));
        } else {
            r.set("csdq_sdq_reason", c.disabled && Pick.chance(rng, 0.6) ? "SDQ3"
                    : age >= 13 ? Pick.weighted(rng, "SDQ5", 45, "SDQ4", 35, "SDQ2", 20)
                    : Pick.weighted(rng, "SDQ4", 60, "SDQ2", 40));
        }
    }

    private static void convictions(Child c, String claId, LocalDate census, LocalDate yearStart, int age) {
        if (age < 10) {
            return;
        }
        SplittableRandom rng = c.returns.convictions;
        double p = age >= 16 ? 0.05 : age >= 13 ? 0.03 : 0.008;
        if (!Pick.chance(rng, p)) {
            return;
        }
        int n = Pick.chance(rng, 0.2) ? 2 : 1;
        LocalDate from = max(yearStart, c.birthday(10));
        for (int i = 1; i <= n; i++) {
            c.emit("ssd_cla_convictions").set("clac_cla_conviction_id", claId + "-CV" + census.getYear() + "-" + i)
                    .set("clac_person_id", c.personId).set("clac_cla_conviction_date", Pick.dateBetween(rng, from, census))
                    .set("clac_cla_conviction_offence", Pick.one(rng, OFFENCES));
        }
    }

    private static void immunisations(Child c, LocalDate census, LocalDate yearStart) {
        SplittableRandom rng = c.returns.immunisations;
        // Recorded at the annual health assessment.
        LocalDate recorded = max(census.minusDays(Pick.between(rng, 5, 320)), yearStart);
        c.emit("ssd_cla_immunisations").set("clai_person_id", c.personId)
                .set("clai_immunisations_status", Pick.chance(rng, c.uasc ? 0.6 : 0.86) ? "Y" : "N")
                .set("clai_immunisations_status_date", recorded);
    }

    private static void substanceMisuse(Child c, String claId, LocalDate census, LocalDate yearStart, int age) {
        SplittableRandom rng = c.returns.substanceMisuse;
        double p = age >= 16 ? 0.09 : age >= 13 ? 0.05 : age >= 10 ? 0.01 : 0.0;
        if (p == 0.0 || !Pick.chance(rng, p)) {
            return;
        }
        c.emit("ssd_cla_substance_misuse").set("clas_substance_misuse_id", claId + "-SM" + census.getYear())
                .set("clas_person_id", c.personId).set("clas_substance_misuse_date", Pick.dateBetween(rng, yearStart, census))
                .set("clas_substance_misused", Pick.weighted(rng, "Cannabis", 55, "Alcohol", 25, "Multiple substances", 12, "Other", 8))
                .set("clas_intervention_received", Pick.chance(rng, 0.6) ? "Y" : "N");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
