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

/**
 * {@code teemate kv export [--from snapshot|aof] SOURCE OUT.rdb}: unseals a snapshot, or loads the append-only file,
 * inside the enclave and writes a standard RDB file.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Unseal a database snapshot (or recover the dataset of its append-only file, --from aof) inside an"
                    + " enclave of the database that wrote it and write a standard RDB file (version 10) that"
                    + " redis-check-rdb accepts and redis-server loads.",
            "SOURCE must be in its data directory (kv serve --dir), whose keys and platform seed unseal it."
        })
public final class KvExportCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "SOURCE",
            description = "the sealed snapshot, e.g. teemate-kv/dump.sealed; with --from aof, the AOF's manifest"
                    + " (teemate-kv/appendonlydir/appendonly.aof.manifest) or the data directory")
    Path snapshot;

    @CommandLine.Option(
            names = "--from",
            defaultValue = "snapshot",
            paramLabel = "snapshot|aof",
            description = "what to export: the sealed snapshot, or the dataset the append-only file recovers,"
                    + " every part authenticated before any plaintext leaves the enclave (default: ${DEFAULT-VALUE})")
    String from;

    @Parameters(index = "1", paramLabel = "OUT.rdb", description = "the RDB file to write (replaced atomically)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!from.equals("snapshot") && !from.equals("aof")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be snapshot or aof, not " + from);
        }
        try {
            long bytes;
            if (from.equals("aof")) {
                KvDatabase.AofExport e = KvDatabase.exportAof(snapshot, out);
                if (!e.warning().isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("teemate kv export: " + e.warning() + " (the file was not cut)");
                    spec.commandLine().getErr().flush();
                }
                bytes = e.bytes();
            } else {
                bytes = KvDatabase.export(snapshot, out);
            }
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
