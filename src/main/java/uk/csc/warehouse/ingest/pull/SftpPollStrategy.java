package uk.csc.warehouse.ingest.pull;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.config.SftpSourceConfig;

/**
 * Decides what a failed poll of one SFTP source means. Unreachable server, dropped connection or timeout:
 * retry the poll at once after a bounded exponential back-off ({@code sftp.<source>.retry.*}). Refused host
 * key, refused login or a missing folder: retrying cannot help, so stop. Either way the outcome names host,
 * port and folder, and the user name for a refused login, never a password or key.
 * {@link #outcome()} completes with null after a successful poll, or with the failure message.
 */
final class SftpPollStrategy extends RemoteFilePollingConsumerPollStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(SftpPollStrategy.class);

    private final SftpSourceConfig config;
    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    private volatile boolean refused;

    SftpPollStrategy(SftpSourceConfig config) {
        this.config = config;
    }

    CompletableFuture<String> outcome() {
        return outcome;
    }

    /** The poll failed for a reason retrying cannot cure (host key, login, folder): permanent. */
    boolean refused() {
        return refused;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        outcome.complete(null);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) throws Exception {
        super.rollback(consumer, endpoint, retryCounter, e); // drops the broken session so the retry reconnects
        int attempt = retryCounter + 1;
        String detail = detail(e);
        String permanent = permanentReason(e, detail);
        if (permanent != null) {
            refused = true;
            outcome.complete(prefix() + permanent + ": " + detail);
            return false;
        }
        if (attempt >= config.retry().attempts() || outcome.isDone()) {
            outcome.complete(prefix() + "cannot reach the server after " + attempt
                    + (attempt == 1 ? " attempt: " : " attempts: ") + detail);
            return false;
        }
        Duration delay = config.retry().delayAfter(attempt);
        LOG.warn("sftp source '{}': {} unreachable (attempt {} of {}), retrying in {} ms: {}", config.source(),
                config.where(), attempt, config.retry().attempts(), delay.toMillis(), detail);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            outcome.complete(prefix() + "interrupted while waiting to retry");
            return false;
        }
        return true;
    }

    private String prefix() {
        return "sftp source '" + config.source() + "' (" + config.where() + "): ";
    }

    /** Why retrying cannot help, or null if it might. */
    private String permanentReason(Throwable e, String detail) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JSchUnknownHostKeyException) {
                return "host key refused: the server's key is not in " + config.knownHostsFile() + " (check its"
                        + " fingerprint with the server's administrator, then add it, e.g. from ssh-keyscan)";
            }
            if (t instanceof JSchChangedHostKeyException || t instanceof JSchRevokedHostKeyException) {
                return "host key refused: the server's key does not match the one in " + config.knownHostsFile()
                        + " (possible interception, or the server was rebuilt; confirm with its administrator)";
            }
            if (t instanceof JSchHostKeyException) {
                return "host key refused (known hosts: " + config.knownHostsFile() + ")";
            }
        }
        String d = detail.toLowerCase(Locale.ROOT);
        if (d.contains("auth fail") || d.contains("auth cancel") || d.contains("authentication")) {
            return "login refused for user '" + config.username() + "' (check the password or private key)";
        }
        if (d.contains("no such file") || d.contains("cannot change directory") || d.contains("permission denied")) {
            return "remote folder not readable";
        }
        return null;
    }

    /** The cause chain in one line: Camel's wrapper names the server, JSch says what went wrong. */
    static String detail(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 600; t = t.getCause()) {
            String m = SftpDeliveries.oneLine(t);
            if (s.indexOf(m) < 0) {
                s.append(s.length() == 0 ? "" : " <- ").append(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return s.toString();
    }
}
