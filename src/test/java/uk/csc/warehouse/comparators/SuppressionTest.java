package uk.csc.warehouse.comparators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound benchmarking file: counts 1-5 are suppressed, and an attacker holding the file cannot work
 * a suppressed count out, whether by subtracting months from the year, by reading the same count where it
 * appears as another indicator's denominator, or from a percentage and its denominator.
 */
class SuppressionTest {
    @TempDir
    Path dir;

    static final String[] MONTHS = {"2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10",
        "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"};

    /** referrals (count), re-referrals % (numerator small, denominator = referrals), a snapshot, a rate. */
    static List<BenchmarkingFile.Series> authority() {
        long[] referrals = {40, 38, 45, 3, 50, 41, 39, 44, 47, 36, 42, 48};
        long[] rereferrals = {8, 7, 2, 0, 9, 11, 6, 4, 10, 7, 8, 9};
        long[] onPlan = {4, 5, 6, 7, 9, 12, 15, 14, 13, 11, 10, 3};
        List<BenchmarkingFile.Point> r = new ArrayList<>();
        List<BenchmarkingFile.Point> rr = new ArrayList<>();
        List<BenchmarkingFile.Point> cp = new ArrayList<>();
        List<BenchmarkingFile.Point> rate = new ArrayList<>();
        long sumR = 0;
        long sumRR = 0;
        for (long v : referrals) {
            sumR += v;
        }
        for (long v : rereferrals) {
            sumRR += v;
        }
        r.add(new BenchmarkingFile.Point("financial_year", "2024-25", true, sumR, null, (double) sumR));
        rr.add(new BenchmarkingFile.Point("financial_year", "2024-25", true, sumRR, sumR, pct(sumRR, sumR)));
        cp.add(new BenchmarkingFile.Point("financial_year", "2024-25", true, 3L, null, 3.0));
        rate.add(new BenchmarkingFile.Point("financial_year", "2024-25", true, sumR, 60000L, sumR * 10000.0 / 60000));
        for (int i = 0; i < 12; i++) {
            r.add(new BenchmarkingFile.Point("month", MONTHS[i], true, referrals[i], null, (double) referrals[i]));
            rr.add(new BenchmarkingFile.Point("month", MONTHS[i], true, rereferrals[i], referrals[i], pct(rereferrals[i], referrals[i])));
            cp.add(new BenchmarkingFile.Point("month", MONTHS[i], true, onPlan[i], null, (double) onPlan[i]));
            rate.add(new BenchmarkingFile.Point("month", MONTHS[i], true, referrals[i], 60000L, referrals[i] * 10000.0 / 60000));
        }
        return List.of(new BenchmarkingFile.Series("referrals_count", "Referrals", "count", r),
                new BenchmarkingFile.Series("rereferrals_within_12m_pct", "Re-referrals (%)", "percent", rr),
                new BenchmarkingFile.Series("cpp_count_month_end", "On a plan at month end", "count", cp),
                new BenchmarkingFile.Series("referrals_rate_per_10k", "Referrals per 10,000", "rate_per_10000", rate));
    }

    static double pct(long n, long d) {
        return Math.round(1000.0 * n / d) / 10.0;
    }

