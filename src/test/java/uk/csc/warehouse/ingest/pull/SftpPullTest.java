package uk.csc.warehouse.ingest.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.support.DataDir;

/**
 * A real SFTP server (Apache MINA SSHD, in this JVM, on a free loopback port, password login) and the real
 * pull-sftp route: files arrive in the inbox byte for byte, the remote copy is moved aside only afterwards,
 * a server whose host key we do not know (or that changed) is refused, and a dead server is retried then named.
 */
class SftpPullTest {
    private static final String USER = "csc-extract";
    // Synthetic test credential; special characters prove it survives the endpoint URI unharmed.
    private static final String PASSWORD = "t3st&p@ss=w+rd%#1";
    private static final byte[] PERSON_CSV = ("pers_person_id,pers_forename,pers_dob\r\n"
            + "P1,\"Amy, Jo\",2012-03-04\r\nP2,\"Sam \"\"SJ\"\"\",\r\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path remoteRoot;
    Path outbound;
    DataDir dataDir;
    SshServer sshd;
    PublicKey hostKey;
    long serverStartMillis;

    @BeforeEach
    void startServer() throws Exception {
        remoteRoot = Files.createDirectories(tmp.resolve("remote"));
        outbound = Files.createDirectories(remoteRoot.resolve("outbound/ssd"));
        dataDir = new DataDir(tmp.resolve("data"));
        long t0 = System.nanoTime();
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(tmp.resolve("hostkey.ser"));
        keys.setAlgorithm("EC");
        sshd.setKeyPairProvider(keys);
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(remoteRoot));
        sshd.start();
        hostKey = keys.loadKeys(null).iterator().next().getPublic();
        serverStartMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("SFTP test server started in " + serverStartMillis + " ms on port " + sshd.getPort());
    }

    @AfterEach
    void stopServer() throws IOException {
        if (sshd != null) {
            sshd.stop(true);
        }
    }

    @Test
    void delivers_into_the_inbox_byte_for_byte_and_moves_the_remote_file_to_done() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        Files.writeString(outbound.resolve("ssd_contacts_20261122.csv"), "cont_contact_id,cont_person_id\nC1,P1\n");
        Files.writeString(outbound.resolve("readme.txt"), "not an extract");
        Files.writeString(outbound.resolve(".uploading.csv"), "a,b\n");

        PullReport report = pull(config(knownHosts(hostKey), Map.of()));

