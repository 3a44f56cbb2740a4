package dev.notary4j.testkit;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A delegation key as the notary docs make one: an ECDSA P-256 key ({@code NAME.key}, PKCS#8) and a self-signed
 * certificate for it ({@code NAME.crt}), for {@code notary delegation add GUN ROLE NAME.crt} and
 * {@code notary key import NAME.key --role ROLE}.
 */
public record DelegationKey(Path privateKey, Path certificate) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration VALIDITY = Duration.ofDays(365);

    public DelegationKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Writes {@code dir/NAME.key} and {@code dir/NAME.crt} (subject CN=NAME). */
    public static DelegationKey generate(Path dir, String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + name);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(63, RANDOM), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            DelegationKey key = new DelegationKey(dir.resolve(name + ".key"), dir.resolve(name + ".crt"));
            Pem.writeCertificates(key.certificate(), new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))));
            Pem.writePrivateKey(key.privateKey(), keys.getPrivate());
            return key;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a delegation key " + name, e);
        }
    }
}
