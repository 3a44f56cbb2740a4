package dev.notary4j.server.conformance;

import static dev.notary4j.server.conformance.GunRepository.PAST;
import static dev.notary4j.server.conformance.GunRepository.RELEASES;
import static dev.notary4j.server.conformance.GunRepository.certificate;
import static dev.notary4j.server.conformance.GunRepository.delegating;
import static dev.notary4j.server.conformance.GunRepository.delegation;
import static dev.notary4j.server.conformance.GunRepository.sign;
import static dev.notary4j.server.conformance.GunRepository.withRootKeys;
import static dev.notary4j.server.conformance.UploadCase.Expected.ACCEPTED;
import static dev.notary4j.server.conformance.UploadCase.Expected.CONNECTION_CLOSED;
import static dev.notary4j.server.conformance.UploadCase.Expected.error;
import static dev.notary4j.server.conformance.UploadCase.Expected.invalidUpdate;
import static dev.notary4j.server.conformance.UploadCase.Stored.CLIENT_SNAPSHOT;
import static dev.notary4j.server.conformance.UploadCase.Stored.EXPIRED_ROOT_CERTIFICATE;
import static dev.notary4j.server.conformance.UploadCase.Stored.NOTHING;
import static dev.notary4j.server.conformance.UploadCase.Stored.NOTHING_SERVER_SNAPSHOT_KEY;
import static dev.notary4j.server.conformance.UploadCase.Stored.SERVER_SNAPSHOT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.conformance.UploadCase.Expected;
import dev.notary4j.server.conformance.UploadCase.Stored;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.json.CanonicalJson;
import dev.notary4j.tuf.json.GoJson;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Signature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The catalogue of uploads, one or more per rule of spec §4.5 (phase A) and §5 (phase B: B1-B8, R1-R9, T1-T8,
 * S1-S7), each named after its rule, plus valid uploads that prove the fixtures valid. Rules that cannot be reached
 * over HTTP because an earlier rule always answers first are noted where they would be (R8 and R2's version by B2.1,
 * S1 by B3, T8 by the multipart "later part replaces earlier" rule, R5's "no usable certificate in the previous
 * root" because such a root can never be stored).
 */
final class UploadCatalogue {

    private static final String NO_SNAPSHOT_KEY =
            "no snapshot was included in update and server does not hold current snapshot key for repository";
    private static final Expected MALFORMED_UPLOAD = error(400, "MALFORMED_UPLOAD", null);
    private static final Expected NO_FILENAME = error(400, "NO_FILENAME", null);
    private static final Expected MALFORMED_JSON = error(400, "MALFORMED_JSON", null);
    private static final Expected VERSION = error(400, "VERSION", "{}");
    private static final Expected NO_VALID_LEAF = invalidUpdate("ErrBadRoot",
            "could not validate the path to a trusted root: unable to retrieve valid leaf certificates");

    private UploadCatalogue() {
    }

    static Stream<UploadCase> all() {
        // B1 last: its GUN is seeded when the class starts and its case waits for the root certificate to expire.
        return Stream.of(phaseA(), roots(), targets(), snapshots(), generationAndStorage(), accepted(), afterUpdates(),
                Stream.of(storedRootExpired())).flatMap(s -> s);
    }

    // ---- phase A: parsing the multipart body (§4.5) ----

    private static Stream<UploadCase> phaseA() {
        return Stream.of(
                rejected("A1 body is not multipart (text/plain)", CLIENT_SNAPSHOT,
                        r -> Upload.raw("text/plain", "x"), MALFORMED_UPLOAD),
                rejected("A1 multipart Content-Type without boundary", CLIENT_SNAPSHOT,
                        r -> Upload.raw("multipart/form-data", "--x\r\n\r\n{}\r\n--x--\r\n"), MALFORMED_UPLOAD),
                rejected("A2 part without Content-Disposition after a valid update", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).part("?", "Content-Type: application/octet-stream\r\n",
                                "{}".getBytes(StandardCharsets.UTF_8)).build(), NO_FILENAME),
                rejected("A3 empty role name (filename .json)", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file(".json", "{}").build(), NO_FILENAME),
                rejected("A4 invalid role name: upper case and dot", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file("targets/Bad.Role", "{}").build(),
                        error(400, "INVALID_ROLE", "\"targets/Bad.Role\"")),
                rejected("A4 invalid role name: not path-clean", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file("targets/releases/", "{}").build(),
                        error(400, "INVALID_ROLE", "\"targets/releases/\"")),
                rejected("A4 invalid role name: not a targets role", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file("releases", "{}").build(),
                        error(400, "INVALID_ROLE", "\"releases\"")),
                rejected("A5 part is not JSON", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file(RELEASES, "not json").build(), MALFORMED_JSON),
                rejected("A5 signed.version is a string", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file(RELEASES, "{\"signed\":{\"version\":\"2\"}}").build(),
                        MALFORMED_JSON),
                rejected("A5 signature is not base64", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).file(RELEASES, "{\"signed\":{\"version\":2},\"signatures\":"
                                + "[{\"keyid\":\"x\",\"method\":\"ecdsa\",\"sig\":\"%%%\"}]}").build(), MALFORMED_JSON),
                rejected("A6 completely empty body", CLIENT_SNAPSHOT,
                        r -> Upload.raw(Upload.MULTIPART, ""), CONNECTION_CLOSED)
                        .differingFromGo(MALFORMED_UPLOAD),
                rejected("A6 stream ends inside a part's JSON", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).endingInside(RELEASES, "{\"signed\":{\"version\":2"), MALFORMED_JSON)
                        .differingFromGo(MALFORMED_UPLOAD),
                rejected("A6 last part without closing delimiter", CLIENT_SNAPSHOT,
                        r -> validTargetsUpdate(r).withoutClosingDelimiter(), CONNECTION_CLOSED)
                        .differingFromGo(MALFORMED_UPLOAD),
                rejected("A6 stream cut inside a later part's headers: Go ignores it and stores the rest",
                        CLIENT_SNAPSHOT, r -> validTargetsUpdate(r).cutInsideHeaders(), ACCEPTED)
                        .differingFromGo(MALFORMED_UPLOAD),
                rejected("A (our cap) oversize file; Go has no cap", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", padded(r.signedTargets(r.targets(2))))), ACCEPTED)
                        .differingFromGo(error(400, "MALFORMED_UPLOAD",
                                "\"a metadata file exceeds " + ServerPair.MAX_FILE_BYTES + " bytes\"")));
    }

    // ---- B1-B3 and the root rules R1-R9 ----

    private static Stream<UploadCase> roots() {
        return Stream.of(
                rejected("B2.1 root version skip (stored 1, uploaded 3)", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("root", r.signedRoot(r.root(3)))),
                        invalidUpdate("ErrBadRoot", "Root modifications must increment the version. Current 1, new 3")),
                rejected("B2.1 first root of a new GUN with version 3", NOTHING,
                        r -> firstUpload(r, r.signedRoot(r.root(3))),
                        invalidUpdate("ErrBadRoot", "Root modifications must increment the version. Current 1, new 3")),
                rejected("B2.1 (R2, R8) first root with version 0", NOTHING,
                        r -> firstUpload(r, r.signedRoot(r.root(0))),
                        invalidUpdate("ErrBadRoot", "Root modifications must increment the version. Current 1, new 0")),
                rejected("B2.3 stored root re-uploaded -> VERSION", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("root", r.seeded("root"), "targets", r.signedTargets(r.targets(2)))),
                        VERSION),
                rejected("B3 no root stored and none uploaded", NOTHING,
                        r -> Upload.multipart().file("targets", r.signedTargets(r.targets(1))).build(),
                        invalidUpdate("ErrValidation", "no pre-existing root and no root provided in update.")),
                rejected("R1 root keys is not an object", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(edit(r.root(2), root -> root.put("keys", "none")))),
                        invalidUpdate("ErrBadRoot", "json: cannot unmarshal string into Go value of type map[string]data.TUFKey")),
                rejected("R2 root _type is Targets", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(r.root(2).put("_type", "Targets"))),
                        invalidUpdate("ErrBadRoot", "root type metadata invalid: expected type Root, not Targets")),
                rejected("R2 root lacks the timestamp role", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(edit(r.root(2), root -> ((ObjectNode) root.get("roles"))
                                .remove("timestamp")))),
                        invalidUpdate("ErrBadRoot", "root type metadata invalid: missing timestamp role specification")),
                rejected("R2 root's snapshot role has threshold 0", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(edit(r.root(2), root -> ((ObjectNode) root.at("/roles/snapshot"))
                                .put("threshold", 0)))),
                        invalidUpdate("ErrBadRoot", "root type metadata invalid: invalid threshold specified for snapshot: 0 ")),
                rejected("R2 root's targets role lists a key missing from keys", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(edit(r.root(2), root -> ((ObjectNode) root.get("keys"))
                                .remove(r.keys.targets().id())))),
                        invalidUpdate("ErrBadRoot", r -> "root type metadata invalid: key ID " + r.keys.targets().id() + " specified in targets without corresponding key")),
                rejected("R3 root key is a plain ecdsa key, not a certificate", NOTHING,
                        r -> firstUpload(r, sign(withRootKeys(r.root(1), r.keys.root().publicKey()),
                                MetadataSigner.of(r.keys.root()))),
                        NO_VALID_LEAF),
                rejected("R3 root certificate bundle with two leaf certificates", NOTHING,
                        r -> firstUpload(r, signedWithCertificate(r, GunRepository.bundle(r.rootCert,
                                certificate(r.keys.newRoot(), r.gun)))),
                        NO_VALID_LEAF),
                rejected("R4 root certificate signed with SHA-1", NOTHING,
                        r -> {
                            Map.Entry<TufPrivateKey, TufKey> sha1 = GunRepository.certificateSignedWith("SHA1withECDSA", r.gun);
                            return firstUpload(r, sign(withRootKeys(r.root(1), sha1.getValue()),
                                    MetadataSigner.of(sha1.getKey(), sha1.getValue().id())));
                        },
                        NO_VALID_LEAF),
                rejected("R4 root certificate CN is not the GUN", NOTHING,
                        r -> firstUpload(r, signedWithCertificate(r, certificate(r.keys.root(), r.gun + "-other"))),
                        NO_VALID_LEAF),
                rejected("R4 root certificate has expired", NOTHING,
                        r -> firstUpload(r, signedWithCertificate(r, certificate(r.keys.root(), r.gun,
                                Instant.now().minus(Duration.ofDays(20)), Instant.now().minus(Duration.ofDays(10))))),
                        NO_VALID_LEAF),
                rejected("R4 root certificate not valid before tomorrow + 1 day", NOTHING,
                        r -> firstUpload(r, signedWithCertificate(r, certificate(r.keys.root(), r.gun,
                                Instant.now().plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(30))))),
                        NO_VALID_LEAF),
                rejected("R4 wildcard CN that is not a prefix of the GUN", NOTHING,
                        r -> firstUpload(r, signedWithCertificate(r, certificate(r.keys.root(), "other.example.com/*"))),
                        NO_VALID_LEAF),
                rejected("R5 new root not signed by previous root keys", CLIENT_SNAPSHOT,
                        r -> {
                            TufKey newCert = certificate(r.keys.newRoot(), r.gun);
                            return rootUpdate(r, sign(withRootKeys(r.root(2), newCert),
                                    MetadataSigner.of(r.keys.newRoot(), newCert.id())));
                        },
                        invalidUpdate("ErrBadRoot", "could not rotate trust to a new trusted root: failed to validate "
                                + "data with current trusted certificates")),
                rejected("R7 new root not signed by its own root keys", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, sign(withRootKeys(r.root(2), certificate(r.keys.newRoot(), r.gun)),
                                r.rootSigner())),
                        invalidUpdate("ErrBadRoot", "could not validate the path to a trusted root: failed to validate "
                                + "integrity of roots")),
                rejected("R7 first root signed by a key it does not list", NOTHING,
                        r -> firstUpload(r, sign(r.root(1), MetadataSigner.of(r.keys.stranger(), r.rootCert.id()))),
                        invalidUpdate("ErrBadRoot", "could not validate the path to a trusted root: failed to validate "
                                + "integrity of roots")),
                rejected("R5 (SIG) root v2 without signatures", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, sign(r.root(2))),
                        invalidUpdate("ErrBadRoot", "could not rotate trust to a new trusted root: failed to validate data with current trusted certificates")),
                rejected("R7 first root's root role needs 2 signatures, has 1", NOTHING,
                        r -> firstUpload(r, r.signedRoot(edit(r.root(1), root -> ((ObjectNode) root.at("/roles/root"))
                                .put("threshold", 2)))),
                        invalidUpdate("ErrBadRoot", "could not validate the path to a trusted root: failed to validate "
                                + "integrity of roots")),
                rejected("R7 (SIG) first root without signatures", NOTHING,
                        r -> firstUpload(r, sign(r.root(1))),
                        invalidUpdate("ErrBadRoot", "could not validate the path to a trusted root: failed to validate "
                                + "integrity of roots")),
                rejected("R9 root expired", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(r.root(2).put("expires", PAST))),
                        invalidUpdate("ErrBadRoot", "root expired at Wed Jan 1 00:00:00 UTC 2020")));
    }

    private static UploadCase storedRootExpired() {
        return rejected("B1 stored root's certificate has expired", EXPIRED_ROOT_CERTIFICATE,
                        r -> clientUpdate(r, 2, files("targets", r.signedTargets(r.targets(2)))),
                        error(400, "INVALID_UPDATE", null));
    }

    // ---- B4: targets and delegations, rules T1-T8 ----

    private static Stream<UploadCase> targets() {
        return Stream.of(
                rejected("T1 delegation uploaded before any targets exists", NOTHING,
                        r -> clientUpdate(r, 1, files("root", r.seeded("root"), RELEASES, r.seeded(RELEASES))),
                        invalidUpdate("ErrBadTargets", "targets must be loaded first")),
                rejected("T2 delegation not listed by parent", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets/other", sign(r.emptyDelegation(1),
                                MetadataSigner.of(r.keys.stranger())))),
                        invalidUpdate("ErrBadTargets", "tuf: invalid role targets/other. delegation does not exist")),
                rejected("T2 nested delegation not listed by its parent delegation", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(RELEASES + "/nested", sign(r.emptyDelegation(1),
                                MetadataSigner.of(r.keys.stranger())))),
                        invalidUpdate("ErrBadTargets",
                                "tuf: invalid role targets/releases/nested. delegation does not exist")),
                rejected("T3 targets' targets is not an object", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, r.targets(2).put("targets", "none")),
                        invalidUpdate("ErrBadTargets", "json: cannot unmarshal string into Go value of type data.Files")),
                rejected("T4 targets _type is Root", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, r.targets(2).put("_type", "Root")),
                        invalidUpdate("ErrBadTargets", "targets type metadata invalid: expected type Targets, not Root")),
                rejected("T4 delegation _type is Snapshot", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(RELEASES, r.signedReleases(r.releases(2).put("_type", "Snapshot")))),
                        invalidUpdate("ErrBadTargets", "targets/releases type metadata invalid: expected type Targets, not Snapshot")),
                rejected("T4 delegation that is not a direct child", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, delegating(r.targets(2), delegation("targets/a/b", r.keys.stranger()),
                                r.keys.stranger())),
                        invalidUpdate("ErrBadTargets", "targets type metadata invalid: delegation role targets/a/b invalid")),
                rejected("T4 delegation with an invalid name", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, delegating(r.targets(2), delegation("targets/Upper", r.keys.stranger()),
                                r.keys.stranger())),
                        invalidUpdate("ErrBadTargets", "targets type metadata invalid: delegation role targets/Upper invalid")),
                rejected("T4 delegation threshold 0", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, edit(r.targets(2), t -> ((ObjectNode) t.at("/delegations/roles/0"))
                                .put("threshold", 0))),
                        invalidUpdate("ErrBadTargets", "targets type metadata invalid: invalid threshold specified for targets/releases: 0 ")),
                rejected("T4 delegation key missing from delegations.keys", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, edit(r.targets(2), t -> ((ObjectNode) t.at("/delegations/keys"))
                                .remove(r.keys.releases().id()))),
                        invalidUpdate("ErrBadTargets", r -> "targets type metadata invalid: key ID " + r.keys.releases().id() + " specified in targets/releases without corresponding key")),
                rejected("T5 targets version 0", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, r.targets(0)),
                        invalidUpdate("ErrBadTargets", "targets type metadata invalid: version cannot be less than one")),
                rejected("T6 targets signed by a key the root does not list", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", sign(r.targets(2), MetadataSigner.of(r.keys.stranger())))),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets")),
                rejected("T6 targets signature corrupted", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", sign(r.targets(2),
                                corrupted(MetadataSigner.of(r.keys.targets()))))),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets")),
                rejected("T6 targets signature method does not match the key", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", sign(r.targets(2),
                                withMethod(MetadataSigner.of(r.keys.targets()), "rsapss")))),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets")),
                rejected("T6 targets threshold 2 (raised by the uploaded root), one key signs", CLIENT_SNAPSHOT,
                        r -> targetsThresholdTwo(r, MetadataSigner.of(r.keys.targets())),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets")),
                rejected("T6 targets threshold 2, one key signs twice (counts once)", CLIENT_SNAPSHOT,
                        r -> targetsThresholdTwo(r, MetadataSigner.of(r.keys.targets()), MetadataSigner.of(r.keys.targets())),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets")),
                rejected("T6 (SIG) a non-integral number in signed data cannot be canonicalized", CLIENT_SNAPSHOT,
                        r -> {
                            ObjectNode targets = r.targets(2);
                            Signature signature = MetadataSigner.of(r.keys.targets()).sign(r.signedTargets(targets));
                            ((ObjectNode) targets.at("/targets/v1")).putObject("custom").put("x", 1.5);
                            return clientUpdate(r, 2, files("targets", envelope(targets.toString(), signature)));
                        },
                        invalidUpdate("ErrBadTargets", "json: unsupported value: 1.5")),
                rejected("T6 (SIG) integer above 2^53 signed exactly, but Go verifies it as a double", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, hugeCustomNumber(r.targets(2))),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets")),
                rejected("T6 (SIG) targets signed as the ID under which root lists its key, not its own", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("root", r.signedRoot(targetsKeyUnderStrangerId(r)),
                                "targets", sign(r.targets(2), MetadataSigner.of(r.keys.targets(), r.keys.stranger().id())))),
                        invalidUpdate("ErrBadTargets", "key ID is not valid for key content")),
                rejected("T6 delegation signed by its old key while the uploaded parent re-keys it", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", r.signedTargets(rekeyedReleases(r)),
                                RELEASES, r.signedReleases(r.releases(2)))),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets/releases")),
                rejected("T6 (SIG) delegation key listed under another key's ID", CLIENT_SNAPSHOT,
                        r -> {
                            String wrongId = r.keys.stranger().id();
                            ObjectNode targets = edit(r.targets(2), t -> {
                                ObjectNode keysTree = (ObjectNode) t.at("/delegations/keys");
                                keysTree.set(wrongId, keysTree.remove(r.keys.releases().id()));
                                ((ArrayNode) t.at("/delegations/roles/0/keyids")).removeAll().add(wrongId);
                            });
                            return clientUpdate(r, 2, files("targets", r.signedTargets(targets),
                                    RELEASES, sign(r.releases(2), MetadataSigner.of(r.keys.releases(), wrongId))));
                        },
                        invalidUpdate("ErrBadTargets", "key ID is not valid for key content")),
                rejected("T6 (SIG) targets without signatures", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", sign(r.targets(2)))),
                        invalidUpdate("ErrBadTargets", "tuf: data has no signatures")),
                rejected("T6 delegation signed by a key its parent does not list", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(RELEASES, sign(r.releases(2), MetadataSigner.of(r.keys.stranger())))),
                        invalidUpdate("ErrBadTargets", "valid signatures did not meet threshold for targets/releases")),
                rejected("T7 targets expired", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, r.targets(2).put("expires", PAST)),
                        invalidUpdate("ErrBadTargets", "targets expired at Wed Jan 1 00:00:00 UTC 2020")),
                rejected("T7 delegation expired", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(RELEASES, r.signedReleases(r.releases(2).put("expires", PAST)))),
                        invalidUpdate("ErrBadTargets", "targets/releases expired at Wed Jan 1 00:00:00 UTC 2020")),
                rejected("T8 targets uploaded twice: the later, unsigned part wins", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] valid = r.signedTargets(r.targets(2));
                            return Upload.multipart().file("targets", valid).file("targets", sign(r.targets(2)))
                                    .file("snapshot", r.signedSnapshot(r.snapshot(2, Map.of("targets", valid)))).build();
                        },
                        invalidUpdate("ErrBadTargets", "tuf: data has no signatures")));
    }

    // ---- B5: snapshot, rules S1-S7 ----

    private static Stream<UploadCase> snapshots() {
        return Stream.of(
                rejected("S2 snapshot signed by a key the root does not list", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> snapshot, MetadataSigner.of(r.keys.stranger())),
                        invalidUpdate("ErrBadSnapshot", "valid signatures did not meet threshold for snapshot")),
                rejected("S3 snapshot _type is Targets", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> snapshot.put("_type", "Targets")),
                        invalidUpdate("ErrBadSnapshot", "snapshot type metadata invalid: expected type Snapshot, not Targets")),
                rejected("S3 snapshot lacks meta.targets", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.get("meta")).remove("targets"))),
                        invalidUpdate("ErrBadSnapshot", "snapshot type metadata invalid: missing targets sha256 checksum information")),
                rejected("S3 snapshot meta.root sha256 is 31 bytes", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.at("/meta/root/hashes"))
                                .put("sha256", Base64.getEncoder().encodeToString(new byte[31])))),
                        invalidUpdate("ErrBadSnapshot", "snapshot type metadata invalid: invalid root checksum information, sha256 checksum invalid")),
                rejected("S3 snapshot meta.targets sha512 is 63 bytes", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.at("/meta/targets/hashes"))
                                .put("sha512", Base64.getEncoder().encodeToString(new byte[63])))),
                        invalidUpdate("ErrBadSnapshot",
                                "snapshot type metadata invalid: invalid targets checksum information, sha512 checksum invalid")),
                rejected("S3 snapshot meta.root without sha256", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.at("/meta/root/hashes"))
                                .remove("sha256"))),
                        invalidUpdate("ErrBadSnapshot", "snapshot type metadata invalid: missing root sha256 checksum information")),
                rejected("S4 snapshot version 0", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> snapshot.put("version", 0)),
                        invalidUpdate("ErrBadSnapshot", "snapshot type metadata invalid: version cannot be less than one")),
                rejected("S5 snapshot expired", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> snapshot.put("expires", PAST)),
                        invalidUpdate("ErrBadSnapshot", "snapshot expired at Wed Jan 1 00:00:00 UTC 2020")),
                // Only sha256 listed: with both hashes wrong, Go reports whichever its map iteration meets first.
                rejected("S7 snapshot hash mismatch for targets (the stored one's sha256 listed)", CLIENT_SNAPSHOT,
                        r -> {
                            ObjectNode snapshot = r.snapshot(2, Map.of());
                            ((ObjectNode) snapshot.at("/meta/targets/hashes")).remove("sha512");
                            return Upload.multipart().file("targets", r.signedTargets(r.targets(2)))
                                    .file("snapshot", r.signedSnapshot(snapshot)).build();
                        },
                        invalidUpdate("ErrBadSnapshot",
                                r -> "sha256 checksum for targets did not match: expected " + sha256Hex(r.seeded("targets")))),
                rejected("S7 snapshot sha512 mismatch for targets (sha256 right)", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.at("/meta/targets/hashes"))
                                .put("sha512", Base64.getEncoder().encodeToString(new byte[64])))),
                        invalidUpdate("ErrBadSnapshot", "sha512 checksum for targets did not match: expected " + "0".repeat(128))),
                rejected("S7 snapshot hash mismatch for the stored root", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.at("/meta/root"))
                                .putObject("hashes").put("sha256", Base64.getEncoder().encodeToString(new byte[32])))),
                        invalidUpdate("ErrBadSnapshot", "sha256 checksum for root did not match: expected " + "0".repeat(64))),
                rejected("S7 snapshot hash mismatch for the stored parent of an uploaded delegation", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] releases = r.signedReleases(r.releases(2));
                            ObjectNode snapshot = r.snapshot(2, Map.of(RELEASES, releases));
                            ((ObjectNode) snapshot.at("/meta/targets")).putObject("hashes")
                                    .put("sha256", Base64.getEncoder().encodeToString(new byte[32]));
                            return Upload.multipart().file(RELEASES, releases).file("snapshot", r.signedSnapshot(snapshot))
                                    .build();
                        },
                        invalidUpdate("ErrBadSnapshot", "sha256 checksum for targets did not match: expected "
                                + "0".repeat(64))),
                rejected("S7 snapshot without an entry for the uploaded delegation", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] releases = r.signedReleases(r.releases(2));
                            ObjectNode snapshot = r.snapshot(2, Map.of(RELEASES, releases));
                            ((ObjectNode) snapshot.get("meta")).remove(RELEASES);
                            return Upload.multipart().file(RELEASES, releases).file("snapshot", r.signedSnapshot(snapshot))
                                    .build();
                        },
                        invalidUpdate("ErrBadSnapshot", "no checksums for supported algorithms were provided for targets/releases")),
                rejected("S7 snapshot entry for the uploaded delegation has no supported hash", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] releases = r.signedReleases(r.releases(2));
                            ObjectNode snapshot = r.snapshot(2, Map.of(RELEASES, releases));
                            ((ObjectNode) snapshot.at("/meta/" + RELEASES.replace("/", "~1"))).putObject("hashes")
                                    .put("md5", Base64.getEncoder().encodeToString(new byte[16]));
                            return Upload.multipart().file(RELEASES, releases).file("snapshot", r.signedSnapshot(snapshot))
                                    .build();
                        },
                        invalidUpdate("ErrBadSnapshot", "no checksums for supported algorithms were provided for targets/releases")));
    }

    // ---- B6-B8: server-generated snapshot and timestamp, storage ----

    private static Stream<UploadCase> generationAndStorage() {
        Expected noSnapshotKey = error(400, "INVALID_UPDATE", "{\"Name\":\"ErrBadHierarchy\",\"Error\":{\"Missing\":"
                + "\"snapshot\",\"Msg\":\"" + NO_SNAPSHOT_KEY + "\"}}");
        Function<GunRepository, String> signerLacksSnapshotKey =
                r -> "rpc error: code = NotFound desc = key " + r.snapshotKey.id() + " not found";
        return Stream.of(
                rejected("B6 no snapshot uploaded and the server lacks the snapshot key", CLIENT_SNAPSHOT,
                        r -> Upload.multipart().file("targets", r.signedTargets(r.targets(2))).build(),
                        invalidUpdate("ErrValidation", signerLacksSnapshotKey))
                        .differingFromGo(noSnapshotKey),
                rejected("B6 empty re-sign request while the client holds the snapshot key", CLIENT_SNAPSHOT,
                        r -> Upload.multipart().build(),
                        invalidUpdate("ErrValidation", signerLacksSnapshotKey))
                        .differingFromGo(noSnapshotKey),
                rejected("B7 root's timestamp key unknown to the signer", NOTHING,
                        r -> {
                            ObjectNode root = r.root(1);
                            ((ObjectNode) root.get("keys")).remove(r.timestampKey.id());
                            ((ObjectNode) root.get("keys")).set(r.keys.stranger().id(),
                                    GunRepository.keyTree(r.keys.stranger().publicKey()));
                            ((ArrayNode) root.at("/roles/timestamp/keyids")).removeAll().add(r.keys.stranger().id());
                            return firstUpload(r, r.signedRoot(root));
                        },
                        invalidUpdate("ErrValidation",
                                r -> "rpc error: code = NotFound desc = key " + r.keys.stranger().id() + " not found"))
                        .differingFromGo(invalidUpdate("ErrBadRoot", "no timestamp keys exist on the server")),
                rejected("B8 targets version not incremented -> VERSION", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, edit(r.targets(1), t -> ((ObjectNode) t.get("targets"))
                                .set("v9", t.get("targets").get("v1")))),
                        VERSION),
                rejected("B8 delegation version not incremented -> VERSION", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(RELEASES, r.signedReleases(edit(r.releases(1),
                                t -> ((ObjectNode) t.get("targets")).set("v9", t.get("targets").get("v2")))))),
                        VERSION),
                rejected("B8 snapshot version not incremented -> VERSION", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 1, files("targets", r.signedTargets(r.targets(2)))),
                        VERSION));
    }

    // ---- valid uploads: both servers accept them ----

    private static Stream<UploadCase> accepted() {
        return Stream.of(
                rejected("valid: first publication, client signs the snapshot", NOTHING, GunRepository::seedUpload,
                        ACCEPTED),
                rejected("valid: first publication, server holds the snapshot key", NOTHING_SERVER_SNAPSHOT_KEY,
                        r -> Upload.multipart().file("root", r.seeded("root")).file("targets", r.seeded("targets"))
                                .build(),
                        ACCEPTED),
                rejected("valid: targets v2 with snapshot v2", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", r.signedTargets(r.targets(2)))), ACCEPTED),
                rejected("valid: targets version gap 1 -> 10, snapshot 1 -> 7", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 7, files("targets", r.signedTargets(r.targets(10)))), ACCEPTED),
                rejected("valid: delegation alone", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(RELEASES, r.signedReleases(r.releases(2)))), ACCEPTED),
                rejected("valid: new nested delegation with its parent", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(
                                RELEASES, r.signedReleases(delegating(r.releases(2),
                                        delegation(RELEASES + "/nested", r.keys.stranger()), r.keys.stranger())),
                                RELEASES + "/nested", sign(r.emptyDelegation(1), MetadataSigner.of(r.keys.stranger())))),
                        ACCEPTED),
                rejected("valid: delegations signed with rsa (rsapss) and ed25519 (eddsa) keys", CLIENT_SNAPSHOT,
                        r -> {
                            ObjectNode targets = delegating(delegating(r.targets(2), delegation("targets/rsa", r.keys.rsa()),
                                    r.keys.rsa()), delegation("targets/ed", r.keys.ed25519()), r.keys.ed25519());
                            return clientUpdate(r, 2, files("targets", r.signedTargets(targets),
                                    "targets/rsa", sign(r.releases(1), MetadataSigner.of(r.keys.rsa())),
                                    "targets/ed", sign(r.releases(1), MetadataSigner.of(r.keys.ed25519()))));
                        },
                        ACCEPTED),
                rejected("valid: targets threshold 2 met by two keys", CLIENT_SNAPSHOT,
                        r -> targetsThresholdTwo(r, MetadataSigner.of(r.keys.targets()), MetadataSigner.of(r.keys.stranger())),
                        ACCEPTED),
                rejected("valid: a target outside its delegation's paths (never checked)", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files(
                                "targets", r.signedTargets(edit(r.targets(2), t -> ((ArrayNode) t.at("/delegations/roles/0/paths"))
                                        .removeAll().add("only/here/"))),
                                RELEASES, r.signedReleases(r.releases(2)))),
                        ACCEPTED),
                rejected("valid: unknown fields, <>& and non-ASCII in signed data", CLIENT_SNAPSHOT,
                        r -> targetsUpdate(r, edit(r.targets(2), t -> {
                            t.put("x-unknown", "<b>&amp; \u00e9\u2028");
                            ((ObjectNode) t.get("targets")).set("caf\u00e9 <&>", t.get("targets").get("v1"));
                        })),
                        ACCEPTED),
                rejected("valid: integers above 2^53 are verified as Go's doubles", CLIENT_SNAPSHOT,
                        r -> {
                            ObjectNode targets = hugeCustomNumber(r.targets(2));
                            Signature signature = MetadataSigner.of(r.keys.targets()).sign(CanonicalJson.verifierBytes(targets));
                            return clientUpdate(r, 2, files("targets", GoJson.envelope(
                                    CanonicalJson.encode(targets, CanonicalJson.NumberMode.EXACT_INTEGERS), List.of(signature))));
                        },
                        ACCEPTED),
                rejected("valid: duplicate keys in signed data, the last one wins", CLIENT_SNAPSHOT,
                        r -> {
                            String file = new String(r.signedTargets(r.targets(2)), StandardCharsets.UTF_8);
                            return clientUpdate(r, 2, files("targets", file.replace("{\"signed\":{\"_type\":\"Targets\"",
                                    "{\"signed\":{\"_type\":\"Bogus\",\"version\":99,\"_type\":\"Targets\"")
                                    .getBytes(StandardCharsets.UTF_8)));
                        },
                        ACCEPTED),
                rejected("valid: signature method in upper case", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", new String(r.signedTargets(r.targets(2)), StandardCharsets.UTF_8)
                                .replace("\"method\":\"ecdsa\"", "\"method\":\"ECDSA\"").getBytes(StandardCharsets.UTF_8))),
                        ACCEPTED),
                rejected("valid: delegation re-keyed in the same upload as its parent", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", r.signedTargets(rekeyedReleases(r)),
                                RELEASES, sign(r.releases(2), MetadataSigner.of(r.keys.stranger())))),
                        ACCEPTED),
                // Loading root.json does not check its keys against their IDs; verifying a signature does (T6).
                rejected("valid: root lists the targets key under another key's ID", CLIENT_SNAPSHOT,
                        r -> rootUpdate(r, r.signedRoot(targetsKeyUnderStrangerId(r))), ACCEPTED),
                rejected("valid: (B4) the re-keyed delegation's part comes before its parent's", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] targets = r.signedTargets(rekeyedReleases(r));
                            byte[] releases = sign(r.releases(2), MetadataSigner.of(r.keys.stranger()));
                            return Upload.multipart().file(RELEASES, releases).file("targets", targets)
                                    .file("snapshot", r.signedSnapshot(r.snapshot(2, Map.of("targets", targets,
                                            RELEASES, releases)))).build();
                        },
                        ACCEPTED),
                rejected("valid: (S6) snapshot entry lengths are not checked", CLIENT_SNAPSHOT,
                        r -> snapshotUpdate(r, snapshot -> edit(snapshot, s -> ((ObjectNode) s.at("/meta/targets"))
                                .put("length", 1))),
                        ACCEPTED),
                rejected("valid: root rotation v2 signed by old and new root keys", CLIENT_SNAPSHOT,
                        r -> {
                            TufKey newCert = certificate(r.keys.newRoot(), r.gun);
                            return rootUpdate(r, sign(withRootKeys(r.root(2), newCert), r.rootSigner(),
                                    MetadataSigner.of(r.keys.newRoot(), newCert.id())));
                        },
                        ACCEPTED),
                rejected("valid: first root with version 2", NOTHING,
                        r -> firstUpload(r, r.signedRoot(r.root(2))), ACCEPTED),
                rejected("valid: root certificate from another tool (SHA-256, no extensions), control for SHA-1", NOTHING,
                        r -> {
                            Map.Entry<TufPrivateKey, TufKey> cert = GunRepository.certificateSignedWith("SHA256withECDSA", r.gun);
                            return firstUpload(r, sign(withRootKeys(r.root(1), cert.getValue()),
                                    MetadataSigner.of(cert.getKey(), cert.getValue().id())));
                        },
                        ACCEPTED),
                rejected("valid: wildcard CN root certificate", NOTHING,
                        r -> firstUpload(r, signedWithCertificate(r, certificate(r.keys.root(),
                                r.gun.substring(0, r.gun.lastIndexOf('/') + 1) + "*"))),
                        ACCEPTED),
                rejected("valid: server holds the snapshot key, targets alone", SERVER_SNAPSHOT,
                        r -> Upload.multipart().file("targets", r.signedTargets(r.targets(2))).build(), ACCEPTED),
                rejected("valid: server holds the snapshot key, empty re-sign request", SERVER_SNAPSHOT,
                        r -> Upload.multipart().build(), ACCEPTED),
                rejected("valid: targets uploaded twice, the later valid part wins", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] valid = r.signedTargets(r.targets(2));
                            return Upload.multipart().file("targets", sign(r.targets(2))).file("targets", valid)
                                    .file("snapshot", r.signedSnapshot(r.snapshot(2, Map.of("targets", valid)))).build();
                        },
                        ACCEPTED),
                rejected("valid: filename with .json suffix", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] targets = r.signedTargets(r.targets(2));
                            return Upload.multipart().part("targets", "Content-Disposition: form-data; name=\"x\"; "
                                            + "filename=\"targets.json\"\r\n", targets)
                                    .file("snapshot", r.signedSnapshot(r.snapshot(2, Map.of("targets", targets)))).build();
                        },
                        ACCEPTED),
                rejected("valid: an uploaded timestamp is ignored", CLIENT_SNAPSHOT,
                        r -> clientUpdate(r, 2, files("targets", r.signedTargets(r.targets(2)),
                                "timestamp", sign(r.emptyDelegation(1).put("_type", "Timestamp")))),
                        ACCEPTED));
    }

    // ---- rules that need more history than the seed: valid updates first ----

    private static Stream<UploadCase> afterUpdates() {
        return Stream.of(
                afterSteps("R5 previous root needs 2 of its certificates, new root signed by 1", CLIENT_SNAPSHOT,
                        r -> twoCertificateRoot(r, false),
                        invalidUpdate("ErrBadRoot", "could not rotate trust to a new trusted root: failed to validate "
                                + "data with current trusted certificates")),
                afterSteps("valid: previous root needs 2 of its certificates, new root signed by both", CLIENT_SNAPSHOT,
                        r -> twoCertificateRoot(r, true), ACCEPTED),
                afterSteps("B2.1 stored root v2, uploaded v4", CLIENT_SNAPSHOT,
                        r -> List.of(rootUpdate(r, r.signedRoot(r.root(2))),
                                clientUpdate(r, 3, files("root", r.signedRoot(r.root(4))))),
                        invalidUpdate("ErrBadRoot", "Root modifications must increment the version. Current 2, new 4")),
                afterSteps("B2.1 stored root v2, the replaced v1 uploaded again", CLIENT_SNAPSHOT,
                        r -> List.of(rootUpdate(r, r.signedRoot(r.root(2))),
                                clientUpdate(r, 3, files("root", r.seeded("root")))),
                        invalidUpdate("ErrBadRoot", "Root modifications must increment the version. Current 2, new 1")),
                afterSteps("B8 targets version lower than stored (3 stored, 2 uploaded) -> VERSION", CLIENT_SNAPSHOT,
                        r -> List.of(clientUpdate(r, 2, files("targets", r.signedTargets(r.targets(3)))),
                                clientUpdate(r, 3, files("targets", r.signedTargets(r.targets(2))))),
                        VERSION),
                afterSteps("S7 snapshot still lists the root replaced by a rotation", CLIENT_SNAPSHOT,
                        r -> {
                            byte[] root2 = r.signedRoot(r.root(2));
                            byte[] targets2 = r.signedTargets(r.targets(2));
                            ObjectNode snapshot = r.snapshot(3, Map.of("targets", targets2));
                            ((ObjectNode) snapshot.at("/meta/root/hashes")).remove("sha512");
                            return List.of(rootUpdate(r, root2), Upload.multipart().file("targets", targets2)
                                    .file("snapshot", r.signedSnapshot(snapshot)).build());
                        },
                        invalidUpdate("ErrBadSnapshot",
                                r -> "sha256 checksum for root did not match: expected " + sha256Hex(r.seeded("root")))));
    }

    /**
     * Root v2 whose root role needs both the GUN's certificate and a new one (signed by both), then root v3 with the
     * same certificates and threshold 1, signed by the new root's own rule but by {@code both} or only the first.
     */
    private static List<Upload> twoCertificateRoot(GunRepository r, boolean both) {
        TufKey newCert = certificate(r.keys.newRoot(), r.gun);
        MetadataSigner newSigner = MetadataSigner.of(r.keys.newRoot(), newCert.id());
        ObjectNode root2 = withRootKeys(r.root(2), r.rootCert, newCert);
        ((ObjectNode) root2.at("/roles/root")).put("threshold", 2);
        ObjectNode root3 = withRootKeys(r.root(3), r.rootCert, newCert);
        byte[] signed3 = both ? sign(root3, r.rootSigner(), newSigner) : sign(root3, r.rootSigner());
        return List.of(rootUpdate(r, sign(root2, r.rootSigner(), newSigner)),
                clientUpdate(r, 3, files("root", signed3)));
    }

    // ---- building blocks ----

    private static UploadCase rejected(String name, Stored stored, Function<GunRepository, Upload> upload, Expected go) {
        return new UploadCase(name, stored, r -> List.of(upload.apply(r)), go, null);
    }

    /** A case whose upload under test follows valid uploads (all but the last step), which both must accept. */
    private static UploadCase afterSteps(String name, Stored stored, Function<GunRepository, List<Upload>> steps,
                                         Expected go) {
        return new UploadCase(name, stored, steps, go, null);
    }

    /** A valid targets v2 + snapshot v2 update, open for one more (broken) part. */
    private static Upload.Builder validTargetsUpdate(GunRepository r) {
        byte[] targets = r.signedTargets(r.targets(2));
        return Upload.multipart().file("targets", targets)
                .file("snapshot", r.signedSnapshot(r.snapshot(2, Map.of("targets", targets))));
    }

    /** {@code files} plus the client's snapshot of version {@code snapshotVersion} listing them. */
    private static Upload clientUpdate(GunRepository r, int snapshotVersion, Map<String, byte[]> files) {
        Upload.Builder upload = Upload.multipart();
        files.forEach(upload::file);
        Map<String, byte[]> listed = new LinkedHashMap<>(files);
        listed.remove("timestamp");
        return upload.file("snapshot", r.signedSnapshot(r.snapshot(snapshotVersion, listed))).build();
    }

    private static Upload rootUpdate(GunRepository r, byte[] root) {
        return clientUpdate(r, 2, files("root", root));
    }

    private static Upload targetsUpdate(GunRepository r, ObjectNode targets) {
        return clientUpdate(r, 2, files("targets", r.signedTargets(targets)));
    }

    /** Root v2 whose targets role needs 2 of (targets key, stranger), and targets v2 signed by {@code signers}. */
    private static Upload targetsThresholdTwo(GunRepository r, MetadataSigner... signers) {
        ObjectNode root = r.root(2);
        ((ObjectNode) root.get("keys")).set(r.keys.stranger().id(), GunRepository.keyTree(r.keys.stranger().publicKey()));
        ((ObjectNode) root.at("/roles/targets")).put("threshold", 2);
        ((ArrayNode) root.at("/roles/targets/keyids")).add(r.keys.stranger().id());
        return clientUpdate(r, 2, files("root", r.signedRoot(root), "targets", sign(r.targets(2), signers)));
    }

    /** Root v2 listing the targets key under the stranger key's ID. */
    private static ObjectNode targetsKeyUnderStrangerId(GunRepository r) {
        String wrongId = r.keys.stranger().id();
        return edit(r.root(2), root -> {
            ObjectNode keysTree = (ObjectNode) root.get("keys");
            keysTree.set(wrongId, keysTree.remove(r.keys.targets().id()));
            ((ArrayNode) root.at("/roles/targets/keyids")).removeAll().add(wrongId);
        });
    }

    /** Targets v2 whose {@code targets/releases} delegation is signed for by the stranger key instead. */
    private static ObjectNode rekeyedReleases(GunRepository r) {
        return edit(r.targets(2), t -> {
            ((ObjectNode) t.at("/delegations/keys")).removeAll().set(r.keys.stranger().id(),
                    GunRepository.keyTree(r.keys.stranger().publicKey()));
            ((ArrayNode) t.at("/delegations/roles/0/keyids")).removeAll().add(r.keys.stranger().id());
        });
    }

    /** {@code targets} with 2^53 + 1 in a target's custom data: a double cannot hold it. */
    private static ObjectNode hugeCustomNumber(ObjectNode targets) {
        ((ObjectNode) targets.at("/targets/v1")).putObject("custom").put("n", 9_007_199_254_740_993L);
        return targets;
    }

    /** A metadata file written as is: {@code signed} JSON text and one signature. */
    private static byte[] envelope(String signedJson, Signature signature) {
        return ("{\"signed\":" + signedJson + ",\"signatures\":[{\"keyid\":\"" + signature.keyId() + "\",\"method\":\""
                + signature.method() + "\",\"sig\":\"" + Base64.getEncoder().encodeToString(signature.sig()) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A first publication of a new GUN with this root and the seeded targets, delegation and a fitting snapshot. */
    private static Upload firstUpload(GunRepository r, byte[] root) {
        return clientUpdate(r, 1, files("root", root, "targets", r.seeded("targets"), RELEASES, r.seeded(RELEASES)));
    }

    /** A targets v2 + snapshot update whose snapshot tree is edited, then signed by {@code signers} (default: the client's). */
    private static Upload snapshotUpdate(GunRepository r, Function<ObjectNode, ObjectNode> edit, MetadataSigner... signers) {
        byte[] targets = r.signedTargets(r.targets(2));
        ObjectNode snapshot = edit.apply(r.snapshot(2, Map.of("targets", targets)));
        byte[] signed = signers.length == 0 ? r.signedSnapshot(snapshot) : sign(snapshot, signers);
        return Upload.multipart().file("targets", targets).file("snapshot", signed).build();
    }

    /** Root version 1 whose root role is {@code certificate} (of the GUN's root key), signed with it. */
    private static byte[] signedWithCertificate(GunRepository r, TufKey certificate) {
        return sign(withRootKeys(r.root(1), certificate), MetadataSigner.of(r.keys.root(), certificate.id()));
    }

    private static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(Hashes.sha256(data));
    }

    private static Map<String, byte[]> files(Object... roleThenBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < roleThenBytes.length; i += 2) {
            files.put((String) roleThenBytes[i], (byte[]) roleThenBytes[i + 1]);
        }
        return files;
    }

    private static ObjectNode edit(ObjectNode tree, java.util.function.Consumer<ObjectNode> change) {
        change.accept(tree);
        return tree;
    }

    /** The same JSON with whitespace after the opening brace, so that it exceeds our per-file cap. */
    private static byte[] padded(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        return ("{" + " ".repeat(ServerPair.MAX_FILE_BYTES) + text.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static MetadataSigner corrupted(MetadataSigner signer) {
        return canonical -> {
            Signature good = signer.sign(canonical);
            byte[] sig = good.sig();
            sig[sig.length / 2] ^= 0x01;
            return new Signature(good.keyId(), good.method(), sig);
        };
    }

    private static MetadataSigner withMethod(MetadataSigner signer, String method) {
        return canonical -> {
            Signature good = signer.sign(canonical);
            return new Signature(good.keyId(), method, good.sig());
        };
    }

    static List<String> watchedRoles(Upload upload) {
        List<String> roles = new java.util.ArrayList<>(List.of("root", "targets", "snapshot", "timestamp", RELEASES));
        upload.files().keySet().stream().filter(role -> !roles.contains(role) && dev.notary4j.tuf.model.RoleName.isValid(role))
                .forEach(roles::add);
        return roles;
    }
}
