package uk.csc.warehouse.schedule;

import uk.csc.warehouse.support.Redact;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.DataDirLock;
import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;

/**
 * The long-running service behind {@code serve}: a Quartz scheduler (in-memory RAMJobStore, rebuilt from the
 * config at every start) firing each job's crons, a Camel route taking request files, a start-up catch-up
 * from the run ledger, a heartbeat, and a bounded graceful shutdown.
 */
public final class SchedulerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);
    private static final String GROUP = "csc";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DataDir dataDir;
    private final ScheduleConfig config;
    private final JobRegistry registry;
    private final JobRunner runner;
    /** Due time of a fire Quartz reported as misfired, so the run answers the time it was really due. */
    private final Map<TriggerKey, Instant> missedDue = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger oneShots = new AtomicInteger();
    private final List<String> caughtUp = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ServiceState state;
    private Scheduler quartz;
    private CamelContext camel;
    private ScheduledExecutorService heartbeat;
    private volatile boolean closing;

    public SchedulerService(DataDir dataDir, ScheduleConfig config, JobRegistry registry, Notifier notifier) {
        this.dataDir = dataDir;
        this.config = config;
        this.registry = registry;
        this.runner = new JobRunner(dataDir, config, registry, notifier);
        this.runner.setListener(new OutcomeWriter());
    }

    /** Jobs this start made up a missed fire for. */
    public List<String> caughtUp() {
        return List.copyOf(caughtUp);
    }

    public JobRunner runner() {
        return runner;
    }

    public void start() throws Exception {
        state = ServiceState.claim(dataDir);
        try {
            String liveRun = DataDirLock.holder(dataDir).map(DataDirLock.Holder::runId).orElse(null);
            int stale = runner.ledger().markInterrupted("its process ended before the run could record its end", null, liveRun);
            if (stale > 0) {
                LOG.warn("{} run(s) left 'running' by a process that ended are now recorded as interrupted", stale);
            }
            startQuartz();
            startRequests();
            quartz.start();
            catchUp();
            startHeartbeat();
            LOG.info("serving {} (settings: {}); {}", dataDir.root(), config.describeSource(), nextFires());
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void startQuartz() throws SchedulerException {
        Properties q = new Properties();
        q.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "csc-warehouse-" + INSTANCES.incrementAndGet());
        q.setProperty("org.quartz.threadPool.threadCount", config.get("schedule.threads"));
        q.setProperty("org.quartz.threadPool.threadNamePrefix", "csc-job");
        q.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        q.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(config.duration("schedule.misfire-threshold").toMillis()));
        q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz = new StdSchedulerFactory(q).getScheduler();
        quartz.getContext().put(QuartzJob.SERVICE, this);
        quartz.getListenerManager().addTriggerListener(new TriggerListenerSupport() {
            @Override
            public String getName() {
                return "misfire-due-times";
            }

            @Override
            public void triggerMisfired(Trigger trigger) {
                // Called with the trigger as it was before Quartz moved it on: its next fire is the one missed.
                if (trigger.getNextFireTime() != null) {
                    missedDue.putIfAbsent(trigger.getKey(), trigger.getNextFireTime().toInstant());
                    LOG.warn("{} missed its fire due at {}; firing once now", trigger.getJobKey().getName(),
                            trigger.getNextFireTime().toInstant());
                }
            }
        });
        for (WarehouseJob job : registry.all()) {
            JobDetail detail = newJob(QuartzJob.class).withIdentity(job.name(), GROUP).storeDurably()
                    .withDescription(job.description()).build();
            quartz.addJob(detail, true);
        }
        for (String name : config.scheduledJobs()) {
            List<String> crons = config.crons(name);
            Optional<WarehouseJob> job = registry.get(name);
            if (crons.isEmpty()) {
                continue;
            }
            if (job.isEmpty()) {
                String near = uk.csc.warehouse.config.NearestKey.to(name, registry.all().stream().map(WarehouseJob::name).toList());
                throw new uk.csc.warehouse.config.ConfigException(config.describeSource() + ": schedule." + name
                        + ".cron names no job" + (near == null ? "" : "; did you mean schedule." + near + ".cron?")
                        + " (jobs: " + String.join(", ", registry.all().stream().map(WarehouseJob::name).toList()) + ")");
            }
            if (!job.get().available()) {
                LOG.warn("{} is scheduled but it is not in this build yet: not scheduled until it is", name);
                continue;
            }
            Optional<String> notConfigured = job.get().notConfigured(config);
            if (notConfigured.isPresent()) {
                LOG.warn("{} is not scheduled: {}", name, notConfigured.get());
                continue;
            }
            new CronSchedule(crons, config.timeZone()); // fail fast on a bad cron, naming it
            for (int i = 0; i < crons.size(); i++) {
                Trigger t = newTrigger().withIdentity(name + "#" + i, "cron").forJob(name, GROUP)
                        .usingJobData("trigger", JobTrigger.CRON.label())
                        .usingJobData("options", JobRunner.encode(config.scheduledOptions(name)))
                        .withSchedule(cronSchedule(crons.get(i)).inTimeZone(TimeZone.getTimeZone(config.timeZone()))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build();
                quartz.scheduleJob(t);
            }
        }
    }

    private void startRequests() throws Exception {
        java.nio.file.Files.createDirectories(RequestFiles.folder(dataDir));
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("csc-requests");
        Properties props = new Properties();
        props.setProperty("data.dir", dataDir.root().toString().replace('\\', '/'));
        props.setProperty("requests.poll-delay", String.valueOf(config.duration("requests.poll-delay").toMillis()));
        props.setProperty("requests.read-lock-min-age", config.duration("requests.read-lock-min-age").toMillis() + "ms");
        camel.getPropertiesComponent().setInitialProperties(props);
        camel.getRegistry().bind("requestIntake", new RequestIntake(this, dataDir));
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/requests.camel.yaml"));
        camel.start();
    }

    /** Runs each scheduled job whose latest due fire has no completed run since (machine off, service down): once. */
    private void catchUp() throws SQLException, SchedulerException {
        Instant now = Instant.now();
        Duration maxAge = config.duration("schedule.catch-up.max-age");
        for (String name : config.scheduledJobs()) {
            Optional<WarehouseJob> job = registry.get(name);
            if (config.crons(name).isEmpty() || !config.catchUp(name) || job.isEmpty() || !job.get().available()
                    || job.get().notConfigured(config).isPresent()) {
                continue;
            }
            Optional<Instant> due = new CronSchedule(config.crons(name), config.timeZone()).lastBefore(now, maxAge);
            if (due.isEmpty()) {
                continue;
            }
            // Any run since the fire answers it, a failed or skipped one too: a missed fire is made up once, not at
            // every start (a failing catch-up has notified already; the next cron fire or a request tries again).
            Optional<RunRecord> last = runner.ledger().recent(name, 1).stream().findFirst();
            if (last.isPresent() && !last.get().startedAt().isBefore(due.get())) {
                continue;
            }
            LOG.warn("{} was due at {} and has not run since ({}): running it once now", name, due.get(),
                    last.map(r -> "last run " + r.runId() + " (" + r.status() + ") started " + r.startedAt())
                            .orElse("no run on record"));
            Map<String, String> data = new HashMap<>();
            data.put("due_at", String.valueOf(due.get().toEpochMilli()));
            oneShot(name, JobTrigger.STARTUP_CATCH_UP, config.scheduledOptions(name), null, data);
            caughtUp.add(name);
        }
    }

    /** Queues a job to run now on the scheduler's threads (requests, catch-up). */
    public void submit(String job, JobTrigger trigger, Map<String, String> options, String requestId) throws SchedulerException {
        oneShot(job, trigger, options, requestId, Map.of());
    }

    private void oneShot(String job, JobTrigger trigger, Map<String, String> options, String requestId,
                         Map<String, String> extra) throws SchedulerException {
        JobDataMap data = new JobDataMap();
        data.put("trigger", trigger.label());
        data.put("options", JobRunner.encode(options));
        if (requestId != null) {
            data.put("request_id", requestId);
        }
        data.putAll(extra);
        Trigger t = newTrigger().withIdentity(job + "@" + trigger.label() + "-" + oneShots.incrementAndGet(), "once")
                .forJob(job, GROUP).usingJobData(data).startNow()
                .withSchedule(org.quartz.SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        quartz.scheduleJob(t);
    }

    /** Why a job cannot be requested (null when it can). */
    String whyNotRunnable(String job) {
        Optional<WarehouseJob> j = registry.get(job);
        if (j.isEmpty()) {
            return "no job named '" + job + "'; jobs: " + String.join(", ", registry.all().stream().map(WarehouseJob::name).toList());
        }
        return j.get().available() ? null : "job " + job + " is not in this build yet";
    }

    /** A Quartz fire: work out why and for when, then run it through the runner. */
    void fired(JobExecutionContext ctx) throws SQLException {
        JobDataMap data = ctx.getMergedJobDataMap();
        JobTrigger trigger = JobTrigger.ofLabel(data.getString("trigger"));
        Instant due = null;
        if (trigger == JobTrigger.CRON) {
            Instant missed = missedDue.remove(ctx.getTrigger().getKey());
            due = missed != null ? missed : ctx.getScheduledFireTime().toInstant();
        } else if (data.containsKey("due_at")) {
            due = Instant.ofEpochMilli(Long.parseLong(data.getString("due_at")));
        }
        String requestId = data.containsKey("request_id") ? data.getString("request_id") : null;
        runner.run(new JobRunner.Request(ctx.getJobDetail().getKey().getName(), trigger,
                decode(data.getString("options")), due, requestId));
    }

    private void startHeartbeat() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "csc-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.duration("serve.heartbeat-interval").toMillis();
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                state.beat();
            } catch (IOException | RuntimeException e) {
                LOG.warn("heartbeat not written: {}", Redact.oneLine(e));
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Next fire of each scheduled job, for the start-up log line. */
    public String nextFires() throws SchedulerException {
        Map<String, Instant> next = new LinkedHashMap<>();
        for (TriggerKey k : quartz.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals("cron"))) {
            Trigger t = quartz.getTrigger(k);
            if (t != null && t.getNextFireTime() != null) {
                next.merge(t.getJobKey().getName(), t.getNextFireTime().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return next.isEmpty() ? "nothing scheduled" : "next: " + next;
    }

    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops taking requests, then lets a running job finish within serve.shutdown-timeout (the build only
     * publishes by atomic rename, so stopping at any point leaves the last good warehouse). A job still running
     * after that is interrupted and recorded as interrupted.
     */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        Duration timeout = config.duration("serve.shutdown-timeout");
        try {
            if (camel != null) {
                camel.stop();
            }
            if (heartbeat != null) {
                heartbeat.shutdownNow();
            }
            if (quartz != null) {
                List<JobExecutionContext> running = quartz.getCurrentlyExecutingJobs();
                if (!running.isEmpty()) {
                    LOG.info("stopping: waiting up to {} for {} to finish", timeout,
                            running.stream().map(c -> c.getJobDetail().getKey().getName()).toList());
                }
                Thread waiter = new Thread(() -> {
                    try {
                        quartz.shutdown(true);
                    } catch (SchedulerException e) {
                        LOG.warn("scheduler shutdown: {}", Redact.oneLine(e));
                    }
                }, "csc-shutdown");
                waiter.start();
                waiter.join(timeout.toMillis());
                if (waiter.isAlive()) {
                    LOG.warn("a job was still running after {}: interrupting it", timeout);
                    for (JobExecutionContext c : quartz.getCurrentlyExecutingJobs()) {
                        quartz.interrupt(c.getJobDetail().getKey());
                    }
                    waiter.join(Math.min(5_000, Math.max(1_000, timeout.toMillis())));
                    int n = runner.ledger().markInterrupted("stopped: still running " + timeout
                            + " after the service was asked to stop; the last good warehouse stays published",
                            ProcessHandle.current().pid(), null);
                    LOG.warn("{} run(s) recorded as interrupted", n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("during shutdown: {}", Redact.oneLine(e));
        } finally {
            try {
                if (state != null) {
                    state.close();
                }
            } catch (IOException e) {
                LOG.warn("releasing the service lock: {}", Redact.oneLine(e));
            }
            LOG.info("stopped");
            stopped.countDown();
        }
    }

    JobKey jobKey(String job) {
        return JobKey.jobKey(job, GROUP);
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> m = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return m;
        }
        for (String kv : encoded.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    /** Writes requests/outcomes/<id>.outcome as a requested run starts and ends. */
    private final class OutcomeWriter implements JobRunner.Listener {
        @Override
        public void started(JobRunner.Request request, RunRecord run) {
            write(request, run, RunRecord.RUNNING);
        }

        @Override
        public void finished(JobRunner.Request request, RunRecord run) {
            write(request, run, run.status());
        }

        private void write(JobRunner.Request request, RunRecord run, String status) {
            if (request.requestId() == null) {
                return;
            }
            try {
                RequestFiles.writeOutcome(dataDir, request.requestId(),
                        RequestFiles.outcome(request.requestId(), request.job(), status, run, run.reason()));
            } catch (IOException e) {
                LOG.warn("could not write the outcome of request {}: {}", request.requestId(), Redact.oneLine(e));
            }
        }
    }
}
