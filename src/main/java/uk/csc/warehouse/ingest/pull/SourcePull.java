package uk.csc.warehouse.ingest.pull;

import uk.csc.warehouse.support.DataDir;

/**
 * Fetches extracts from remote systems (SFTP drops, source databases) into DIR/inbox/ before the load.
 * Failures that may pass (server down, connection refused) are retried by the nightly job with back-off.
 */
@FunctionalInterface
public interface SourcePull {
    /** Pulls whatever is due; returns how many files arrived. */
    int pullAll(DataDir dataDir) throws Exception;

    /** No remote sources: extracts are dropped straight into the inbox. */
    SourcePull NONE = dataDir -> 0;
}
