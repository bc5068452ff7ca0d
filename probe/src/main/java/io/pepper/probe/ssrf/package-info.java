/**
 * Keeps checks away from internal addresses (loopback, private, link-local, metadata)
 * unless an operator allows them.
 */
@NullMarked
package io.pepper.probe.ssrf;

import org.jspecify.annotations.NullMarked;
