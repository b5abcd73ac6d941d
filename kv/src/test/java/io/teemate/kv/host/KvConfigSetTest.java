package io.teemate.kv.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONFIG GET and CONFIG SET on a KvConfig: all or nothing, the changed names, the applier, the threads. */
class KvConfigSetTest {
    @TempDir
    Path dir;

    @Test
    void getAnswersEachDirectiveOnceAsRedisFormatsIt() {
        KvConfig c = KvConfig.defaults();
        assertThat(c.get(List.of("save", "maxmemory", "appendonly", "appendfsync", "requirepass")))
                .containsExactly(
                        "save", "3600 1 300 100 60 10000",
                        "maxmemory", "0",
                        "appendonly", "no",
                        "appendfsync", "everysec",
                        "requirepass", "");
        // an exact name is answered under the name as given; patterns and repeats do not add it again
        assertThat(c.get(List.of("HZ", "hz", "h?"))).containsExactly("HZ", "10");
        assertThat(c.get(List.of("teemate-*")))
                .containsExactly("teemate-mode", "shared", "teemate-heap", "", "teemate-epc-mib", "1024");
        assertThat(c.get(List.of("nosuch", "no*such"))).isEmpty();
        // every directive, and every alias under its own name (as Redis 7.0 lists hash-max-ziplist-entries)
        assertThat(c.get(List.of("*")))
                .hasSize(2 * (KvConfigDirectives.TABLE.size() + KvConfigDirectives.ALIASES.size()));
        assertThat(c.get(List.of("dir")))
                .containsExactly("dir", Path.of("teemate-kv").toAbsolutePath().toString());
    }

    @Test
    void setChangesValuesAndSaysWhichChanged() {
        KvConfig c = KvConfig.defaults();
        assertThat(c.set(List.of("hz", "20", "maxmemory", "1mb", "appendfsync", "everysec")))
                .containsExactly("hz", "maxmemory"); // appendfsync was already everysec
        assertThat(c.hz()).isEqualTo(20);
        assertThat(c.maxmemory()).isEqualTo(1L << 20);
        assertThat(c.get(List.of("maxmemory"))).containsExactly("maxmemory", "1048576");
        assertThat(c.set(List.of("hz", "20"))).isEmpty();
        assertThat(c.set(List.of("save", "100 10 200 20"))).containsExactly("save");
        assertThat(c.savePoints()).containsExactly(new KvConfig.SavePoint(100, 10), new KvConfig.SavePoint(200, 20));
        c.set(List.of("save", ""));
        assertThat(c.savePoints()).isEmpty();
        assertThat(c.get(List.of("save"))).containsExactly("save", "");
        c.set(List.of("requirepass", "pw"));
        assertThat(c.requirepass()).isEqualTo("pw");
        c.set(List.of("requirepass", ""));
        assertThat(c.requirepass()).isNull();
        c.set(List.of("hz", "1000"));
        assertThat(c.hz()).isEqualTo(500);
    }

    @Test
    void setIsAllOrNothing() {
        KvConfig c = KvConfig.defaults();
        assertThatThrownBy(() -> c.set(List.of("hz", "20", "maxmemory", "5mb", "appendfsync", "sometimes")))
                .isInstanceOf(KvConfigException.class)
                .hasMessage("ERR CONFIG SET failed (possibly related to argument 'appendfsync') - argument(s) must"
                        + " be one of the following: everysec, always, no");
        assertThat(c.hz()).isEqualTo(10);
        assertThat(c.maxmemory()).isZero();
        assertThat(c.appendfsync()).isEqualTo(KvOptions.Aof.Fsync.EVERYSEC);
    }

