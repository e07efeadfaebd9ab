package uk.csc.warehouse.schedule;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;

/**
 * The bean behind route {@code requests} (routes/requests.camel.yaml): reads a request file, answers
 * "rejected" (unknown job, malformed file) or "queued", and hands the job to the scheduler. It never runs the
 * job on Camel's thread, so a long Annex A build never holds up the next request file or the shutdown.
 */
public final class RequestIntake {
    private static final Logger LOG = LoggerFactory.getLogger(RequestIntake.class);

    private final SchedulerService service;
    private final DataDir dataDir;

    RequestIntake(SchedulerService service, DataDir dataDir) {
        this.service = service;
        this.dataDir = dataDir;
    }

    public void accept(Exchange exchange) throws Exception {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] body = exchange.getIn().getBody(byte[].class);
        RequestFiles.Parsed req;
        try {
            req = RequestFiles.parse(fileName, new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            String id = fileName.replaceAll("\\.request$", "").replaceAll("[^A-Za-z0-9._-]", "_");
            LOG.warn("request {} rejected: {}", fileName, e.getMessage());
            RequestFiles.writeOutcome(dataDir, id, RequestFiles.outcome(id, "", "rejected", null, e.getMessage()));
            return;
        }
        String problem = service.whyNotRunnable(req.job());
        if (problem != null) {
            LOG.warn("request {} for {} rejected: {}", req.id(), req.job(), problem);
            RequestFiles.writeOutcome(dataDir, req.id(), RequestFiles.outcome(req.id(), req.job(), "rejected", null, problem));
            return;
        }
        RequestFiles.writeOutcome(dataDir, req.id(), RequestFiles.outcome(req.id(), req.job(), "queued", null, null));
        service.submit(req.job(), JobTrigger.REQUEST, req.options(), req.id());
        LOG.info("request {} queued: {} {}", req.id(), req.job(), JobRunner.encode(req.options()));
    }
}
