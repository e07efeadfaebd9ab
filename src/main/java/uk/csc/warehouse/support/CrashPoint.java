package uk.csc.warehouse.support;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points in the load and the build where a test can make the process die exactly as a kill -9 would
 * (no shutdown hooks, no finally blocks): {@code -Dcsc.crash-at=ingest.landed:2} halts the second time files
 * land. It is how the crash-recovery guarantee is proved at every step; unset, it does nothing.
 */
public final class CrashPoint {
    private static final String SETTING = System.getProperty("csc.crash-at", "");
    private static final ConcurrentHashMap<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

    private CrashPoint() {}

    public static void reached(String point) {
        if (SETTING.isEmpty()) {
            return;
        }
        String[] target = SETTING.split(":");
        if (!target[0].equals(point)) {
            return;
        }
        int times = target.length > 1 ? Integer.parseInt(target[1]) : 1;
        if (SEEN.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet() == times) {
            System.err.println("csc.crash-at: halting at " + SETTING);
            Runtime.getRuntime().halt(137);
        }
    }
}
