package io.pepper.receiver.ingest;

import java.util.UUID;

/**
 * The answer to an accepted batch: it is queued and will be stored.
 *
 * @param batchId the batch's id
 * @param accepted how many results it held
 */
record BatchAccepted(UUID batchId, int accepted) {

}
