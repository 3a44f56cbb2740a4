package dev.notary4j.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.DevTokenIssuer;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker CLI's content-trust commands (no daemon needed for these) against our server and the Go notary-server,
 * both behind the same token issuer: key generate, signer add (initialises the repository), an image pushed with
 * skopeo to a real docker-registry and its manifest digest and size signed into targets/releases under its tag, the
 * way a docker push with content trust would (notary addhash with docker's trust dir), inspect, revoke, signer
 * remove. The inspect JSON must be the same for both servers once key IDs are masked.
 */
class DockerTrustTokenAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String repository;
    private String manifestSha256;
    private long manifestSize;

    @Test
    void dockerTrustFlowsMatchTheGoServer(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        Path users = Files.writeString(dir.resolve("users"), "alice:alicepw:push,pull\nadmin:adminpw:*\n");
        int registryPort = FreePorts.pick();
        repository = "127.0.0.1:" + registryPort + "/team/app";
        Process registry = startRegistry(dir.resolve("registry"), registryPort);
        try (DevTokenIssuer issuer = DevTokenIssuer.start(users, "dev-issuer", "notary-docker", dir);
             GoNotaryServer go = GoNotaryServer.builder(pki, dir.resolve("go")).localSigner().tokenAuth(issuer)
                     .start();
             TestServer ours = TestServer.start(pki, config -> config.putObject("auth").put("type", "token")
                     .putObject("options").put("realm", issuer.realm()).put("service", issuer.service())
                     .put("issuer", issuer.issuer()).put("rootcertbundle", issuer.certificate().toString()))) {
            pushImage(dir.resolve("oci"));
            List<String> goInspects = flow(dir.resolve("with-go"), go.url(), pki);
            List<String> ourInspects = flow(dir.resolve("with-ours"), ours.url(), pki);
            assertThat(ourInspects).isEqualTo(goInspects);
        } finally {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The real docker-registry (Debian package) on loopback, plain HTTP, filesystem storage under {@code dir}. */
    private static Process startRegistry(Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("config.yml"), "version: 0.1\nstorage:\n  filesystem:\n"
                + "    rootdirectory: " + dir.resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("docker-registry did not listen: " + Files.readString(dir.resolve("registry.log")));
    }

    /** A one-layer OCI image pushed with skopeo; remembers the manifest digest and size the registry serves. */
    private void pushImage(Path layout) throws Exception {
        OciLayout.write(layout, "v1");
        exec("skopeo", "copy", "--dest-tls-verify=false", "oci:" + layout + ":v1", "docker://" + repository + ":v1");
        byte[] manifest = exec("skopeo", "inspect", "--tls-verify=false", "--raw", "docker://" + repository + ":v1")
                .getBytes(StandardCharsets.UTF_8);
        manifestSha256 = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(manifest));
        manifestSize = manifest.length;
        assertThat(OciLayout.manifestDigest(layout)).isEqualTo("sha256:" + manifestSha256);
    }

    private static String exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** The whole docker flow against one server; answers the masked inspect output after each step. */
    private List<String> flow(Path dir, String serverUrl, TestPki pki) throws Exception {
        Path dockerConfig = dir.resolve("docker-config");
        String hostPort = serverUrl.replaceFirst("^https://", "");
        Files.createDirectories(dockerConfig.resolve("tls").resolve(hostPort));
        Files.copy(pki.rootCaCert(), dockerConfig.resolve("tls").resolve(hostPort).resolve("ca.crt"));
        Files.writeString(dockerConfig.resolve("config.json"), JSON.writeValueAsString(Map.of("auths",
                Map.of(repository.substring(0, repository.indexOf('/')), Map.of("auth", base64("alice:alicepw"))))));
        Docker docker = new Docker(dockerConfig, serverUrl, dir);
        List<String> inspects = new ArrayList<>();

        docker.run("trust", "key", "generate", "alice");
        docker.run("trust", "signer", "add", "--key", dir.resolve("alice.pub").toString(), "alice", repository);
        JsonNode initial = JSON.readTree(docker.run("trust", "inspect", repository));
        assertThat(initial.at("/0/Signers/0/Name").asText()).isEqualTo("alice");
        inspects.add(masked(initial));

        // What a docker push signs: the tag, the manifest's sha256 and size, into targets/releases.
        NotaryCli notary = NotaryCli.forServer(dockerConfig.resolve("trust"), serverUrl, pki.rootCaCert())
                .withPassphrase(Docker.PASSPHRASE).withEnvironment("NOTARY_AUTH", base64("alice:alicepw"));
        notary.run("addhash", repository, "v1", Long.toString(manifestSize), "--sha256", manifestSha256, "-r", "targets/releases")
                .requireSuccess();
        notary.run("publish", repository).requireSuccess();
        JsonNode signed = JSON.readTree(docker.run("trust", "inspect", repository));
        assertThat(signed.at("/0/SignedTags/0/SignedTag").asText()).isEqualTo("v1");
        assertThat(signed.at("/0/SignedTags/0/Digest").asText()).isEqualTo(manifestSha256);
        inspects.add(masked(signed));

        docker.run("trust", "revoke", "-y", repository + ":v1");
        JsonNode revoked = JSON.readTree(docker.run("trust", "inspect", repository));
        assertThat(revoked.at("/0/SignedTags")).isEmpty();
        inspects.add(masked(revoked));

        // docker 28 prints no success line and inspect still lists alice here with the Go server as well (alice is
        // the last releases signer): the comparison with Go is what this step checks.
        assertThat(docker.run("trust", "signer", "remove", "-f", "alice", repository))
                .contains("Removing signer \"alice\"");
        inspects.add(masked(JSON.readTree(docker.run("trust", "inspect", repository))));
        return inspects;
    }

    private static String masked(JsonNode inspect) {
        return inspect.toString().replaceAll("\"ID\":\"[0-9a-f]{64}\"", "\"ID\":\"<key id>\"");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The docker CLI with a private DOCKER_CONFIG (the server's CA under tls/host:port), no daemon. */
    private record Docker(Path config, String serverUrl, Path workDir) {
        static final String PASSPHRASE = "docker-trust-passphrase";

        String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("docker"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true);
            Files.createDirectories(workDir);
            builder.directory(workDir.toFile());
            Map<String, String> env = builder.environment();
            env.put("DOCKER_CONFIG", config.toString());
            env.put("DOCKER_CONTENT_TRUST_SERVER", serverUrl);
            env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", PASSPHRASE);
            env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", PASSPHRASE);
            env.put("DOCKER_HOST", "unix://" + workDir.resolve("no-daemon.sock"));
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " timed out");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("docker " + String.join(" ", args) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        }
    }
}
