package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A database and its RESP server on a free port, for tests; and redis-cli against it. */
final class RunningKv implements AutoCloseable {
    final KvDatabase db;
    final KvServer server;

    private RunningKv(KvDatabase db, KvServer server) {
        this.db = db;
        this.server = server;
    }

    /** A 64 MiB-heap database in {@code dir} on a 256 MiB-EPC machine. */
    static RunningKv start(Path dir, Mode mode) throws IOException {
        return start(dir, mode, Map.of("save", List.of(""))); // as KvServer.start(db, port): no save points
    }

    /** As {@link #start(Path, Mode)}, configured as redis-server would be by {@code directives} (Redis's defaults). */
    static RunningKv start(Path dir, Mode mode, Map<String, List<String>> directives) throws IOException {
        Map<String, List<String>> all = new LinkedHashMap<>(directives);
        all.put("port", List.of("0"));
        all.put("dir", List.of(dir.toString()));
        all.put("teemate-mode", List.of(mode.name().toLowerCase(java.util.Locale.ROOT)));
        all.put("teemate-heap", List.of("64M"));
        all.put("teemate-epc-mib", List.of("256"));
        KvConfig config = KvConfig.load(null, all);
        KvDatabase db = KvDatabase.open(config.options());
        try {
            return new RunningKv(db, KvServer.start(db, config));
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    /** {@code redis-cli -p PORT args...}: its standard output without trailing newlines. */
    String cli(String... args) throws IOException, InterruptedException {
        return cliWithInput(null, args);
    }

    /** redis-cli reading commands (one per line, on one connection) or --pipe data from standard input. */
    String cliWithInput(byte[] input, String... args) throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(List.of(RedisTools.binary("redis-cli").toString(), "-p", Integer.toString(port())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("redis-cli finishes").isTrue();
        return out.replaceAll("\n+$", "");
    }

    /** The raw reply bytes (ISO-8859-1) to one command sent on a new connection, which QUIT then closes. */
    String raw(String... words) throws IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port())) {
            s.getOutputStream().write(RespClient.encode(words));
            s.getOutputStream().write(RespClient.encode("QUIT"));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(all).endsWith("+OK\r\n");
            return all.substring(0, all.length() - "+OK\r\n".length());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            db.close();
        }
    }
}
