/**
 * Demo history: past checks for the demo endpoints, sent through receiver-service's real
 * ingest API.
 */
@NullMarked
package io.pepper.demo;

import org.jspecify.annotations.NullMarked;
