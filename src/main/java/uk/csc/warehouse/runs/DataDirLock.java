package uk.csc.warehouse.runs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import uk.csc.warehouse.support.DataDir;

/**
 * One job at a time per data folder, across processes: an OS file lock on {@code DIR/.lock}, so the service,
 * a {@code run} typed at the terminal and a {@code request} run directly never load or build at once. The
 * holder writes who it is (pid, job, run id, since) into the file, so the one that has to wait can say why.
 * The OS drops the lock when the process dies, so a crash never leaves the folder locked.
 * Inside one JVM a fair lock queues threads first (Java refuses two FileLocks on one file in one JVM).
 */
public final class DataDirLock implements AutoCloseable {

    /** Who holds the folder. */
    public record Holder(long pid, String job, String runId, String trigger, Instant since) {
        public String describe() {
            return job + " run " + runId + " (" + trigger + ", pid " + pid + ") running since " + since;
        }

        String serialise() {
            return "pid=" + pid + "\njob=" + job + "\nrun_id=" + runId + "\ntrigger=" + trigger + "\nsince=" + since + "\n";
        }

        static Optional<Holder> parse(String text) {
            try {
                Properties p = new Properties();
                p.load(new StringReader(text));
                if (p.getProperty("run_id") == null) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(Long.parseLong(p.getProperty("pid", "0")), p.getProperty("job"),
                        p.getProperty("run_id"), p.getProperty("trigger"), Instant.parse(p.getProperty("since"))));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The folder stayed busy: the holder at the moment we gave up. */
    public static final class Busy extends Exception {
        public final Holder holder;

        Busy(String message, Holder holder) {
            super(message);
            this.holder = holder;
        }
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final Map<Path, Holder> JVM_HOLDERS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock jvmLock;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, ReentrantLock jvmLock, FileChannel channel, FileLock lock) {
        this.file = file;
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFile(DataDir dataDir) {
        return dataDir.root().resolve(".lock");
    }

    /**
     * Takes the folder, waiting up to {@code wait} for the current holder to finish; gives up at once when
     * {@code giveUpIf} says so about the holder (e.g. it is the same job, and this is a scheduled fire).
     */
    public static DataDirLock acquire(DataDir dataDir, Holder me, Duration wait, Predicate<Holder> giveUpIf)
            throws Busy, InterruptedException, IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        Path file = lockFile(dataDir);
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true));
        Holder seen = null;
        while (true) {
            if (jvmLock.tryLock(100, TimeUnit.MILLISECONDS)) {
                boolean keep = false;
                try {
                    Files.createDirectories(file.getParent());
                    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    FileLock fl;
                    try {
                        fl = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                        fl = null;
                    }
                    if (fl != null) {
                        ch.truncate(0);
                        ch.write(ByteBuffer.wrap(me.serialise().getBytes(StandardCharsets.UTF_8)), 0);
                        ch.force(true);
                        JVM_HOLDERS.put(file, me);
                        keep = true;
                        return new DataDirLock(file, jvmLock, ch, fl);
                    }
                    ch.close();
                    seen = readHolder(file).orElse(seen);
                } finally {
                    if (!keep) {
                        jvmLock.unlock();
                    }
                }
            } else {
                Holder h = JVM_HOLDERS.get(file);
                seen = h == null ? seen : h;
            }
            if (seen != null && giveUpIf.test(seen)) {
                throw new Busy(seen.describe(), seen);
            }
            if (System.nanoTime() > deadline) {
                throw new Busy("the data folder stayed busy for " + wait
                        + (seen == null ? "" : "; last holder: " + seen.describe()), seen);
            }
            Thread.sleep(150);
        }
    }

    /** Who holds the folder now, if anyone (read without locking: the holder's note in DIR/.lock). */
    public static Optional<Holder> holder(DataDir dataDir) {
        Path file = lockFile(dataDir);
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true));
        // Probe the OS lock only while holding the JVM lock: on Linux, closing any channel on a file drops
        // every lock this JVM holds on it, so a probe must never run beside a holder in this JVM.
        if (jvmLock.isHeldByCurrentThread() || !jvmLock.tryLock()) {
            return Optional.ofNullable(JVM_HOLDERS.get(file)); // the reentrant lock would let a probe through
        }
        try {
            return isHeldByAnotherProcess(file) ? readHolder(file) : Optional.empty();
        } finally {
            jvmLock.unlock();
        }
    }

    private static boolean isHeldByAnotherProcess(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock fl = ch.tryLock();
            if (fl == null) {
                return true;
            }
            fl.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static Optional<Holder> readHolder(Path file) {
        try {
            return Holder.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            JVM_HOLDERS.remove(file);
            channel.truncate(0);
            lock.release();
            channel.close();
        } finally {
            jvmLock.unlock();
        }
    }
}
