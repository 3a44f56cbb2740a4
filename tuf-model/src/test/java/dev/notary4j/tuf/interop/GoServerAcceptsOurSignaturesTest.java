package dev.notary4j.tuf.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.json.TufJson;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures tuf-model makes with every key type are accepted by the Go tools: a repository whose root
 * certificate (ecdsa-x509), targets key (rsa, rsapss), snapshot key (ed25519, eddsa) and metadata are all made and
 * signed by tuf-model is uploaded to the real Go notary-server, which validates every signature, and then listed by
 * the real Go notary CLI from an empty trust directory, which verifies them again.
 */
class GoServerAcceptsOurSignaturesTest {

    @TempDir
    static Path dir;
    static GoNotaryServer goServer;
    static HttpClient http;

    @BeforeAll
    static void startGoServer() {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        goServer = GoNotaryServer.builder(pki, dir.resolve("go")).localSigner().start();
        http = HttpClient.newBuilder().sslContext(pki.clientSslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (goServer != null) {
            goServer.close();
        }
    }

    @Test
    void goServerAndCliAcceptARepositorySignedByTufModel() throws Exception {
        String gun = "example.com/tuf-model/signed";
        byte[] target = "hello from tuf-model".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = upload(gun, repository(gun, target, false));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        NotaryCli.Result list = NotaryCli.forServer(dir.resolve("trust"), goServer.url(), goServer.pki().rootCaCert())
                .run("list", gun).requireSuccess();
        assertThat(list.stdout()).contains("v1").contains(HexFormat.of().formatHex(Hashes.sha256(target)));
    }

    @Test
    void theSameUploadWithOneBrokenSignatureIsRefused() throws Exception {
        String gun = "example.com/tuf-model/broken";
        HttpResponse<String> response = upload(gun, repository(gun, "x".getBytes(StandardCharsets.UTF_8), true));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("INVALID_UPDATE").contains("ErrBadTargets");
    }

    /** root, targets and snapshot files, with the targets signature broken on request. */
    private static Map<String, byte[]> repository(String gun, byte[] target, boolean breakTargetsSignature)
            throws Exception {
        TufKey timestampKey = serverTimestampKey(gun);
        TufPrivateKey rootKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey rootCertificate = Certificates.generateRootCertificate(rootKey, gun,
                Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(3650)));
        TufPrivateKey targetsKey = TufPrivateKey.generate(KeyAlgorithm.RSA);
        TufPrivateKey snapshotKey = TufPrivateKey.generate(KeyAlgorithm.ED25519);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusYears(3);

        Map<String, TufKey> keys = new LinkedHashMap<>();
        keys.put(rootCertificate.id(), rootCertificate);
        keys.put(targetsKey.id(), targetsKey.publicKey());
        keys.put(snapshotKey.id(), snapshotKey.publicKey());
        keys.put(timestampKey.id(), timestampKey);
        Map<String, Role> roles = Map.of(
                "root", new Role(List.of(rootCertificate.id()), 1),
                "targets", new Role(List.of(targetsKey.id()), 1),
                "snapshot", new Role(List.of(snapshotKey.id()), 1),
                "timestamp", new Role(List.of(timestampKey.id()), 1));
        byte[] root = SignedMetadata.sign(new Root(expires, 1, keys, roles, false),
                List.of(MetadataSigner.of(rootKey, rootCertificate.id()))).raw();
        byte[] targets = SignedMetadata.sign(Targets.empty(expires, 1).withTarget("v1", FileMeta.of(target)),
                List.of(MetadataSigner.of(targetsKey))).raw();
        if (breakTargetsSignature) {
            targets = flipOneSignatureByte(targets);
        }
        byte[] snapshot = SignedMetadata.sign(new Snapshot(expires, 1,
                        Map.of("root", FileMeta.of(root), "targets", FileMeta.of(targets))),
                List.of(MetadataSigner.of(snapshotKey))).raw();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("root", root);
        files.put("targets", targets);
        files.put("snapshot", snapshot);
        return files;
    }

    private static TufKey serverTimestampKey(String gun) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                URI.create(goServer.url() + "/v2/" + gun + "/_trust/tuf/timestamp.key")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = TufJson.parse(response.body());
        return new TufKey(key.get("keytype").asText(), Base64.getDecoder().decode(key.get("keyval").get("public").asText()));
    }

    private static byte[] flipOneSignatureByte(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        int sig = text.indexOf("\"sig\":\"") + 7;
        char replacement = text.charAt(sig) == 'A' ? 'B' : 'A';
        return (text.substring(0, sig) + replacement + text.substring(sig + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> upload(String gun, Map<String, byte[]> files) throws Exception {
        String boundary = HexFormat.of().formatHex(Hashes.sha256(gun.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var e : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + e.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(e.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(goServer.url() + "/v2/" + gun + "/_trust/tuf/"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
