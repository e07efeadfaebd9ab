package uk.csc.warehouse.ingest.pull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.config.JdbcSourceConfig;
import uk.csc.warehouse.config.SftpSourceConfig;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.support.DataDir;

/**
 * Runs every configured remote pull once (SFTP servers, then reporting databases) and delivers what it fetches
 * into {@code DIR/inbox/<source>/}, atomically, for the drop-folder route to validate and land. The nightly
 * cycle calls {@link #pullAll(DataDir, SourcesConfig)} before the load; {@code pull --data-dir DIR} calls it
 * alone so a council can test its connections.
 *
 * <p>A source that fails (after its bounded retries) is reported in the {@link PullReport} and does not stop the
 * others. A configuration error is thrown before anything is pulled.
 */
public final class RemoteSources {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSources.class);
    static final String TEMPLATE = "pull-sftp";
    static final String ROUTES = "routes/pull-sftp.camel.yaml";

    private final Duration timeout;

    /** @param timeout the most one SFTP source's pull (all retries included) may take before it is abandoned */
    public RemoteSources(Duration timeout) {
        this.timeout = timeout;
    }

    public static RemoteSources defaults() {
        return new RemoteSources(Duration.ofHours(2));
    }

    /** Pulls once, booting (and stopping) a Camel context of its own if there is an SFTP source. */
    public PullReport pullAll(DataDir dataDir, SourcesConfig config) throws Exception {
        if (config.sftp().isEmpty()) {
            return pullAll(dataDir, config, null);
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            return pullAll(dataDir, config, camel);
        }
    }

    /**
     * Pulls once using a running Camel context (the service's): adds one route {@code pull-sftp-<source>} per
     * SFTP source, waits for each to finish its poll, then removes it again.
     */
    public PullReport pullAll(DataDir dataDir, SourcesConfig config, CamelContext camel) throws Exception {
        PullReport report = new PullReport();
        if (config.isEmpty()) {
            LOG.info("no remote sources configured{}", config.file().map(f -> " in " + f).orElse(""));
            return report;
        }
        if (!config.sftp().isEmpty()) {
            pullSftp(dataDir, config.sftp(), camel, report);
        }
        for (JdbcSourceConfig jdbc : config.jdbc()) {
            report.add(new JdbcPull(jdbc, dataDir).pull());
        }
        return report;
    }

    private void pullSftp(DataDir dataDir, List<SftpSourceConfig> sources, CamelContext camel, PullReport report)
            throws Exception {
        SftpDeliveries deliveries = deliveries(camel);
        if (((ModelCamelContext) camel).getRouteTemplateDefinition(TEMPLATE) == null) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "classpath:" + ROUTES));
        }
        Map<SftpSourceConfig, SftpPollStrategy> running = new LinkedHashMap<>();
        Map<SftpSourceConfig, Long> started = new LinkedHashMap<>();
        try {
            for (SftpSourceConfig sftp : sources) {
                deliveries.forget(sftp.source());
                SftpPollStrategy strategy = new SftpPollStrategy(sftp);
                started.put(sftp, System.nanoTime());
                addRoute(camel, dataDir, sftp, strategy);
                running.put(sftp, strategy);
                LOG.info("pulling {} from sftp {}", sftp.source(), sftp.where());
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Map.Entry<SftpSourceConfig, SftpPollStrategy> e : running.entrySet()) {
                SftpSourceConfig sftp = e.getKey();
                String failure;
                try {
                    failure = e.getValue().outcome().get(Math.max(0, deadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS);
                } catch (TimeoutException te) {
                    failure = "sftp source '" + sftp.source() + "' (" + sftp.where() + "): did not finish within "
                            + timeout;
                } catch (ExecutionException ee) {
                    failure = "sftp source '" + sftp.source() + "' (" + sftp.where() + "): "
                            + SftpPollStrategy.detail(ee.getCause());
                }
                removeRoute(camel, routeId(sftp));
                List<String> problems = new ArrayList<>();
                if (failure != null) {
                    problems.add(failure);
                }
                problems.addAll(deliveries.failed(sftp.source()));
                String message = problems.isEmpty() ? null : String.join("; ", problems);
                List<String> delivered = deliveries.delivered(sftp.source());
                long millis = (System.nanoTime() - started.get(sftp)) / 1_000_000;
                if (message == null) {
                    LOG.info("pulled {} file(s) for {} from sftp {} in {} ms", delivered.size(), sftp.source(),
                            sftp.where(), millis);
                } else {
                    LOG.error(message);
                }
                report.add(new PullReport.SourceResult(sftp.source(), PullReport.Kind.SFTP, delivered, List.of(),
                        message, millis, message != null && e.getValue().refused()));
            }
        } finally {
            for (SftpSourceConfig sftp : running.keySet()) {
                removeRoute(camel, routeId(sftp));
            }
        }
    }

    static String routeId(SftpSourceConfig sftp) {
        return "pull-sftp-" + sftp.source();
    }

    private static SftpDeliveries deliveries(CamelContext camel) {
        SftpDeliveries d = camel.getRegistry().lookupByNameAndType("sftpDeliveries", SftpDeliveries.class);
        if (d == null) {
            d = new SftpDeliveries();
            camel.getRegistry().bind("sftpDeliveries", d);
        }
        return d;
    }

    private static void addRoute(CamelContext camel, DataDir dataDir, SftpSourceConfig sftp,
                                 SftpPollStrategy strategy) throws IOException {
        Path inbox = dataDir.inbox(sftp.source());
        Path work = dataDir.root().resolve("work").resolve("sftp").resolve(sftp.source());
        Files.createDirectories(inbox);
        Files.createDirectories(work);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", sftp.source());
        p.put("host", sftp.host());
        p.put("port", String.valueOf(sftp.port()));
        p.put("username", sftp.username());
        sftp.password().ifPresent(s -> p.put("password", s.reveal()));
        sftp.privateKeyFile().ifPresent(k -> p.put("privateKeyFile", slashes(k)));
        sftp.privateKeyPassphrase().ifPresent(s -> p.put("privateKeyPassphrase", s.reveal()));
        p.put("knownHostsFile", slashes(sftp.knownHostsFile()));
        p.put("remoteDir", sftp.remoteDir().replaceFirst("^/+", ""));
        p.put("include", sftp.include());
        if (sftp.afterDownload() == SftpSourceConfig.AfterDownload.DELETE) {
            p.put("delete", "true");
        } else {
            // timestamped so a file delivered under the same name every night never collides with last night's
            p.put("move", sftp.doneDir() + "/${date:now:yyyyMMdd'T'HHmmss}-${file:name}");
        }
        p.put("minAge", String.valueOf(sftp.minAge().toMillis()));
        p.put("readLockTimeout", String.valueOf(sftp.minAge().plusMinutes(2).toMillis()));
        p.put("connectTimeout", String.valueOf(sftp.connectTimeout().toMillis()));
        p.put("workDir", slashes(work));
        p.put("inbox", slashes(inbox));
        // Beans the endpoint refers to by name; one poll strategy per source, since it carries that source's outcome.
        camel.getRegistry().bind(routeId(sftp) + "-poll-strategy", strategy);
        if (camel.getRegistry().lookupByName("pullExceptionHandler") == null) {
            camel.getRegistry().bind("pullExceptionHandler", new QuietPollExceptionHandler());
        }
        p.put("pollStrategy", routeId(sftp) + "-poll-strategy");
        TemplatedRouteBuilder.builder(camel, TEMPLATE)
                .routeId(routeId(sftp))
                .parameters(p)
                .add();
    }

    private static void removeRoute(CamelContext camel, String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            camel.getRegistry().unbind(routeId + "-poll-strategy");
        } catch (Exception e) {
            LOG.warn("could not remove route {}: {}", routeId, e.getMessage());
        }
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }
}
