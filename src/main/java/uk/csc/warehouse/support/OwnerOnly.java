package uk.csc.warehouse.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and folders that hold children's data (lake, archive, quarantine, scratch copies) are readable by their
 * owner alone, whatever the process umask: the permissions are set explicitly after creation, since a umask of
 * 022 would otherwise leave them world-readable. On a file system without POSIX permissions (Windows) the
 * folder's ACL applies and these calls do nothing.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parents, each rwx------; an existing {@code dir} is made so too. */
    public static Path createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(dir);
        for (Path p : missing) {
            set(p, DIR);
        }
        set(dir, DIR);
        return dir;
    }

    /** Makes an existing file rw------- (before it is moved into place, so it is never visible otherwise). */
    public static Path restrict(Path file) throws IOException {
        set(file, FILE);
        return file;
    }

    /** Writes UTF-8 text to a file that is rw------- from the moment it exists. */
    public static Path writeString(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return restrict(file);
    }

    private static void set(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: permissions come from the folder's ACL.
        }
    }
}
