/** The TCP check. */
@NullMarked
@NamedInterface("tcp")
package io.pepper.probe.check.tcp;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
