package uk.csc.warehouse.comparators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statistical disclosure control for outbound aggregate files, after DfE's children-in-need and
 * children-looked-after conventions (kpi_definitions.md §6):
 * <ol>
 *   <li>primary: a count of 1 to 5 is suppressed (shown {@code c}); 0 is a true zero and shown;</li>
 *   <li>linked: a quantity that appears in several places (the month's referrals are one indicator's count
 *       and another's denominator) is suppressed everywhere once it is suppressed anywhere;</li>
 *   <li>secondary: where cells add up to a total that is also published (months to the year), a lone
 *       suppressed cell could be worked out by subtraction, so the smallest other non-zero cell of that
 *       sum is suppressed too (a second cell is always found: the total itself if need be);</li>
 *   <li>derived: a percentage or rate is suppressed when its numerator or denominator is, since the
 *       value and the other term would give the suppressed count back.</li>
 * </ol>
 * Steps 2-4 repeat until nothing changes, since each can create work for the others.
 */
public final class Suppression {
    public static final String SYMBOL = "c";
    public static final int MAX_SUPPRESSED = 5;

    /** A count in the file. Linked cells (the same quantity) share one {@link Quantity}. */
    public static final class Quantity {
        final long value;
        boolean suppressed;
        boolean primary;

        Quantity(long value) {
            this.value = value;
        }

        public long value() {
            return value;
        }

        public boolean suppressed() {
            return suppressed;
        }

        public boolean primary() {
            return primary;
        }
    }

    /** total = sum of parts, and the file shows all of them. */
    public record Sum(Quantity total, List<Quantity> parts) {
        List<Quantity> all() {
            List<Quantity> a = new ArrayList<>(parts);
            a.add(total);
            return a;
        }
    }

    private final Map<Object, Quantity> byKey = new LinkedHashMap<>();
    private final Map<Quantity, Object> firstKey = new HashMap<>();
    private final List<Sum> sums = new ArrayList<>();

    /** The quantity for {@code key}, or a new one; {@code sameAs} links it to an existing key's quantity. */
    public Quantity quantity(Object key, long value) {
        return byKey.computeIfAbsent(key, k -> {
            Quantity q = new Quantity(value);
            firstKey.put(q, k);
            return q;
        });
    }

    /** Makes {@code key} name the same quantity as {@code existing} (it must hold the same value). */
    public void link(Object key, Object existing) {
        Quantity q = Objects.requireNonNull(byKey.get(existing), "unknown quantity " + existing);
        Quantity old = byKey.get(key);
        if (old != null && old != q) {
            // re-point every key that named the old quantity, and every sum using it
            byKey.replaceAll((k, v) -> v == old ? q : v);
            for (int i = 0; i < sums.size(); i++) {
                Sum s = sums.get(i);
                sums.set(i, new Sum(s.total() == old ? q : s.total(),
                        s.parts().stream().map(p -> p == old ? q : p).toList()));
            }
        }
        byKey.put(key, q);
    }

    public Quantity get(Object key) {
        return byKey.get(key);
    }

    public void sum(Object totalKey, List<?> partKeys) {
        sums.add(new Sum(byKey.get(totalKey), partKeys.stream().map(byKey::get).toList()));
    }

    public List<Sum> sums() {
        return sums;
    }

    /** Runs primary then secondary suppression to a fixed point. */
    public void apply() {
        for (Quantity q : byKey.values()) {
            if (q.value >= 1 && q.value <= MAX_SUPPRESSED) {
                q.suppressed = true;
                q.primary = true;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum s : sums) {
                List<Quantity> cells = s.all().stream().distinct().toList();
                long hidden = cells.stream().filter(q -> q.suppressed).count();
                if (hidden == 1) {
                    Quantity extra = s.parts().stream().distinct().filter(q -> !q.suppressed && q.value > 0)
                            .min(Comparator.comparingLong(Quantity::value))
                            .orElse(s.total().suppressed || s.total().value == 0 ? null : s.total());
                    if (extra != null) {
                        extra.suppressed = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /** Whether a cell with these terms must be suppressed (a value derived from a suppressed count). */
    public static boolean derivedSuppressed(Quantity numerator, Quantity denominator) {
        return (numerator != null && numerator.suppressed) || (denominator != null && denominator.suppressed);
    }
}
