package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's active expiry cycle (expire.c activeExpireCycle): what it deletes, keeps and propagates. */
class ActiveExpiryTest {
    private final KvRig rig = new KvRig();

    @Test
    void cyclesDeleteEveryExpiredKeyAndPropagateEachAsDel() {
        for (int i = 0; i < 300; i++) {
            rig.cmd("SET v" + i + " x PX 100");
            rig.cmd("SET p" + i + " x");
        }
        rig.cmd("SET later x PX 100000");
        rig.engine.takePropagated();
        assertThat(rig.engine.activeExpireCycle(25_000))
                .as("nothing has expired yet")
                .isZero();
        rig.now += 1_000;
        long deleted = 0;
        for (int tick = 0; tick < 1000 && rig.ks.expiresCount() > 1; tick++) {
            deleted += rig.engine.activeExpireCycle(25_000);
        }
        assertThat(deleted).isEqualTo(300);
        assertThat(rig.cmd("DBSIZE")).isEqualTo(KvRig.integer(301));
        assertThat(rig.ks.expiresCount()).isEqualTo(1);
        Set<String> dels = new HashSet<>();
        for (List<byte[]> argv : rig.engine.takePropagated()) {
            assertThat(new String(argv.get(0), StandardCharsets.US_ASCII)).isEqualTo("DEL");
            dels.add(new String(argv.get(1), StandardCharsets.US_ASCII));
        }
        assertThat(dels).hasSize(300).allMatch(k -> k.startsWith("v"));
        assertThat(rig.cmd("PTTL later")).isEqualTo(KvRig.integer(99_000));
        // the running estimate (2% per sample) of the TTLs sampled, the short-lived keys' (100 ms) and later's
        assertThat(rig.engine.activeExpiry().avgTtl(0)).isBetween(50L, 99_000L);
        rig.cmd("DEL later");
        rig.engine.activeExpireCycle(25_000);
        assertThat(rig.engine.activeExpiry().avgTtl(0))
                .as("no key with a deadline: 0")
                .isZero();
    }

    @Test
    void oneCycleSamplesABoundedPartOfAMostlyFreshTable() {
        for (int i = 0; i < 2000; i++) {
            rig.cmd("SET k" + i + " x PX " + (i < 10 ? 100 : 1_000_000));
        }
        rig.now += 1_000;
        long first = rig.engine.activeExpireCycle(25_000);
        assertThat(first)
                .as("stops once a sample is mostly fresh, however much is left")
                .isLessThanOrEqualTo(10);
        long total = first;
        for (int tick = 0; tick < 1000 && total < 10; tick++) {
            total += rig.engine.activeExpireCycle(25_000);
        }
        assertThat(total).isEqualTo(10);
        assertThat(rig.cmd("DBSIZE")).isEqualTo(KvRig.integer(1990));
    }

    @Test
    void nothingExpiresWhileLoading() {
        rig.cmd("SET a x PX 10");
        rig.now += 100;
        rig.ks.loading(true);
        assertThat(rig.engine.activeExpireCycle(25_000)).isZero();
        rig.ks.loading(false);
        assertThat(rig.engine.activeExpireCycle(25_000)).isEqualTo(1);
    }
}
