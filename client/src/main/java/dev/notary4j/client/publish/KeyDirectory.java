package dev.notary4j.client.publish;

import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.MetadataSigner;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Private keys under {@code <trust dir>/private/<key id>.key} as notary's CLI keeps them: PEM
 * {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 with AES-256-CBC) with {@code role} and {@code gun} headers. The
 * passphrase of a role comes from {@code NOTARY_<ROLE>_PASSPHRASE} ({@code DELEGATION} for delegations), as the Go
 * CLI reads it; there is no interactive prompt.
 */
public final class KeyDirectory {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String PEM_TYPE = "ENCRYPTED PRIVATE KEY";

    private final Path directory;
    private final Function<String, String> environment;

    public KeyDirectory(Path trustDir, Function<String, String> environment) {
        this.directory = trustDir.resolve("private");
        this.environment = environment;
    }

    /** Encrypts and stores {@code key} for {@code role} (and {@code gun}, empty for keys shared across GUNs). */
    public void store(TufPrivateKey key, String role, String gun) throws IOException {
        char[] passphrase = passphrase(role);
        PemObject encrypted;
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                    .setPassword(passphrase).setIterationCount(10_000).build();
            encrypted = new PKCS8Generator(PrivateKeyInfo.getInstance(key.toPkcs8()), encryptor).generate();
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IOException("cannot encrypt the " + role + " key: " + e.getMessage(), e);
        }
        List<PemHeader> headers = gun.isEmpty() ? List.of(new PemHeader("role", role))
                : List.of(new PemHeader("gun", gun), new PemHeader("role", role));
        StringWriter pem = new StringWriter();
        try (PemWriter writer = new PemWriter(pem)) {
            writer.writeObject(new PemObject(PEM_TYPE, headers, encrypted.getContent()));
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(key.id() + ".key");
        Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    /** The private key with TUF key ID {@code keyId}, if this directory holds it. */
    public Optional<TufPrivateKey> load(String keyId, String role) throws IOException {
        Path file = directory.resolve(keyId + ".key");
        if (!keyId.matches("[0-9a-f]{64}") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            pem = reader.readPemObject();
        }
        if (pem == null || !pem.getType().equals(PEM_TYPE)) {
            throw new IOException(file + " is not an encrypted PKCS#8 private key");
        }
        try {
            PrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(pem.getContent()).decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase(role)));
            return Optional.of(TufPrivateKey.fromPkcs8(info.getEncoded()));
        } catch (PKCSException | OperatorCreationException e) {
            throw new IOException("cannot decrypt the " + role + " key " + keyId + ": wrong passphrase?", e);
        }
    }

    /**
     * A signer for the first of {@code listed} (keys as a role lists them) whose private key this directory holds;
     * certificate keys are found by their canonical (public key) ID and sign under the listed ID.
     */
    public Optional<MetadataSigner> signerFor(List<TufKey> listed, String role) throws IOException {
        for (TufKey key : listed) {
            Optional<TufPrivateKey> privateKey = load(key.canonicalId(), role);
            if (privateKey.isPresent()) {
                return Optional.of(MetadataSigner.of(privateKey.get(), key.id()));
            }
        }
        return Optional.empty();
    }

    private char[] passphrase(String role) throws IOException {
        String name = "NOTARY_" + (role.startsWith("targets/") ? "DELEGATION" : role.toUpperCase(java.util.Locale.ROOT))
                + "_PASSPHRASE";
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            throw new IOException("no passphrase for the " + role + " key: set " + name);
        }
        return value.toCharArray();
    }
}
