package io.pepper.admin.token;

import java.util.UUID;

/**
 * A probe authenticated by its token.
 *
 * @param tokenId the token used
 * @param name the token's name
 */
public record ProbeCaller(UUID tokenId, String name) {

}
