package io.pepper.failure.intake;

import java.util.UUID;

/**
 * The answer to a failure batch.
 *
 * @param batchId the batch's id
 * @param accepted reports stored for the first time
 * @param duplicates reports already stored before (a retried batch), ignored
 */
record IntakeReceipt(UUID batchId, int accepted, int duplicates) {

}
