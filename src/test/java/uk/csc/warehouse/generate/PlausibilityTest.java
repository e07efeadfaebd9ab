package uk.csc.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10,000-child, 3-year authority should look like an inner London borough in its latest year. */
class PlausibilityTest {

    @TempDir
    Path tmp;

    @Test
    void latestYearLooksLikeAnInnerLondonBorough() throws IOException {
        int children = 10_000;
        SyntheticAuthority.write(new GeneratorSettings(children, 3, 2024L, LocalDate.of(2025, 3, 31), null), tmp);
        Map<String, Double> m = AuthorityMetrics.forYear(new ExtractFiles(tmp), children, LocalDate.of(2024, 4, 1));

        Map<String, double[]> expected = new LinkedHashMap<>();
        expected.put("referralsPer10k", new double[] {450, 700});
        expected.put("rereferralPct", new double[] {14, 30});
        expected.put("contactsPerReferral", new double[] {2.2, 3.8});
        expected.put("assessmentsPerReferral", new double[] {0.8, 1.0});
        expected.put("assessmentsIn45wdPct", new double[] {80, 97});
        expected.put("s47Per10k", new double[] {130, 270});
        expected.put("icpcPer10k", new double[] {40, 110});
        expected.put("cpAt31MarchPer10k", new double[] {25, 75});
        expected.put("secondPlanPct", new double[] {10, 40});
        // DfE: 10-20% of ICPCs make no plan; CP visit gaps over 10 working days and category changes at review happen.
        expected.put("icpcToPlanPct", new double[] {78, 94});
        expected.put("cpVisitGapsOver10wdPct", new double[] {3, 12});
        expected.put("cpCategoryChangedPct", new double[] {6, 20});
        // DfE 2024-25: Southwark 70, England 67 per 10,000 (was 57-59); UASC England 8%, Southwark 14% of CLA.
        expected.put("claAt31MarchPer10k", new double[] {60, 95});
        expected.put("uascPctOfCla", new double[] {3, 15});
        expected.put("threePlusPlacementsPct", new double[] {7, 20});
        // DfE 2024-25: England 69%, Southwark 74%; a constant move hazard gave 16-28%. Small cohort (~20 children) here.
        expected.put("longTermStabilityPct", new double[] {50, 100});
        expected.put("placedOver20MilesPct", new double[] {12, 28});
        expected.put("missingPctOfCla", new double[] {8, 32});
        // Care leavers (DfE 2024-25 England: in touch ~93%, EET 54%, suitable 89%): every birthday has a record,
        // including an 18th birthday spent leaving care (was ~6-17% in touch), and pathway plans are reviewed
        // 6-monthly (was ~15-35%). About 40 young people here, so the ranges are wide.
        expected.put("careLeavers1718InTouchPct", new double[] {70, 100});
        expected.put("careLeavers1921InTouchPct", new double[] {78, 100});
        expected.put("careLeavers1921EetPct", new double[] {45, 85});
        expected.put("careLeavers1921SuitablePct", new double[] {70, 100});
        expected.put("careLeaversPathwayReview6mPct", new double[] {80, 100});
        // Visits fall on working days (was ~15% on weekends and bank holidays).
        expected.put("visitsOnNonWorkingDaysPct", new double[] {0, 0.5});
        expected.put("socialWorkerMedianCaseload", new double[] {8, 22});

        List<String> outside = new ArrayList<>();
        expected.forEach((k, range) -> {
            double v = m.get(k);
            if (v < range[0] || v > range[1]) {
                outside.add(String.format("%s=%.1f not in [%s, %s]", k, v, range[0], range[1]));
            }
        });
        assertTrue(outside.isEmpty(), () -> outside + " all: " + m);
    }
}
