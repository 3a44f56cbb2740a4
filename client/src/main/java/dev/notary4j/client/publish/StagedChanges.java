package dev.notary4j.client.publish;

import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.FileMeta;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Stages changes as notary's CLI does, and reads the PEM key files its commands take. */
public final class StagedChanges {
    private StagedChanges() {
    }

    public static void addTarget(Changelist changes, List<String> roles, String name, FileMeta meta) throws IOException {
        for (String role : roles) {
            changes.add(new Change(Change.CREATE, role, Change.TARGET, name, ChangeData.target(meta)));
        }
    }

    public static void addDelegation(Changelist changes, String role, List<TufKey> keys, List<String> paths)
            throws IOException {
        changes.add(new Change(Change.CREATE, role, Change.DELEGATION, "",
                ChangeData.delegation(new ChangeData.Delegation(keys, paths, 0))));
    }

    /** A {@code PUBLIC KEY} PEM as a plain TUF key, or a {@code CERTIFICATE} PEM as an x509 TUF key (notary's way). */
    public static TufKey publicKeyFromPem(String pem) throws IOException {
        PemObject object = readPem(pem);
        return switch (object.getType()) {
            case "CERTIFICATE" -> {
                var certificate = Certificates.firstCertificate(pem.getBytes(StandardCharsets.US_ASCII))
                        .orElseThrow(() -> new IOException("unreadable certificate"));
                try {
                    yield Certificates.toTufKey(certificate, List.of());
                } catch (dev.notary4j.tuf.crypto.CertificateRuleException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            case "PUBLIC KEY" -> {
                SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(object.getContent());
                String oid = info.getAlgorithm().getAlgorithm().getId();
                yield switch (oid) {
                    case "1.2.840.10045.2.1" -> new TufKey(KeyAlgorithm.ECDSA, object.getContent());
                    case "1.2.840.113549.1.1.1" -> new TufKey(KeyAlgorithm.RSA, object.getContent());
                    case "1.3.101.112" -> new TufKey(KeyAlgorithm.ED25519, info.getPublicKeyData().getBytes());
                    default -> throw new IOException("unsupported public key algorithm " + oid);
                };
            }
            default -> throw new IOException("expected a PUBLIC KEY or CERTIFICATE PEM, got " + object.getType());
        };
    }

    /** An unencrypted PKCS#8 {@code PRIVATE KEY} PEM. */
    public static TufPrivateKey privateKeyFromPem(String pem) throws IOException {
        PemObject object = readPem(pem);
        if (!object.getType().equals("PRIVATE KEY")) {
            throw new IOException("expected an unencrypted PKCS#8 PRIVATE KEY PEM, got " + object.getType());
        }
        return TufPrivateKey.fromPkcs8(object.getContent());
    }

    private static PemObject readPem(String pem) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null) {
                throw new IOException("no PEM block found");
            }
            return object;
        }
    }
}