        PullReport.SourceResult r = report.result("case", PullReport.Kind.SFTP).orElseThrow();
        assertNull(r.failure(), r.failure());
        assertEquals(List.of("ssd_contacts_20261122.csv", "ssd_person.csv"), r.delivered());
        Path inbox = dataDir.inbox("case");
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(inbox.resolve("ssd_person.csv")), "byte-identical");
        assertEquals(List.of("ssd_contacts_20261122.csv", "ssd_person.csv"), names(inbox), "no temp files left");

        assertEquals(List.of(".done", ".uploading.csv", "readme.txt"), names(outbound),
                "extracts left the outbound folder; other files are untouched");
        List<String> done = names(outbound.resolve(".done"));
        assertEquals(2, done.size(), done.toString());
        Path movedPerson = outbound.resolve(".done").resolve(done.stream()
                .filter(n -> n.endsWith("-ssd_person.csv")).findFirst().orElseThrow());
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(movedPerson), "the server keeps its copy in .done");
        assertEquals(List.of(), names(dataDir.root().resolve("work/sftp/case")), "work folder emptied");
    }

    @Test
    void the_pull_command_tests_a_connection_from_the_configuration_file() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        Path file = configFile(knownHosts(hostKey), Map.of("sftp.case.password", PASSWORD));
        assertEquals(0, Main.execute("pull", "--data-dir", dataDir.root().toString(), "--config", file.toString()));
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(dataDir.inbox("case").resolve("ssd_person.csv")));

        Files.write(outbound.resolve("ssd_contacts.csv"), PERSON_CSV);
        Files.writeString(tmp.resolve("known_hosts"), "");
        assertEquals(1, Main.execute("pull", "--data-dir", dataDir.root().toString(), "--config", file.toString()),
                "an unknown host key fails the command");
    }

    @Test
    void a_private_key_logs_in_without_a_password() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair clientKey = gen.generateKeyPair();
        sshd.setPublickeyAuthenticator((user, key, session) ->
                USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        Path keyFile = tmp.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "csc-test", null, out);
        }
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        Path file = configFile(knownHosts(hostKey), Map.of("sftp.case.private-key-file", "id_ecdsa"));
        String withoutPassword = Files.readString(file).replaceAll("(?m)^sftp\\.case\\.password=.*\n", "");
        SourcesConfig config = SourcesConfig.load(Files.writeString(file, withoutPassword), Map.of());
        assertTrue(config.sftp().get(0).password().isEmpty());

        PullReport report = pull(config);

        assertTrue(report.ok(), report.failures().toString());
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(dataDir.inbox("case").resolve("ssd_person.csv")));
    }

    @Test
    void delete_mode_removes_the_remote_file_after_delivery() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        PullReport report = pull(config(knownHosts(hostKey), Map.of("sftp.case.after-download", "delete")));
        assertTrue(report.ok(), report.failures().toString());
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(dataDir.inbox("case").resolve("ssd_person.csv")));
        assertEquals(List.of(), names(outbound));
    }

    @Test
    void a_file_already_waiting_in_the_inbox_is_not_overwritten_and_stays_on_the_server() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        Files.createDirectories(dataDir.inbox("case"));
        Files.writeString(dataDir.inbox("case").resolve("ssd_person.csv"), "earlier,unloaded\n");

        PullReport report = pull(config(knownHosts(hostKey), Map.of()));

        String failure = report.result("case", PullReport.Kind.SFTP).orElseThrow().failure();
        assertTrue(failure.contains("ssd_person.csv: not delivered, left on the server"), failure);
        assertTrue(failure.contains("still waiting in inbox/case/"), failure);
        assertEquals("earlier,unloaded\n", Files.readString(dataDir.inbox("case").resolve("ssd_person.csv")));
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(outbound.resolve("ssd_person.csv")), "still on the server");
    }

    @Test
    void an_unknown_host_key_is_refused_and_nothing_is_fetched() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        Path emptyKnownHosts = Files.writeString(tmp.resolve("known_hosts_empty"), "");

        PullReport report = pull(config(emptyKnownHosts, Map.of()));

        String failure = report.result("case", PullReport.Kind.SFTP).orElseThrow().failure();
        assertTrue(failure.startsWith("sftp source 'case' (127.0.0.1:" + sshd.getPort() + " folder /outbound/ssd): "
                + "host key refused: the server's key is not in "), failure);
        assertTrue(failure.contains("reject HostKey: [127.0.0.1]:" + sshd.getPort()), failure);
        assertFalse(failure.contains(PASSWORD), "no secret in the message");
        assertNothingMoved();
    }

    /**
     * The nightly cycle's rule for a permanent failure (issue 14): a refused host key is never retried, neither by
     * the source's own retry nor by the pull round's (schedule.retry.*), and the run fails before the load.
     */
    @Test
    void a_refused_host_key_fails_the_nightly_at_once_without_a_retry() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
        sshd.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                sessions.incrementAndGet();
            }
        });
        Files.createDirectories(dataDir.root());
        configFile(Files.writeString(dataDir.root().resolve("known_hosts"), ""), Map.of("sftp.case.password", PASSWORD,
                "sftp.case.retry.initial-delay", "10ms", "schedule.retry.attempts", "3",
                "schedule.retry.initial-delay", "10ms", "schedule.retry.max-delay", "20ms"));

        int exit = uk.csc.warehouse.cli.Main.execute("run", "--data-dir", dataDir.root().toString());

        assertEquals(1, exit);
        assertEquals(1, sessions.get(), "one connection: the refusal was not retried");
        uk.csc.warehouse.runs.RunRecord run = uk.csc.warehouse.runs.RunLedger.of(dataDir).recent("nightly", 1).get(0);
        assertEquals(uk.csc.warehouse.runs.RunRecord.FAILED, run.status());
        assertTrue(run.reason().contains("host key refused"), run.reason());
        assertFalse(Files.exists(dataDir.warehouse()), "nothing was loaded or built");
        assertNothingMoved();
    }

    @Test
    void a_changed_host_key_is_refused() throws Exception {
        Files.write(outbound.resolve("ssd_person.csv"), PERSON_CSV);
        // same key type as the server's (EC nistp521), different key: what a man in the middle would present
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair impostor = gen.generateKeyPair();

        PullReport report = pull(config(knownHosts(impostor.getPublic()), Map.of()));

        String failure = report.result("case", PullReport.Kind.SFTP).orElseThrow().failure();
        assertTrue(failure.contains("host key refused: the server's key does not match the one in "), failure);
        assertNothingMoved();
    }

    @Test
    void a_server_that_is_down_is_retried_with_back_off_then_named_in_the_failure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path known = Files.writeString(tmp.resolve("known_hosts_down"),
                "[127.0.0.1]:" + closedPort + " " + PublicKeyEntry.toString(hostKey) + "\n");
        SourcesConfig config = config(known, Map.of("sftp.case.port", String.valueOf(closedPort),
                "sftp.case.retry.attempts", "3", "sftp.case.retry.initial-delay", "20ms",
                "sftp.case.retry.max-delay", "40ms"));

        long t0 = System.nanoTime();
        PullReport report = pull(config);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        String failure = report.result("case", PullReport.Kind.SFTP).orElseThrow().failure();
        assertTrue(failure.startsWith("sftp source 'case' (127.0.0.1:" + closedPort + " folder /outbound/ssd): "
                + "cannot reach the server after 3 attempts: "), failure);
        assertFalse(failure.contains(PASSWORD), "no secret in the message");
        assertFalse(failure.contains(USER + ":"), "no credentials in the message");
        assertTrue(millis >= 60, "backed off 20 + 40 ms between the attempts, took " + millis + " ms");
    }

    private void assertNothingMoved() throws IOException {
        assertArrayEquals(PERSON_CSV, Files.readAllBytes(outbound.resolve("ssd_person.csv")));
        assertEquals(List.of("ssd_person.csv"), names(outbound));
        assertEquals(List.of(), names(dataDir.inbox("case")));
    }

    private PullReport pull(SourcesConfig config) throws Exception {
        return new RemoteSources(Duration.ofSeconds(60)).pullAll(dataDir, config);
    }

    /** The file a council writes, with the password given through the environment, not the file. */
    private SourcesConfig config(Path knownHosts, Map<String, String> overrides) throws IOException {
        return SourcesConfig.load(configFile(knownHosts, overrides), Map.of("CSC_TEST_SFTP_PASSWORD", PASSWORD));
    }

    private Path configFile(Path knownHosts, Map<String, String> overrides) throws IOException {
        StringBuilder s = new StringBuilder()
                .append("sftp.case.host=127.0.0.1\n")
                .append("sftp.case.port=").append(sshd.getPort()).append('\n')
                .append("sftp.case.username=").append(USER).append('\n')
                .append("sftp.case.password=${env:CSC_TEST_SFTP_PASSWORD}\n")
                .append("sftp.case.known-hosts-file=").append(knownHosts.getFileName()).append('\n')
                .append("sftp.case.remote-dir=/outbound/ssd\n")
                .append("sftp.case.min-age=1ms\n")
                .append("sftp.case.connect-timeout=5s\n");
        overrides.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return Files.writeString(knownHosts.resolveSibling("csc-warehouse.properties"), s.toString());
    }

    private Path knownHosts(PublicKey key) throws IOException {
        return Files.writeString(tmp.resolve("known_hosts"),
                "[127.0.0.1]:" + sshd.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
