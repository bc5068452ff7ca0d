package io.pepper.admin.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to make a token.
 *
 * @param name what the token is for, e.g. "CI"
 */
public record TokenRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*") @Nullable String name) {

}
