package dev.notary4j.signer.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/** A private_keys row captured from the Go notary-signer (see src/test/resources/go-vectors/README.md). */
record GoRow(String keyId, String algorithm, String alias, String passphrase, String gun, String role,
             byte[] publicBytes, String privateJwe) {

    static GoRow load(String name) {
        try (InputStream in = GoRow.class.getResourceAsStream("/go-vectors/" + name)) {
            JsonNode json = new ObjectMapper().readTree(in);
            return new GoRow(json.get("key_id").asText(), json.get("algorithm").asText(),
                    json.get("passphrase_alias").asText(), json.get("passphrase").asText(), json.get("gun").asText(),
                    json.get("role").asText(), Base64.getDecoder().decode(json.get("public_base64").asText()),
                    json.get("private_jwe").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoRow ecdsa() {
        return load("ecdsa-row.json");
    }

    static GoRow ed25519() {
        return load("ed25519-row.json");
    }

    Passphrase passphraseObject() {
        return new Passphrase(alias, passphrase.toCharArray());
    }
}
