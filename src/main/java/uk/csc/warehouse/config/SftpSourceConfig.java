package uk.csc.warehouse.config;

import uk.csc.warehouse.support.Retry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where one source's extracts wait on an SFTP server, and how to fetch them: keys {@code sftp.<source>.*}
 * in the sources configuration (see {@code csc-warehouse.example.properties}).
 */
public record SftpSourceConfig(
        String source,
        String host,
        int port,
        String username,
        Optional<Secret> password,
        Optional<Path> privateKeyFile,
        Optional<Secret> privateKeyPassphrase,
        Path knownHostsFile,
        String remoteDir,
        String include,
        AfterDownload afterDownload,
        String doneDir,
        Duration minAge,
        Duration connectTimeout,
        Retry.Policy retry) {

    /** What happens to a remote file once it is safely in the inbox. */
    public enum AfterDownload { MOVE, DELETE }

    /** {@code host:port/folder}: what messages name (never the user's credentials). */
    public String where() {
        return host + ":" + port + " folder " + remoteDir;
    }
}
