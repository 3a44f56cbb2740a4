package dev.notary4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The docker CLI's content-trust life cycle for one pushed image, against one notary server, step by step; each
 * step answers {@code docker trust inspect} afterwards and callers assert on it. The signature a {@code docker push}
 * with content trust writes (tag, manifest sha256 and size into targets/releases) is made with the notary CLI on
 * docker's trust directory, since no docker daemon runs here.
 */
public final class DockerContentTrustFlow {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNER = "alice";

    private final Path dir;
    private final DockerTrustCli docker;
    private final NotaryCli notary;
    private final DockerRegistry.PushedImage image;

    private DockerContentTrustFlow(Path dir, DockerTrustCli docker, NotaryCli notary, DockerRegistry.PushedImage image) {
        this.dir = dir;
        this.docker = docker;
        this.notary = notary;
        this.image = image;
    }

    /**
     * A flow in {@code dir} for an image already in the registry, as the registry user {@code user:password}
     * (whose token must allow push on the repository).
     */
    public static DockerContentTrustFlow forImage(Path dir, String serverUrl, Path serverCa,
            DockerRegistry.PushedImage image, String userColonPassword) {
        String registryHost = image.repository().substring(0, image.repository().indexOf('/'));
        DockerTrustCli docker = DockerTrustCli.forServer(dir, serverUrl, serverCa, registryHost, userColonPassword);
        NotaryCli notary = NotaryCli.forServer(docker.trustDir(), serverUrl, serverCa)
                .withPassphrase(DockerTrustCli.PASSPHRASE)
                .withEnvironment("NOTARY_AUTH", DockerTrustCli.base64(userColonPassword));
        return new DockerContentTrustFlow(dir, docker, notary, image);
    }

    /** {@code docker trust key generate alice} and {@code docker trust signer add} (initialises the repository). */
    public JsonNode addSigner() {
        docker.run("trust", "key", "generate", SIGNER);
        docker.run("trust", "signer", "add", "--key", dir.resolve(SIGNER + ".pub").toString(), SIGNER,
                image.repository());
        return inspect();
    }

    /** What {@code docker push} signs: the tag with the manifest's sha256 and size, into targets/releases. */
    public JsonNode signPushedImage() {
        notary.run("addhash", image.repository(), image.tag(), Long.toString(image.manifestSize()), "--sha256",
                image.manifestSha256(), "-r", "targets/releases").requireSuccess();
        notary.run("publish", image.repository()).requireSuccess();
        return inspect();
    }

    /** {@code docker trust revoke -y repository:tag}. */
    public JsonNode revoke() {
        docker.run("trust", "revoke", "-y", image.reference());
        return inspect();
    }

    /** {@code docker trust signer remove -f alice repository}. */
    public JsonNode removeSigner() {
        String removal = docker.run("trust", "signer", "remove", "-f", SIGNER, image.repository());
        if (!removal.contains("Removing signer \"" + SIGNER + "\"")) {
            throw new IllegalStateException("docker trust signer remove said: " + removal);
        }
        return inspect();
    }

    private JsonNode inspect() {
        try {
            return JSON.readTree(docker.run("trust", "inspect", image.repository()));
        } catch (IOException e) {
            throw new UncheckedIOException("docker trust inspect printed no JSON", e);
        }
    }
}
