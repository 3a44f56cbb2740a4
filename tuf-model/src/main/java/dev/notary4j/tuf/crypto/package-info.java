/**
 * Keys, key IDs, signatures, hashes and certificate rules byte-compatible with Go notary 0.7.
 *
 * <ul>
 *   <li>{@link dev.notary4j.tuf.crypto.TufKey}: a public key as in TUF JSON, with its TUF key ID;
 *       {@link dev.notary4j.tuf.crypto.KeyIds#canonicalKeyId} gives the ID notary files private keys under.</li>
 *   <li>{@link dev.notary4j.tuf.crypto.SignatureVerifier}: method and key type must match; never throws.</li>
 *   <li>{@link dev.notary4j.tuf.crypto.TufPrivateKey}: notary's raw private key forms, signing, generation.</li>
 *   <li>{@link dev.notary4j.tuf.crypto.Certificates}: root (R3/R4/R5/R7) and delegation (T2) certificate rules,
 *       the Go PEM re-encoding root signatures are checked against, and root certificate generation.</li>
 *   <li>{@link dev.notary4j.tuf.crypto.Hashes}: digests and notary's checksum rules.</li>
 * </ul>
 * Everything is pure: no I/O, and every time-dependent rule takes the clock as a parameter.
 */
package dev.notary4j.tuf.crypto;
