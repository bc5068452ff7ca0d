/**
 * Third-party secrets encrypted at rest with AES-GCM, and how they are shown to people.
 */
@NullMarked
package io.pepper.admin.secret;

import org.jspecify.annotations.NullMarked;
