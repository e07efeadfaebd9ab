package uk.csc.warehouse.support;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a step that talks to another system (SFTP server, source database) with exponential back-off,
 * but only for failures that may go away by themselves: I/O errors, timeouts, refused or dropped
 * connections. A wrong password or a bad query fails at once.
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    public record Policy(int attempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        public Policy {
            if (attempts < 1) {
                throw new IllegalArgumentException("retry.attempts must be at least 1");
            }
        }

        public Duration delayBefore(int attempt) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 2);
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
                Duration wait = policy.delayBefore(attempt + 1);
                LOG.warn("{} attempt {}/{} failed ({}); retrying in {} ms", step, attempt, policy.attempts(), reason,
                        wait.toMillis());
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** I/O trouble, transient SQL errors and SQL state class 08 (connection exception), anywhere in the causes. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
