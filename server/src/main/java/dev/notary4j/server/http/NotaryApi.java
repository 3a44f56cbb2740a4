package dev.notary4j.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.tuf.json.GoTime;
import dev.notary4j.server.signing.KeyService;
import dev.notary4j.server.storage.Change;
import dev.notary4j.server.storage.CorruptMetadataException;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.StorageException;
import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.server.update.MultipartUpload;
import dev.notary4j.server.update.UpdateService;
import dev.notary4j.server.update.UploadLimits;
import java.util.List;
import java.util.Optional;

/**
 * The handlers of routes 1-10 (spec §4). Blocking: runs on worker threads. Answers a {@link Reply} or throws
 * {@link NotaryException}.
 */
final class NotaryApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final MetaStore store;
    private final MetadataReads reads;
    private final KeyService keys;
    private final UpdateService updates;
    private final UploadLimits uploadLimits;

    NotaryApi(MetaStore store, MetadataReads reads, KeyService keys, UpdateService updates,
              UploadLimits uploadLimits) {
        this.store = store;
        this.reads = reads;
        this.keys = keys;
        this.updates = updates;
        this.uploadLimits = uploadLimits;
    }

    /** A request as the handlers see it; {@code body} is only read for the update route. */
    record Request(RouteMatch match, String contentType, byte[] body, String changeId, String records) {
    }

    Reply handle(Request request) throws NotaryException {
        RouteMatch match = request.match();
        try {
            return switch (match.route()) {
                case MAIN -> Reply.text("{}");
                case UPDATE -> {
                    updates.apply(match.gun(), MultipartUpload.parse(request.contentType(), request.body(), uploadLimits));
                    yield Reply.empty();
                }
                case GET_BY_CHECKSUM -> reads.byChecksum(match.gun(), match.role(), match.checksum());
                case GET_BY_VERSION -> MetadataReads.found(byVersion(match));
                case GET_CURRENT -> reads.current(match.gun(), match.role());
                case GET_KEY -> Reply.text(keys.getOrCreate(match.gun(), match.role()).toResponseJson());
                case ROTATE_KEY -> Reply.text(keys.rotate(match.gun(), match.role()).toResponseJson());
                case DELETE -> {
                    store.delete(match.gun());
                    yield Reply.empty();
                }
                case GUN_CHANGEFEED -> changefeed(match.gun(), request);
                case CHANGEFEED -> changefeed(null, request);
                case HEALTH, METRICS, NOT_FOUND -> throw NotaryException.of(ErrorCode.METADATA_NOT_FOUND);
            };
        } catch (StorageException | CorruptMetadataException e) {
            throw switch (match.route()) {
                case UPDATE -> new NotaryException(ErrorCode.UPDATING, null, e.getMessage());
                default -> NotaryException.withEmptyDetail(ErrorCode.UNKNOWN, e.getMessage());
            };
        }
    }

    private Optional<StoredFile> byVersion(RouteMatch match) {
        int version;
        try {
            version = Integer.parseInt(match.version());
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        return store.byVersion(match.gun(), match.role(), version);
    }

    /** Parameters as Go's {@code strconv.ParseInt(s, 10, 32)} reads them (spec §4.8). */
    private Reply changefeed(String gun, Request request) throws NotaryException {
        int records;
        try {
            records = Integer.parseInt(request.records() == null ? "" : request.records());
        } catch (NumberFormatException e) {
            throw NotaryException.withDetail(ErrorCode.INVALID_PARAMETERS, "invalid records parameter: "
                    + goParseIntError(request.records() == null ? "" : request.records()));
        }
        long changeId = 0;
        if (request.changeId() != null && !request.changeId().isEmpty()) {
            try {
                changeId = Integer.parseInt(request.changeId());
            } catch (NumberFormatException e) {
                throw NotaryException.withEmptyDetail(ErrorCode.INVALID_PARAMETERS, "invalid change_id");
            }
        }
        if (records == 0) {
            records = DEFAULT_PAGE_SIZE;
        }
        List<Change> changes = store.changes(gun, changeId, records);
        ObjectNode body = JSON.createObjectNode();
        body.put("count", changes.size());
        ArrayNode list = body.putArray("records");
        for (Change change : changes) {
            ObjectNode record = list.addObject();
            record.put("ID", Long.toString(change.id()));
            record.put("CreatedAt", GoTime.format(change.createdAt().atOffset(java.time.ZoneOffset.UTC)));
            record.put("GUN", change.gun());
            record.put("Version", change.version());
            record.put("SHA256", change.sha256());
            record.put("Category", change.category());
        }
        return Reply.text(Responses.goJson(body));
    }

    /** Go's strconv error text: invalid syntax, or value out of range for well-formed integers. */
    private static String goParseIntError(String value) {
        String reason = value.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
        return "strconv.ParseInt: parsing " + Responses.goQuote(value) + ": " + reason;
    }
}
