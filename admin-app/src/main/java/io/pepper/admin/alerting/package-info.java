/**
 * The service API failure-service and receiver-service read: every endpoint's effective
 * alert policy, with the channels (secrets decrypted) and maintenance windows.
 */
@NullMarked
package io.pepper.admin.alerting;

import org.jspecify.annotations.NullMarked;
