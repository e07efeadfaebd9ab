package uk.csc.warehouse.config;

/** The sources configuration cannot be used as written; the message names the file and the key, never a secret. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
