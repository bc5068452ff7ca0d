/**
 * Version 1 of the types the services exchange over HTTP as JSON. Plain records: no
 * Spring, no JPA. Each record checks its own invariants, so a malformed payload fails
 * while it is read, with a message naming the field.
 */
@NullMarked
package io.pepper.contracts.v1;

import org.jspecify.annotations.NullMarked;
