package uk.csc.warehouse.cli;

/** A mistake the user can put right: its message is the one sentence printed, saying what to do next. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
