package io.teemate.cli.kv;

import io.teemate.cli.CliErrors;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code teemate kv export SNAPSHOT OUT.rdb}: unseals a snapshot inside the enclave and writes a standard RDB file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Unseal a database snapshot inside an enclave of the database that wrote it and write a"
                    + " standard RDB file (version 10) that redis-check-rdb accepts and redis-server loads.",
            "SNAPSHOT must be in its data directory (kv serve --dir), whose keys and platform seed unseal it."
        })
public final class KvExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "the sealed snapshot, e.g. teemate-kv/dump.sealed")
    Path snapshot;

    @Parameters(index = "1", paramLabel = "OUT.rdb", description = "the RDB file to write (replaced atomically)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            long bytes = KvDatabase.export(snapshot, out);
            spec.commandLine().getOut().printf("teemate kv: wrote %s (%,d bytes of RDB)%n", out, bytes);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException | KvException e) {
            spec.commandLine()
                    .getErr()
                    .println("teemate kv export: "
                            + (e instanceof IOException io ? CliErrors.describe(io) : e.getMessage()));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
