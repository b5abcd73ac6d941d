package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sorted set writes put in the append-only file, as redis-server 7.0 writes it (read from its AOF with
 * appendonly yes): ZMPOP as ZPOPMIN/ZPOPMAX key popped-count, everything else as it came, nothing when nothing
 * changed; and a replay of the log gives the same dataset.
 */
class SortedSetPropagationTest {
    private final KvRig rig = new KvRig();

    private List<String> logged(String line) {
        rig.engine.takePropagated();
        rig.cmd(line);
        return rig.engine.takePropagated().stream()
                .map(argv -> argv.stream()
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                        .collect(Collectors.joining(" ")))
                .toList();
    }

    @Test
    void writesAreLoggedAsRedisSevenLogsThem() {
        assertThat(logged("ZADD z 1 a 2 b 3 c 4 d 5 e")).containsExactly("ZADD z 1 a 2 b 3 c 4 d 5 e");
        assertThat(logged("ZADD z INCR 0.1 a")).containsExactly("ZADD z INCR 0.1 a");
        assertThat(logged("ZINCRBY z 1 b")).containsExactly("ZINCRBY z 1 b");
        assertThat(logged("ZMPOP 1 z MIN COUNT 2")).containsExactly("ZPOPMIN z 2");
        assertThat(logged("ZMPOP 2 nosuch z MAX COUNT 10")).containsExactly("ZPOPMAX z 3");
        assertThat(logged("EXISTS z")).isEmpty();
        assertThat(logged("ZADD z 1 a")).hasSize(1);
        assertThat(logged("ZPOPMIN z 0")).isEmpty();
        assertThat(logged("ZADD z GT 0 a"))
                .as("GT refused the update: no change")
                .isEmpty();
        assertThat(logged("ZADD z NX 5 a")).isEmpty();
        assertThat(logged("ZADD z 1 a")).as("same score").isEmpty();
        assertThat(logged("ZREM z nosuch")).isEmpty();
        assertThat(logged("ZPOPMIN z")).containsExactly("ZPOPMIN z");
        assertThat(logged("ZADD w 1 x")).hasSize(1);
        assertThat(logged("ZUNIONSTORE w 1 nosuch"))
                .as("an empty result deletes w")
                .containsExactly("ZUNIONSTORE w 1 nosuch");
        assertThat(logged("ZUNIONSTORE w 1 nosuch"))
                .as("nothing to delete any more")
                .isEmpty();
        assertThat(logged("ZRANGESTORE w nosuch 0 -1")).isEmpty();
    }

    @Test
    void blockingPopsAreLoggedAsTheirNonBlockingForms() {
        // t_zset.c blockingGenericZpopCommand: ZPOPMIN/ZPOPMAX key, or key popped-count for BZMPOP
        rig.cmd("ZADD bz 1 a 2 b 3 c");
        assertThat(logged("BZPOPMIN none bz 0")).containsExactly("ZPOPMIN bz");
        assertThat(logged("BZPOPMAX bz 1.5")).containsExactly("ZPOPMAX bz");
        rig.cmd("ZADD bz 1 a 3 c");
        assertThat(logged("BZMPOP 0 2 none bz MAX COUNT 10")).containsExactly("ZPOPMAX bz 3");
        assertThat(logged("EXISTS bz")).isEmpty();
        assertThat(logged("BZPOPMIN none bz 0"))
                .as("nothing there: the host parks the client")
                .isEmpty();
        assertThat(rig.cmd("BZMPOP 2.5 2 x y MIN")).startsWith("\0*3\r\n$4\r\n2500\r\n$1\r\nx\r\n$1\r\ny\r\n");
    }

    @Test
    void aReplayOfTheLogGivesTheSameSortedSets() {
        for (String line : List.of(
                "ZADD z 1 a 2 b 3 c 4 d 5 e 6 f",
                "ZADD z INCR 0.1 a",
                "ZINCRBY z -inf f",
                "ZMPOP 1 z MAX COUNT 2",
                "ZPOPMIN z",
                "BZPOPMAX z 0",
                "ZADD z 7 g 8 h",
                "BZMPOP 0 1 z MIN COUNT 2",
                "ZRANGESTORE r z 0 -1 REV",
                "ZUNIONSTORE u 2 z r WEIGHTS 2 3",
                "ZREMRANGEBYSCORE u 0 4",
                "ZREM r c",
                "ZDIFFSTORE d 2 z r",
                "EXPIRE u 100")) {
            rig.cmd(line);
        }
        List<List<byte[]>> log = rig.engine.takePropagated();
        KvRig replay = new KvRig();
        replay.ks.loading(true);
        for (List<byte[]> argv : log) {
            replay.engine.execute(argv);
        }
        replay.ks.loading(false);
        assertThat(Dump.of(replay.ks)).isEqualTo(Dump.of(rig.ks));
    }
}
