package uk.csc.warehouse.ingest.pull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bound as {@code sftpDeliveries}: the pull-sftp routes tell it each file that reached the inbox, and each
 * file that did not (it then stays on the server). Logs name files, never their contents.
 */
public final class SftpDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(SftpDeliveries.class);
    static final String SOURCE = "CscSource";

    private final Map<String, List<String>> delivered = new LinkedHashMap<>();
    private final Map<String, List<String>> failed = new LinkedHashMap<>();

    public synchronized void delivered(Exchange exchange) {
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        delivered.computeIfAbsent(source, s -> new ArrayList<>()).add(name);
        LOG.info("pulled {}/{} ({} bytes)", source, name, exchange.getIn().getHeader(Exchange.FILE_LENGTH));
    }

    public synchronized void failed(Exchange exchange) {
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = cause == null ? "unknown error" : oneLine(cause);
        if (why.contains("File already exist")) {
            why = "an earlier " + name + " is still waiting in inbox/" + source + "/ to be loaded";
        }
        String message = name + ": not delivered, left on the server: " + why;
        failed.computeIfAbsent(source, s -> new ArrayList<>()).add(message);
        LOG.error("sftp source '{}': {}", source, message);
    }

    synchronized List<String> delivered(String source) {
        return List.copyOf(delivered.getOrDefault(source, List.of()));
    }

    synchronized List<String> failed(String source) {
        return List.copyOf(failed.getOrDefault(source, List.of()));
    }

    synchronized void forget(String source) {
        delivered.remove(source);
        failed.remove(source);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
