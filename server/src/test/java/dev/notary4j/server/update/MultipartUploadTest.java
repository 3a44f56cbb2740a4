package dev.notary4j.server.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartUploadTest {

    private static final String TYPE = "multipart/form-data; boundary=b0und";
    private static final UploadLimits LIMITS = new UploadLimits(10_000, 1_000);
    private static final String TARGETS = "{\"signed\":{\"_type\":\"Targets\",\"version\":7,"
            + "\"expires\":\"2030-01-01T00:00:00.5+01:00\"},\"signatures\":[{\"keyid\":\"k\",\"method\":\"ecdsa\",\"sig\":\"AAAA\"}]}";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String part(String filename, String body) {
        return "--b0und\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + body + "\r\n";
    }

    @Test
    void readsPartsInOrderWithRoleFromFilenameAndBytesVerbatim() throws Exception {
        String body = "preamble\r\n" + part("targets/releases", TARGETS) + part("root.json", "{\"signed\":{\"version\":1}}")
                + part("snapshot", "{\"signed\":{\"version\":2}}\n  trailing bytes are kept") + "--b0und--\r\nepilogue";
        List<UploadedFile> files = MultipartUpload.parse(TYPE, bytes(body), LIMITS);
        assertThat(files).extracting(UploadedFile::role).containsExactly("targets/releases", "root", "snapshot");
        assertThat(files).extracting(UploadedFile::version).containsExactly(7L, 1L, 2L);
        assertThat(files.get(0).data()).isEqualTo(bytes(TARGETS));
        assertThat(new String(files.get(2).data(), StandardCharsets.UTF_8)).endsWith("trailing bytes are kept");
    }

    @Test
    void acceptsBareLineFeedsAndQuotedBoundaries() throws Exception {
        String body = "--b 0\nContent-Disposition: form-data; filename=\"targets\"\n\n" + TARGETS + "\n--b 0--\n";
        List<UploadedFile> files = MultipartUpload.parse("multipart/form-data; boundary=\"b 0\"", bytes(body), LIMITS);
        assertThat(files).singleElement().satisfies(f -> assertThat(f.data()).isEqualTo(bytes(TARGETS)));
    }

    @Test
    void onlyTheClosingBoundaryIsAnEmptyUpdate() throws Exception {
        assertThat(MultipartUpload.parse(TYPE, bytes("--b0und--\r\n"), LIMITS)).isEmpty();
    }

    @Test
    void emptyOrTruncatedBodiesAreMalformedUploads() {
        for (String body : List.of("", "garbage", "--b0und\r\nContent-Disposition: form-data; filename=\"root\"\r\n\r\n{}",
                "--b0und\r\nContent-Disposition: form-data; filename=\"root\"")) {
            assertThatThrownBy(() -> MultipartUpload.parse(TYPE, bytes(body), LIMITS)).as(body)
                    .isInstanceOfSatisfying(NotaryException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_UPLOAD));
        }
    }

    @Test
    void partsAboveTheLimitAreRefused() {
        String big = "{\"signed\":{\"version\":1},\"pad\":\"" + "x".repeat(1_000) + "\"}";
        assertThatThrownBy(() -> MultipartUpload.parse(TYPE, bytes(part("targets", big) + "--b0und--"), LIMITS))
                .isInstanceOfSatisfying(NotaryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_UPLOAD);
                    assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d.asText()).contains("1000 bytes"));
                });
    }

    @Test
    void firstFailingPartDecidesTheError() {
        String body = part("targets", "not json") + part("Bad", TARGETS) + "--b0und--";
        assertThatThrownBy(() -> MultipartUpload.parse(TYPE, bytes(body), LIMITS))
                .isInstanceOfSatisfying(NotaryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
    }

    @Test
    void versionMustBeAnIntegerAndSignaturesWellTyped() {
        for (String json : List.of("{\"signed\":{\"version\":1.5}}", "{\"signed\":{\"version\":true}}",
                "{\"signatures\":{}}", "{\"signatures\":[{\"keyid\":1}]}", "[]", "{\"signed\":{\"_type\":3}}")) {
            assertThatThrownBy(() -> MultipartUpload.parse(TYPE, bytes(part("targets", json) + "--b0und--"), LIMITS))
                    .as(json).isInstanceOfSatisfying(NotaryException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
        }
    }

    @Test
    void missingFieldsAreZeroValuesAsInGo() throws Exception {
        assertThat(MultipartUpload.parse(TYPE, bytes(part("targets", "{\"unknown\":1}") + "--b0und--"), LIMITS))
                .singleElement().extracting(UploadedFile::version).isEqualTo(0L);
    }
}
