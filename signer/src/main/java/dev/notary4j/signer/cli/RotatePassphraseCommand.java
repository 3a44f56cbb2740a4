package dev.notary4j.signer.cli;

import dev.notary4j.common.db.Database;
import dev.notary4j.signer.config.SignerConfig;
import dev.notary4j.signer.keys.Passphrases;
import dev.notary4j.signer.rotation.PassphraseRotation;
import dev.notary4j.signer.store.PrivateKeyTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary-signer -config FILE rotate-passphrase --from OLD --to NEW}: re-encrypts every stored key from
 * alias OLD to alias NEW in one transaction. Both passphrases come from the environment
 * ({@code NOTARY_SIGNER_<ALIAS>}). Afterwards set {@code storage.default_alias} to NEW and drop OLD's variable.
 */
@Command(name = "rotate-passphrase", description = "re-encrypt every key stored under one passphrase alias with another")
final class RotatePassphraseCommand implements Callable<Integer> {

    @ParentCommand
    NotarySignerCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "OLD", description = "alias whose passphrase is retired")
    String fromAlias;

    @Option(names = "--to", required = true, paramLabel = "NEW", description = "alias whose passphrase encrypts the keys from now on")
    String toAlias;

    @Override
    public Integer call() {
        SignerConfig config = parent.loadConfig();
        try (Database database = Database.open(config.database())) {
            int count = new PassphraseRotation(database.dsl(), new PrivateKeyTable(database.dsl()),
                    Passphrases.fromEnvironment(parent.environment)).rotate(fromAlias, toAlias);
            spec.commandLine().getOut().println("re-encrypted " + count + " keys from alias " + fromAlias + " to " + toAlias);
        }
        return 0;
    }
}
