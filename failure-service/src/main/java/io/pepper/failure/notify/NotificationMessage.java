package io.pepper.failure.notify;

/** What one delivery says: one state change, or a digest of several. */
public sealed interface NotificationMessage permits StateChange, Digest {

}
