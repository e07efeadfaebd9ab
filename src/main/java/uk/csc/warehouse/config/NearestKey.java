package uk.csc.warehouse.config;

import java.util.Collection;
import java.util.Locale;

/** For a mistyped setting, the known key it was most likely meant to be: "did you mean ...?". */
public final class NearestKey {
    private NearestKey() {}

    /** The closest of {@code known} by edit distance, or null when nothing is close (more than a third differs). */
    public static String to(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** "unknown key 'x'; did you mean 'y'?" (or without the suggestion when nothing is close). */
    public static String unknown(String file, String key, Collection<String> known) {
        String near = to(key, known);
        return file + ": unknown key '" + key + "'" + (near == null ? "; see docs/architecture.md and the README for the keys"
                : "; did you mean '" + near + "'?");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
