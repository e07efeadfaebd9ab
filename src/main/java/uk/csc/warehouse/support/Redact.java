package uk.csc.warehouse.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an exception into the one-line reason that goes into the ledger, the log and the failure email.
 * Error messages from a database or parser can quote the value that broke them (a name, a date of birth,
 * a child's id), so quoted text that is not a file path, and long digit runs, are replaced.
 */
public final class Redact {
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'([^'\\n]*)'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"\\n]*)\"");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w.-])\\d{6,}(?![\\w.-])");
    private static final int MAX = 300;

    private Redact() {}

    public static String oneLine(Throwable e) {
        Throwable t = e;
        // Wrappers without their own message say nothing useful: use the first cause that does.
        while (t.getMessage() == null && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return text(m);
    }

    public static String text(String message) {
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String s = SINGLE_QUOTED.matcher(first).replaceAll(r -> keep(r.group(1)) ? Matcher.quoteReplacement(r.group()) : "'…'");
        s = DOUBLE_QUOTED.matcher(s).replaceAll(r -> keep(r.group(1)) ? Matcher.quoteReplacement(r.group()) : "\"…\"");
        s = LONG_NUMBER.matcher(s).replaceAll("…");
        return s.length() > MAX ? s.substring(0, MAX - 1) + "…" : s;
    }

    private static boolean keep(String quoted) {
        return quoted.contains("/") || quoted.contains("\\");
    }
}
