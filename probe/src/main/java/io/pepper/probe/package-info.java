/**
 * The probe: fetches the endpoint list of its location, checks every endpoint each round
 * and sends successes to the receiver and failures to failure-service.
 */
@NullMarked
package io.pepper.probe;

import org.jspecify.annotations.NullMarked;
