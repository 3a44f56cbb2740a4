package dev.notary4j.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** User name and password for token servers (and Basic challenges). {@link #toString()} hides the password. */
public record BasicCredentials(String username, String password) {
    /**
     * Reads notary's {@code NOTARY_AUTH} format: base64 of {@code user:pass}. Empty for a blank or malformed value.
     */
    public static Optional<BasicCredentials> fromNotaryAuth(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
