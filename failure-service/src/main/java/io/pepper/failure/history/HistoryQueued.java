package io.pepper.failure.history;

/** A transaction queued failure reports for history; forward them once it commits. */
record HistoryQueued() {

}
