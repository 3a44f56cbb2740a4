package dev.notary4j.server.validation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.server.update.AcceptedUpdate;
import dev.notary4j.server.update.StoredContext;
import dev.notary4j.server.update.UploadedFile;
import dev.notary4j.server.update.ValidationFailure;
import java.util.List;

/** Runs the validator and asserts on its verdict. */
final class Verdicts {
    private static final NotaryUpdateValidator VALIDATOR = new NotaryUpdateValidator();

    private Verdicts() {
    }

    static AcceptedUpdate accepted(StoredContext stored, UploadedFile... files) throws ValidationFailure {
        return VALIDATOR.validate(stored, List.of(files));
    }

    /** The update is refused with this §5.1 kind and notary's exact message ({@code null}: any message). */
    static void refused(ValidationFailure.Kind kind, String msg, StoredContext stored, UploadedFile... files) {
        assertThatThrownBy(() -> VALIDATOR.validate(stored, List.of(files)))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> {
                    org.assertj.core.api.Assertions.assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(kind);
                    if (msg != null) {
                        org.assertj.core.api.Assertions.assertThat(failure.msg()).isEqualTo(msg);
                    }
                });
    }
}
