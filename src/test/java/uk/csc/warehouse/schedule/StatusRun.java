package uk.csc.warehouse.schedule;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import uk.csc.warehouse.cli.Main;

/** Runs {@code status} in-process and keeps what it printed and its exit code. */
final class StatusRun {
    static int lastExit;

    private StatusRun() {}

    static synchronized String of(Path dataDir) {
        PrintStream was = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            lastExit = Main.execute("status", "--data-dir", dataDir.toString());
        } finally {
            System.setOut(was);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
