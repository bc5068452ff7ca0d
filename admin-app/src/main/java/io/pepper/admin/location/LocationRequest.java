package io.pepper.admin.location;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create a location.
 *
 * @param name e.g. {@code eu-west}: lower-case letters, digits, '.', '_' or '-'
 */
public record LocationRequest(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}",
		message = "must be 1 to 63 lower-case letters, digits, '.', '_' or '-'") @Nullable String name) {

}
