package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.json.GoBase64;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Length, hashes (algorithm name to raw digest, base64 in JSON) and optional {@code custom} JSON of a target or a
 * metadata file. {@code custom} is null when absent or JSON null (both omitted on output).
 */
public record FileMeta(long length, Map<String, byte[]> hashes, JsonNode custom) {
    public static final String SHA256 = Hashes.SHA256;
    public static final String SHA512 = Hashes.SHA512;

    public FileMeta {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        Objects.requireNonNull(hashes, "hashes").forEach((alg, digest) -> copy.put(alg, digest.clone()));
        hashes = Collections.unmodifiableMap(copy);
        custom = custom == null || custom.isNull() ? null : custom.deepCopy();
    }

    /** Length plus sha256 and sha512 of {@code bytes}, as notary records metadata files in snapshot/timestamp. */
    public static FileMeta of(byte[] bytes) {
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        hashes.put(SHA256, Hashes.sha256(bytes));
        hashes.put(SHA512, Hashes.sha512(bytes));
        return new FileMeta(bytes.length, hashes, null);
    }

    /** The digest for {@code algorithm} (a copy), or null. */
    public byte[] hash(String algorithm) {
        byte[] digest = hashes.get(algorithm);
        return digest == null ? null : digest.clone();
    }

    @Override
    public Map<String, byte[]> hashes() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        hashes.forEach((alg, digest) -> copy.put(alg, digest.clone()));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public JsonNode custom() {
        return custom == null ? null : custom.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileMeta f) || length != f.length || !Objects.equals(custom, f.custom)
                || !hashes.keySet().equals(f.hashes.keySet())) {
            return false;
        }
        return hashes.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), f.hashes.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(length) * 31 + Objects.hashCode(custom);
        for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FileMeta[length=").append(length).append(", hashes={");
        hashes.forEach((alg, digest) -> b.append(alg).append('=').append(GoBase64.encode(digest)).append(' '));
        return b.append("}, custom=").append(custom).append(']').toString();
    }
}
