/**
 * The checker port: one {@link io.pepper.probe.check.Checker} per kind of check, each in
 * a package of its own, chosen by the spec's kind. A check never throws; it returns a
 * failed result that says why.
 */
@NullMarked
package io.pepper.probe.check;

import org.jspecify.annotations.NullMarked;
