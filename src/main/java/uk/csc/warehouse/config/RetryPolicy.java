package uk.csc.warehouse.config;

import java.time.Duration;

/**
 * Bounded retry with exponential back-off for a source that is briefly unreachable: attempt 1 at once, then
 * wait {@code initialDelay}, doubling each time up to {@code maxDelay}, and give up after {@code attempts}.
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) {
            throw new ConfigException("retry attempts must be at least 1, not " + attempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new ConfigException("retry delays must satisfy 0 <= initial-delay <= max-delay");
        }
    }

    /** How long to wait after failed attempt {@code n} (1-based) before the next one. */
    public Duration delayAfter(int n) {
        Duration d = initialDelay;
        for (int i = 1; i < n && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