    @Test
    void small_counts_are_suppressed_and_cannot_be_recovered_from_the_file() throws Exception {
        List<BenchmarkingFile.Series> series = authority();
        Path file = dir.resolve("benchmarking.csv");
        BenchmarkingFile.write(BenchmarkingFile.suppress(series), "E09000028", "Test borough", file);

        Map<String, Map<String, String>> cells = new LinkedHashMap<>(); // indicator|period -> column -> text
        List<String> header;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(
                Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
            List<NamedCsvRecord> rows = csv.stream().toList();
            header = rows.get(0).getHeader();
            for (NamedCsvRecord rec : rows) {
                cells.put(rec.getField("indicator_code") + "|" + rec.getField("period_label"), rec.getFieldsAsMap());
            }
        }
        assertEquals(BenchmarkingFile.HEADER, header);
        assertFalse(header.stream().anyMatch(h -> h.contains("person") || h.contains("child_id") || h.contains("dob")),
                "aggregates only");

        // primary: every true count of 1-5 is 'c' wherever it appears
        assertEquals("c", cells.get("referrals_count|2024-07").get("numerator"));
        assertEquals("c", cells.get("referrals_count|2024-07").get("value"));
        assertEquals("c", cells.get("rereferrals_within_12m_pct|2024-07").get("denominator"), "the same count elsewhere");
        assertEquals("c", cells.get("referrals_rate_per_10k|2024-07").get("value"), "a rate from a suppressed count");
        assertEquals("c", cells.get("rereferrals_within_12m_pct|2024-06").get("numerator"));
        assertEquals("c", cells.get("rereferrals_within_12m_pct|2024-06").get("value"), "a % from a suppressed count");
        assertEquals("0", cells.get("rereferrals_within_12m_pct|2024-07").get("numerator"), "a true zero is shown");
        assertEquals("c", cells.get("cpp_count_month_end|2024-04").get("value"));

        // the attacker: everything shown is known; then repeat until nothing new can be deduced
        Map<String, Long> known = new HashMap<>();
        Map<String, Long> truth = new HashMap<>();
        for (BenchmarkingFile.Series s : series) {
            for (BenchmarkingFile.Point p : s.points()) {
                String k = s.code() + "|" + p.periodLabel();
                truth.put(k + "|N", p.numerator());
                if (p.denominator() != null) {
                    truth.put(k + "|D", p.denominator());
                }
                String n = cells.get(k).get("numerator");
                String d = cells.get(k).get("denominator");
                if (!n.equals("c") && !n.isEmpty()) {
                    known.put(k + "|N", Long.parseLong(n));
                }
                if (!d.equals("c") && !d.isEmpty()) {
                    known.put(k + "|D", Long.parseLong(d));
                }
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (BenchmarkingFile.Series s : series) {
                for (String term : List.of("N", "D")) {
                    // subtraction: year = sum of months, where that holds in the file's visible cells
                    List<String> keys = new ArrayList<>();
                    for (String m : MONTHS) {
                        keys.add(s.code() + "|" + m + "|" + term);
                    }
                    String total = s.code() + "|2024-25|" + term;
                    if (!truth.containsKey(total)) {
                        continue;
                    }
                    long sumTruth = keys.stream().mapToLong(truth::get).sum();
                    if (sumTruth != truth.get(total)) {
                        continue; // not additive (a snapshot): no subtraction to make
                    }
                    List<String> unknown = new ArrayList<>(keys.stream().filter(k -> !known.containsKey(k)).toList());
                    if (!known.containsKey(total)) {
                        unknown.add(total);
                    }
                    if (unknown.size() == 1) {
                        String u = unknown.get(0);
                        long rest = keys.stream().filter(known::containsKey).mapToLong(known::get).sum();
                        known.put(u, u.equals(total) ? rest : known.get(total) - rest);
                        progress = true;
                    }
                }
            }
            // the same quantity read elsewhere: referrals = re-referral denominator = rate numerator
            for (String p : cellsPeriods()) {
                String[] same = {"referrals_count|" + p + "|N", "rereferrals_within_12m_pct|" + p + "|D",
                    "referrals_rate_per_10k|" + p + "|N"};
                Long v = null;
                for (String k : same) {
                    v = v == null ? known.get(k) : v;
                }
                if (v != null) {
                    for (String k : same) {
                        if (known.putIfAbsent(k, v) == null) {
                            progress = true;
                        }
                    }
                }
                // from a percentage and its denominator
                String pk = "rereferrals_within_12m_pct|" + p;
                String value = cells.get(pk).get("value");
                if (!value.equals("c") && known.containsKey(pk + "|D") && !known.containsKey(pk + "|N")) {
                    known.put(pk + "|N", Math.round(Double.parseDouble(value) * known.get(pk + "|D") / 100));
                    progress = true;
                }
                String rk = "referrals_rate_per_10k|" + p;
                String rv = cells.get(rk).get("value");
                if (!rv.equals("c") && known.containsKey(rk + "|D") && !known.containsKey(rk + "|N")) {
                    known.put(rk + "|N", Math.round(Double.parseDouble(rv) * known.get(rk + "|D") / 10000));
                    progress = true;
                }
            }
        }
        int suppressedSmall = 0;
        for (Map.Entry<String, Long> t : truth.entrySet()) {
            if (t.getValue() != null && t.getValue() >= 1 && t.getValue() <= 5) {
                suppressedSmall++;
                assertNull(known.get(t.getKey()), "recovered a suppressed count: " + t.getKey());
            }
        }
        assertTrue(suppressedSmall >= 5, "the fixture has small counts to protect");
        // secondary suppression happened: July's referrals (3) would otherwise be the year minus the other months
        long hiddenMonths = cellsPeriods().stream().filter(p -> !p.equals("2024-25"))
                .filter(p -> cells.get("referrals_count|" + p).get("numerator").equals("c")).count();
        assertTrue(hiddenMonths >= 2, "secondary suppression in referrals");
    }

    /**
     * CP plans at month end by category: the five categories add up to the total in every month and at
     * 31 March. Sexual abuse has 3 in June (primary). Without a breakdown sum, June's 3 would be the total
     * minus the other four; the attacker below knows every such identity (categories to total, months to
     * year for flows) and solves any with one unknown, over and over. Nothing of 1-5 may come out.
     */
    @Test
    void a_small_category_cannot_be_worked_out_from_the_total_and_the_other_categories() throws Exception {
        String[] cats = {"emotional", "multiple", "neglect", "physical", "sexual"};
        long[][] byCat = { // month x category (end of month snapshot), then 31 March = March
            {90, 18, 98, 26, 9}, {93, 17, 105, 30, 8}, {90, 17, 109, 28, 3}, {99, 14, 122, 27, 9},
            {103, 14, 126, 25, 10}, {106, 13, 127, 24, 11}, {94, 15, 120, 26, 12}, {97, 15, 118, 27, 9},
            {99, 17, 121, 26, 8}, {94, 16, 130, 26, 9}, {91, 19, 140, 26, 9}, {88, 21, 145, 26, 9}};
        List<BenchmarkingFile.Series> series = new ArrayList<>();
        List<BenchmarkingFile.Point> total = new ArrayList<>();
        long[] march = byCat[11];
        total.add(new BenchmarkingFile.Point("financial_year", "2024-25", true, null, null, (double) sum(march)));
        for (int m = 0; m < 12; m++) {
            total.add(new BenchmarkingFile.Point("month", MONTHS[m], true, null, null, (double) sum(byCat[m])));
        }
        series.add(new BenchmarkingFile.Series("cpp_count_31mar", "On a plan", "count", total));
        for (int c = 0; c < cats.length; c++) {
            List<BenchmarkingFile.Point> pts = new ArrayList<>();
            pts.add(new BenchmarkingFile.Point("financial_year", "2024-25", true, null, null, (double) march[c]));
            for (int m = 0; m < 12; m++) {
                pts.add(new BenchmarkingFile.Point("month", MONTHS[m], true, null, null, (double) byCat[m][c]));
            }
            series.add(new BenchmarkingFile.Series("cpp_31mar_initial_cat_" + cats[c] + "_count", cats[c], "count", pts));
        }
        Path file = dir.resolve("benchmarking.csv");
        BenchmarkingFile.write(BenchmarkingFile.suppress(series), "E09000028", "Test borough", file);
        Map<String, String> shown = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(
                Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
            csv.forEach(rec -> shown.put(rec.getField("indicator_code") + "|" + rec.getField("period_label"),
                    rec.getField("value")));
        }
        assertEquals("c", shown.get("cpp_31mar_initial_cat_sexual_count|2024-06"));
        long hiddenJune = List.of(cats).stream().filter(c -> shown.get("cpp_31mar_initial_cat_" + c + "_count|2024-06")
                .equals("c")).count() + (shown.get("cpp_count_31mar|2024-06").equals("c") ? 1 : 0);
        assertTrue(hiddenJune >= 2, "a second cell of June's breakdown is suppressed");

        Map<String, Long> known = new HashMap<>();
        shown.forEach((k, v) -> {
            if (!v.equals("c") && !v.isEmpty()) {
                known.put(k, Long.parseLong(v));
            }
        });
        List<List<String>> identities = new ArrayList<>(); // first = sum of the rest
        for (String p : cellsPeriods()) {
            List<String> id = new ArrayList<>(List.of("cpp_count_31mar|" + p));
            for (String c : cats) {
                id.add("cpp_31mar_initial_cat_" + c + "_count|" + p);
            }
            identities.add(id);
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (List<String> id : identities) {
                List<String> unknown = id.stream().filter(k -> !known.containsKey(k)).toList();
                if (unknown.size() != 1) {
                    continue;
                }
                String u = unknown.get(0);
                long parts = id.subList(1, id.size()).stream().filter(known::containsKey).mapToLong(known::get).sum();
                known.put(u, u.equals(id.get(0)) ? parts : known.get(id.get(0)) - parts);
                progress = true;
            }
        }
        for (int m = 0; m < 12; m++) {
            for (int c = 0; c < cats.length; c++) {
                if (byCat[m][c] >= 1 && byCat[m][c] <= 5) {
                    assertEquals(null, known.get("cpp_31mar_initial_cat_" + cats[c] + "_count|" + MONTHS[m]),
                            "recovered " + cats[c] + " in " + MONTHS[m]);
                }
            }
        }
    }

    static long sum(long[] v) {
        long t = 0;
        for (long x : v) {
            t += x;
        }
        return t;
    }

    static List<String> cellsPeriods() {
        List<String> p = new ArrayList<>(List.of(MONTHS));
        p.add("2024-25");
        return p;
    }

    @Test
    void a_lone_small_cell_gets_a_partner_and_the_total_is_used_when_nothing_else_is_left() {
        Suppression s = new Suppression();
        s.quantity("t", 10);
        s.quantity("a", 4);
        s.quantity("b", 0);
        s.quantity("c", 6);
        s.sum("t", List.of("a", "b", "c"));
        s.apply();
        assertTrue(s.get("a").suppressed() && s.get("a").primary());
        assertTrue(s.get("c").suppressed(), "smallest non-zero other part");
        assertFalse(s.get("b").suppressed(), "zero is shown");
        assertFalse(s.get("t").suppressed());

        Suppression only = new Suppression();
        only.quantity("t", 3);
        only.quantity("a", 3);
        only.quantity("b", 0);
        only.sum("t", List.of("a", "b"));
        only.apply();
        assertTrue(only.get("a").suppressed() && only.get("t").suppressed());
    }
}
