package uk.csc.warehouse.nightly;

import uk.csc.warehouse.support.Redact;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per step of a job, with its duration and counts (the run id comes from the MDC). */
public final class Steps {
    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

    private Steps() {}

    public static <T> T timed(String step, Callable<T> work, Function<T, String> summary) throws Exception {
        long started = System.nanoTime();
        LOG.info("step {} started", step);
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            LOG.error("step {} failed after {} ms: {}", step, (System.nanoTime() - started) / 1_000_000, Redact.oneLine(e));
            throw e;
        }
        LOG.info("step {} done in {} ms: {}", step, (System.nanoTime() - started) / 1_000_000, summary.apply(result));
        return result;
    }
}
