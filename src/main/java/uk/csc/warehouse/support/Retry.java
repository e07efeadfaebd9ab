package uk.csc.warehouse.support;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry policy and the one rule for what is temporary. A step that talks to another system (SFTP server,
 * source database, the nightly's pull round) is retried with exponential back-off, but only for failures that may
 * go away by themselves: I/O errors (refused or dropped connections, timeouts, unknown hosts), transient or
 * recoverable SQL errors, SQL state class 08. A refusal (host key, login, a missing folder or table, a bad query
 * or setting) fails at once: retrying cannot cure it.
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    /**
     * Attempt 1 at once, then wait {@code initialDelay}, multiplying by {@code multiplier} up to {@code maxDelay};
     * give up after {@code attempts}.
     */
    public record Policy(int attempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        /** A source's own retry (sftp.&lt;source&gt;.retry.*, jdbc.&lt;source&gt;.retry.*): 5 attempts, 2 s doubling to 60 s. */
        public static final Policy DEFAULT = new Policy(5, Duration.ofSeconds(2), 2, Duration.ofSeconds(60));

        public Policy {
            if (attempts < 1) {
                throw new IllegalArgumentException("retry attempts must be at least 1, not " + attempts);
            }
            if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || multiplier < 1) {
                throw new IllegalArgumentException("retry delays must satisfy 0 <= initial-delay <= max-delay, multiplier >= 1");
            }
        }

        /** Doubling (by default) policy, as the sources' settings give it. */
        public Policy(int attempts, Duration initialDelay, Duration maxDelay) {
            this(attempts, initialDelay, 2, maxDelay);
        }

        /** How long to wait after failed attempt {@code n} (1-based) before the next one. */
        public Duration delayAfter(int n) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, n - 1);
            return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
        }
    }

    /** Thrown when every attempt failed; the message names the step, the attempts and the last reason. */
    public static final class Exhausted extends Exception {
        Exhausted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Retry() {}

    public static <T> T run(Policy policy, String step, Callable<T> action) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.call();
            } catch (Exception e) {
                if (!isTransient(e)) {
                    throw e;
                }
                String reason = Redact.oneLine(e);
                if (attempt >= policy.attempts()) {
                    throw new Exhausted(step + " failed after " + attempt + " attempt(s): " + reason, e);
                }
                Duration wait = policy.delayAfter(attempt);
                LOG.warn("{} attempt {}/{} failed ({}); retrying in {} ms", step, attempt, policy.attempts(), reason,
                        wait.toMillis());
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** The one rule: I/O trouble, transient or recoverable SQL errors and SQL state class 08, anywhere in the causes. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
