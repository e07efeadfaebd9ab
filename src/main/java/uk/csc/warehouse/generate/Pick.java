package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Random draws used across the stages; all take the child's own generator so output stays deterministic. */
final class Pick {
    private Pick() {}

    /** A code drawn with the given weights: {@code pairs} alternates code, weight. */
    static String weighted(SplittableRandom rng, Object... pairs) {
        double total = 0;
        for (int i = 1; i < pairs.length; i += 2) {
            total += ((Number) pairs[i]).doubleValue();
        }
        double x = rng.nextDouble() * total;
        for (int i = 1; i < pairs.length; i += 2) {
            x -= ((Number) pairs[i]).doubleValue();
            if (x < 0) {
                return (String) pairs[i - 1];
            }
        }
        return (String) pairs[pairs.length - 2];
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    static int between(SplittableRandom rng, int lo, int hiInclusive) {
        return lo + rng.nextInt(hiInclusive - lo + 1);
    }

    static <T> T one(SplittableRandom rng, T[] items) {
        return items[rng.nextInt(items.length)];
    }

    /** Waiting time in days for an event with the given yearly rate. */
    static double exponentialDays(SplittableRandom rng, double perYear) {
        return -Math.log(1.0 - rng.nextDouble()) / perYear * 365.25;
    }

    static LocalDate dateBetween(SplittableRandom rng, LocalDate from, LocalDate toInclusive) {
        long span = toInclusive.toEpochDay() - from.toEpochDay();
        return span <= 0 ? from : from.plusDays(rng.nextLong(span + 1));
    }

    /** SplitMix64 finaliser: spreads consecutive child indexes into unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
