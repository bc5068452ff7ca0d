/** The DNS check. */
@NullMarked
@NamedInterface("dns")
package io.pepper.probe.check.dns;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
