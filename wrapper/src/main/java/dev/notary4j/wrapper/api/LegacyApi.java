package dev.notary4j.wrapper.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.client.targets.FoundTarget;
import dev.notary4j.wrapper.http.Reply;
import dev.notary4j.wrapper.trust.TrustFailure;
import dev.notary4j.wrapper.trust.TrustService;
import dev.notary4j.wrapper.trust.VerifiedRepository;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * notary-wrapper's API, same paths and JSON shapes: {@code POST /list}, {@code /verify}, {@code /lookup} with
 * {@code {"GUN","Tag"|"SHA","notaryServer"}}, answered from verified trust data instead of the CLI's text output.
 */
public final class LegacyApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final String NOT_FOUND = "{\"code\":404,\"message\":\"SHA not found\"}";

    private final TrustService trust;
    private final int failureStatus;

    public LegacyApi(TrustService trust, int failureStatus) {
        this.trust = trust;
        this.failureStatus = failureStatus;
    }

    /** With a Tag: the one entry as a JSON object (Digest bare hex) or 404; without: every target as an array. */
    public CompletableFuture<Reply> list(byte[] body) {
        return withRepository(body, (repo, fields) -> {
            String tag = fields.get("Tag");
            if (tag.isEmpty()) {
                ArrayNode all = JSON.createArrayNode();
                repo.targets().stream().sorted(Comparator.comparing(FoundTarget::name))
                        .forEach(t -> all.add(entry(t, false)));
                return Reply.json(200, all.toString(), "allowed");
            }
            try {
                return Reply.json(200, entry(repo.tag(tag).target(), false).toString(), "allowed");
            } catch (TrustFailure notSigned) {
                return Reply.json(404, NOT_FOUND, "denied");
            }
        });
    }

    /** Every accepted entry whose sha256 is SHA (bare hex or {@code sha256:} prefixed), or 404. */
    public CompletableFuture<Reply> verify(byte[] body) {
        return withRepository(body, (repo, fields) -> {
            String sha = fields.get("SHA");
            String hex = sha.startsWith("sha256:") ? sha.substring("sha256:".length()) : sha;
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new TrustFailure(TrustFailure.Kind.BAD_REQUEST, "SHA must be 64 hex digits, optionally sha256:-prefixed");
            }
            List<FoundTarget> matching = repo.withDigest(hex);
            if (matching.isEmpty()) {
                return Reply.json(404, NOT_FOUND, "denied");
            }
            ArrayNode entries = JSON.createArrayNode();
            matching.forEach(t -> entries.add(entry(t, false)));
            return Reply.json(200, entries.toString(), "allowed");
        });
    }

    /** notary-wrapper's lookup: Digest with {@code sha256:}, empty Role; a missing tag is its 500 (a CLI failure). */
    public CompletableFuture<Reply> lookup(byte[] body) {
        return withRepository(body, (repo, fields) -> {
            String tag = fields.get("Tag");
            if (tag.isEmpty()) {
                throw new TrustFailure(TrustFailure.Kind.BAD_REQUEST, "Tag is required");
            }
            try {
                ObjectNode entry = entry(repo.tag(tag).target(), true);
                entry.put("Role", "");
                return Reply.json(200, entry.toString(), "allowed");
            } catch (TrustFailure notSigned) {
                return Reply.json(500, "{\"code\":\"500\",\"info\":\"internal server error\"}", "denied");
            }
        });
    }

    private CompletableFuture<Reply> withRepository(byte[] body, Answer answer) {
        RequestFields fields;
        try {
            fields = RequestFields.parse(body);
        } catch (TrustFailure e) {
            return CompletableFuture.completedFuture(failure(e, ""));
        }
        String server;
        String gun;
        try {
            server = fields.get("notaryServer");
            gun = fields.get("GUN");
        } catch (TrustFailure e) {
            return CompletableFuture.completedFuture(failure(e, ""));
        }
        return trust.repository(server, gun)
                .thenApply(repo -> answer.apply(repo, fields))
                .exceptionally(error -> failure(TrustFailure.of(error), server));
    }

    private Reply failure(TrustFailure failure, String server) {
        return switch (failure.kind()) {
            case BAD_REQUEST -> Reply.json(400, errorMessage(400, failure.getMessage()), "bad_request");
            case NOT_SIGNED -> Reply.json(404, NOT_FOUND, "denied");
            case REPOSITORY_NOT_FOUND -> Reply.json(404, errorInfo("404", "fatal: " + failure.getMessage()
                    .replaceFirst("^\\S+ does not", server + " does not")), "not_found");
            case NO_POLICY -> Reply.json(403, errorInfo("403", failure.getMessage()), "no_policy");
            case UNREACHABLE, UNTRUSTED -> Reply.json(failureStatus,
                    errorInfo(Integer.toString(failureStatus), failure.getMessage()), failure.kind().name().toLowerCase());
        };
    }

    /** The handlers' own error shape: numeric code, {@code message}. */
    private static String errorMessage(int code, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        return node.toString();
    }

    /** notary-wrapper's CLI-error shape: code as a string, text in {@code info}. */
    private static String errorInfo(String code, String info) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code);
        node.put("info", info);
        return node.toString();
    }

    private static ObjectNode entry(FoundTarget target, boolean prefixed) {
        ObjectNode node = JSON.createObjectNode();
        String hex = target.sha256Hex().orElse("");
        node.put("Name", target.name());
        node.put("Digest", prefixed ? "sha256:" + hex : hex);
        node.put("Size", Long.toString(target.length()));
        node.put("Role", target.role());
        return node;
    }

    @FunctionalInterface
    private interface Answer {
        Reply apply(VerifiedRepository repo, RequestFields fields);
    }
}
