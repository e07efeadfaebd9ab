package uk.csc.warehouse.ingest.pull;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull routes' consumer exception handler: {@link SftpPollStrategy} has already reported a failed poll in
 * one line naming host and folder, so Camel's own copy (with a stack trace) goes to DEBUG only.
 */
final class QuietPollExceptionHandler implements ExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QuietPollExceptionHandler.class);

    @Override
    public void handleException(Throwable exception) {
        LOG.debug("sftp poll failed", exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        LOG.debug("sftp poll failed", exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        LOG.debug("sftp poll failed", exception);
    }
}
