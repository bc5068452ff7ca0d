/**
 * The PostgreSQL metric store, in receiver-service's own schema, for the embedded
 * one-command run and small installations.
 */
@NullMarked
package io.pepper.receiver.store.postgres;

import org.jspecify.annotations.NullMarked;