    @Test
    void errorsAreRedisReplies() {
        KvConfig c = KvConfig.defaults();
        Map<List<String>, String> cases = Map.ofEntries(
                Map.entry(
                        List.of("nosuch", "1"), "ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'"),
                Map.entry(List.of("hz"), "ERR wrong number of arguments for 'config|set' command"),
                Map.entry(List.of("hz", "1", "port"), "ERR syntax error"),
                Map.entry(
                        List.of("HZ", "abc"),
                        "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed"
                                + " into an integer"),
                Map.entry(
                        List.of("hz", "1", "HZ", "2"),
                        "ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter"),
                Map.entry(
                        List.of("databases", "1"),
                        "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable"
                                + " config"),
                Map.entry(
                        List.of("teemate-mode", "conventional"),
                        "ERR CONFIG SET failed (possibly related to argument 'teemate-mode') - can't set immutable"
                                + " config"),
                Map.entry(
                        List.of("dir", dir.toString()),
                        "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config"),
                Map.entry(
                        List.of("hz", "x", "nosuch", "1"),
                        "ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'"),
                Map.entry(
                        List.of("bind", "0.0.0.0"),
                        "ERR CONFIG SET failed (possibly related to argument 'bind') - bind address '0.0.0.0' is"
                                + " not a loopback address: the TeeMate database is an emulator and serves only this"
                                + " machine (127.0.0.1, ::1)"));
        cases.forEach((args, reply) ->
                assertThatThrownBy(() -> c.set(args)).as("%s", args).hasMessage(reply));
    }

    @Test
    void protectedConfigsCanBeSetWhenEnabled() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        KvConfig c = KvConfig.load(null, Map.of("enable-protected-configs", List.of("local")));
        assertThat(c.set(List.of("dir", data.toString(), "dbfilename", "x.sealed")))
                .containsExactly("dir", "dbfilename");
        assertThat(c.dir()).isEqualTo(data);
        assertThat(c.dbfilename()).isEqualTo("x.sealed");
        assertThatThrownBy(() -> c.set(List.of("dir", dir.resolve("missing").toString())))
                .hasMessage("ERR CONFIG SET failed (possibly related to argument 'dir') - No such file or directory");
        assertThatThrownBy(() -> c.set(List.of("dbfilename", "a/b")))
                .hasMessage("ERR CONFIG SET failed (possibly related to argument 'dbfilename') - dbfilename can't"
                        + " be a path, just a filename");
    }

    @Test
    void theApplierSeesTheNewValuesAndCanRefuseThem() {
        KvConfig c = KvConfig.defaults();
        List<String> seen = new ArrayList<>();
        Set<String> changed = c.set(List.of("appendonly", "yes", "save", "60 1"), names -> {
            seen.add(names + " appendonly=" + c.appendonly() + " save=" + c.savePoints());
        });
        assertThat(changed).containsExactly("appendonly", "save");
        assertThat(seen).containsExactly("[appendonly, save] appendonly=true save=[SavePoint[seconds=60, changes=1]]");

        seen.clear();
        assertThatThrownBy(() -> c.set(List.of("port", "7000", "hz", "5"), names -> {
                    seen.add("port=" + c.port());
                    if (c.port() == 7000) {
                        throw KvConfigException.setFailed("port", "Unable to listen on this port. Check server logs.");
                    }
                }))
                .hasMessage("ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this"
                        + " port. Check server logs.");
        // called once with the new values, then once more with the old ones restored, so that it can go back
        assertThat(seen).containsExactly("port=7000", "port=6379");
        assertThat(c.port()).isEqualTo(6379);
        assertThat(c.hz()).isEqualTo(10);
    }

    @Test
    void aFailureToGoBackIsKeptAsSuppressed() {
        KvConfig c = KvConfig.defaults();
        assertThatThrownBy(() -> c.set(List.of("port", "7000"), names -> {
                    throw KvConfigException.setFailed("port", "no");
                }))
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(c.port()).isEqualTo(6379);
    }

    @Test
    void readersNeverSeeHalfASet() throws Exception {
        KvConfig c = KvConfig.defaults();
        c.set(List.of("hz", "11", "auto-aof-rewrite-percentage", "11"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                List<String> v = c.get(List.of("hz", "auto-aof-rewrite-percentage"));
                if (!v.get(1).equals(v.get(3))) {
                    torn.set(v.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 20_000; i++) {
            String n = Integer.toString(11 + i % 100);
            c.set(List.of("hz", n, "auto-aof-rewrite-percentage", n));
        }
        stop.set(true);
        reader.join();
        assertThat(torn.get()).isNull();
    }
}
