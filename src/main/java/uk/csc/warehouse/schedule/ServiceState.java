package uk.csc.warehouse.schedule;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import uk.csc.warehouse.support.DataDir;

/**
 * Whether a {@code serve} process is up for a data folder. The service holds an OS lock on
 * {@code DIR/ops/serve.lock} for its whole life (so a second {@code serve} on the same folder refuses to
 * start) and rewrites {@code DIR/ops/serve.heartbeat} every few seconds (so {@code status} can tell a hung
 * service from a live one). The OS drops the lock when the process dies.
 */
public final class ServiceState implements AutoCloseable {

    /** What a probe found: up (with its heartbeat note) or not. */
    public record Probe(boolean up, long pid, Instant started, Instant heartbeat) {
        public Duration heartbeatAge(Instant now) {
            return heartbeat == null ? null : Duration.between(heartbeat, now);
        }
    }

    /** Lock files this JVM holds: probed without opening them (closing a channel would drop the lock). */
    private static final java.util.Set<Path> CLAIMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final Path heartbeatFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final Instant started = Instant.now();

    private ServiceState(Path lockFile, Path heartbeatFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.heartbeatFile = heartbeatFile;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(DataDir d) {
        return d.root().resolve("ops").resolve("serve.lock");
    }

    static Path heartbeatFile(DataDir d) {
        return d.root().resolve("ops").resolve("serve.heartbeat");
    }

    /** Claims the folder for this service; fails if another service already has it. */
    public static synchronized ServiceState claim(DataDir dataDir) throws IOException {
        Path file = lockFile(dataDir);
        if (CLAIMED.contains(file)) {
            throw new IllegalStateException("a service is already running for " + dataDir.root() + " in this process");
        }
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock fl;
        try {
            fl = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            fl = null;
        }
        if (fl == null) {
            ch.close();
            Probe p = probe(dataDir);
            throw new IllegalStateException("a service is already running for " + dataDir.root() + " (pid " + p.pid() + ")");
        }
        ServiceState s = new ServiceState(file, heartbeatFile(dataDir), ch, fl);
        CLAIMED.add(file);
        s.beat();
        return s;
    }

    /** Rewrites the heartbeat note (atomically: a reader never sees half a file). */
    public void beat() throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + started + "\nheartbeat=" + Instant.now() + "\n";
        Path tmp = heartbeatFile.resolveSibling(heartbeatFile.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, heartbeatFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Is a service up for this folder? Safe to call from any process, including the service's own. */
    public static synchronized Probe probe(DataDir dataDir) {
        Path file = lockFile(dataDir);
        boolean up;
        if (CLAIMED.contains(file)) {
            up = true;
        } else if (!Files.exists(file)) {
            up = false;
        } else {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock fl = ch.tryLock();
                up = fl == null;
                if (fl != null) {
                    fl.release();
                }
            } catch (OverlappingFileLockException e) {
                up = true;
            } catch (IOException e) {
                up = false;
            }
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(heartbeatFile(dataDir), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // no heartbeat note: never started here, or cleaned up
        }
        return new Probe(up, Long.parseLong(p.getProperty("pid", "0")), parse(p.getProperty("started")),
                parse(p.getProperty("heartbeat")));
    }

    private static Instant parse(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (ServiceState.class) {
            try {
                lock.release();
            } finally {
                channel.close();
                CLAIMED.remove(lockFile);
            }
        }
    }
}
