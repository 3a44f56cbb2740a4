package dev.notary4j.server.api;

/** notary-server's error codes (group notary.api.v1 plus errcode's UNKNOWN/UNAUTHORIZED), status and exact message. */
public enum ErrorCode {
    NO_STORAGE(500, "The server is misconfigured and has no storage."),
    NO_FILENAME(400, "No file/role name provided."),
    INVALID_ROLE(400, "The role you are attempting to operate on is invalid."),
    MALFORMED_JSON(400, "JSON sent by the client could not be parsed by the server"),
    UPDATING(500, "An error has occurred while updating the TUF repository."),
    VERSION(400, "A newer version of metadata is already available."),
    METADATA_NOT_FOUND(404, "You have requested metadata that does not exist."),
    INVALID_UPDATE(400, "Update sent by the client is invalid."),
    MALFORMED_UPLOAD(400, "The body of your request is malformed."),
    GENERIC_NOT_FOUND(404, "You have requested a resource that does not exist."),
    NO_CRYPTOSERVICE(500, "The server does not have a signing service configured."),
    NO_KEYALGORITHM(500, "The server does not have a key algorithm configured."),
    INVALID_GUN(400, "The server does not support actions on images of this name."),
    INVALID_PARAMETERS(400, "The parameters provided are not valid."),
    UNKNOWN(500, "unknown error"),
    UNAUTHORIZED(401, "authentication required");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
