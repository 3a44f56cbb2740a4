package dev.notary4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** A minimal one-layer OCI image layout (oci-layout, index.json, blobs) for skopeo to push, made without network. */
public final class OciLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayout() {
    }

    public static void write(Path dir, String tag) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        byte[] tar = tarWithOneFile("hello.txt", "hello from notary4j\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(tar);
        }
        byte[] layer = gzipped.toByteArray();
        String layerDigest = blob(dir, layer);
        byte[] config = JSON.writeValueAsBytes(Map.of("architecture", "amd64", "os", "linux", "config", Map.of(),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of("sha256:" + sha256(tar)))));
        String configDigest = blob(dir, config);
        byte[] manifest = JSON.writeValueAsBytes(Map.of("schemaVersion", 2,
                "mediaType", "application/vnd.oci.image.manifest.v1+json",
                "config", Map.of("mediaType", "application/vnd.oci.image.config.v1+json", "digest", configDigest,
                        "size", config.length),
                "layers", List.of(Map.of("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip",
                        "digest", layerDigest, "size", layer.length))));
        String manifestDigest = blob(dir, manifest);
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(Map.of("schemaVersion", 2, "manifests",
                List.of(Map.of("mediaType", "application/vnd.oci.image.manifest.v1+json", "digest", manifestDigest,
                        "size", manifest.length, "annotations", Map.of("org.opencontainers.image.ref.name", tag))))));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    public static String manifestDigest(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("index.json").toFile()).at("/manifests/0/digest").asText();
    }

    private static String blob(Path dir, byte[] content) throws IOException {
        String hex = sha256(content);
        Files.write(dir.resolve("blobs/sha256").resolve(hex), content);
        return "sha256:" + hex;
    }

    /** A ustar archive holding one regular file. */
    private static byte[] tarWithOneFile(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        int padded = (content.length + 511) / 512 * 512;
        byte[] tar = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, tar, 0, 512);
        System.arraycopy(content, 0, tar, 512, content.length);
        return tar;
    }

    private static void put(byte[] target, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
