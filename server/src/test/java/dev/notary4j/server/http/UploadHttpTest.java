package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.TestPki;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST update transport: caps (our addition; Go has none) on the whole body, chunked bodies and single files, and
 * the streams the Go server crashes on (it closes the connection), answered 400 MALFORMED_UPLOAD here.
 */
class UploadHttpTest {

    private static final String TYPE = "multipart/form-data; boundary=cap";

    @Test
    void oversizedUploadsAreRefusedWithMalformedUpload(@TempDir Path dir) {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki, config -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                config.get("server")).put("max_upload_bytes", 2000).put("max_file_bytes", 500))) {
            String path = "/v2/limits/_trust/tuf/";
            HttpResponse<String> declared = server.send("POST", path, TYPE, new byte[2001]);
            assertThat(declared.statusCode()).isEqualTo(400);
            assertThat(declared.body()).isEqualTo("{\"errors\":[{\"code\":\"MALFORMED_UPLOAD\",\"message\":"
                    + "\"The body of your request is malformed.\",\"detail\":\"request body exceeds 2000 bytes\"}]}\n");

            HttpResponse<String> chunked = server.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Content-Type", TYPE)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[50_000]))));
            assertThat(chunked.statusCode()).isEqualTo(400);
            assertThat(chunked.body()).contains("request body exceeds 2000 bytes");

            String part = "--cap\r\nContent-Disposition: form-data; name=\"files\"; filename=\"targets\"\r\n\r\n"
                    + "{\"signed\":{\"version\":1},\"pad\":\"" + "x".repeat(600) + "\"}\r\n--cap--\r\n";
            HttpResponse<String> bigFile = server.send("POST", path, TYPE, part.getBytes(StandardCharsets.UTF_8));
            assertThat(bigFile.statusCode()).isEqualTo(400);
            assertThat(bigFile.body()).contains("MALFORMED_UPLOAD").contains("a metadata file exceeds 500 bytes");

            assertThat(server.get("/v2/").statusCode()).as("server still serves").isEqualTo(200);
        }
    }

    @Test
    void emptyAndTruncatedMultipartStreamsAreMalformedUploads(@TempDir Path dir) {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki)) {
            String malformed = "{\"errors\":[{\"code\":\"MALFORMED_UPLOAD\",\"message\":"
                    + "\"The body of your request is malformed.\"}]}\n";
            for (String body : new String[] {"", "--cap\r\nContent-Disposition: form-data; filename=\"root\"\r\n\r\n{"}) {
                HttpResponse<String> response = server.send("POST", "/v2/empty/_trust/tuf/", TYPE,
                        body.getBytes(StandardCharsets.UTF_8));
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).isEqualTo(malformed);
            }
        }
    }
}
