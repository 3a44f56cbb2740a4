package dev.notary4j.server.update;

import java.util.List;

/**
 * Semantic validation of a POST update (spec §5.3 rules B1-B5 with the per-role rules R, T, S of §5.4). Pure: no
 * I/O, no clock other than {@link StoredContext#now()}; everything stored that the rules may consult is in the
 * context. Snapshot/timestamp generation (B6, B7) and storage (B8) happen after it, in {@link UpdateService}.
 */
public interface UpdateValidator {

    /**
     * @param stored   the GUN's current stored metadata
     * @param uploaded the files of the request in upload order, already checked by {@link MultipartUpload}; a later
     *                 file for the same role replaces an earlier one (the validator must apply that rule)
     * @return what to store and what generation needs
     * @throws ValidationFailure with the §5.1 kind and message notary would report
     */
    AcceptedUpdate validate(StoredContext stored, List<UploadedFile> uploaded) throws ValidationFailure;
}
