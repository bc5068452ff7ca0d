/** The HTTP check. */
@NullMarked
@NamedInterface("http")
package io.pepper.probe.check.http;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
