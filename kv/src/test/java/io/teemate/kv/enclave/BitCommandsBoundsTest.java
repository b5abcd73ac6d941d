package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client-chosen bit offset cannot make the engine allocate past proto-max-bulk-len, nor past what the keyspace's
 * space could ever hold: the offset is refused with Redis's error beyond 2^32 bits, and a string the space cannot
 * hold answers OOM before any buffer of that size is built (the 64 MiB space of {@link KvRig}).
 */
class BitCommandsBoundsTest {
    private final KvRig rig = new KvRig();
    private static final String OFFSET_ERR = KvRig.err("ERR bit offset is not an integer or out of range");

    @Test
    void offsetsPastProtoMaxBulkLenAreRefused() {
        assertThat(rig.cmd("SETBIT k 4294967296 1")).isEqualTo(OFFSET_ERR);
        assertThat(rig.cmd("GETBIT k 4294967296")).isEqualTo(OFFSET_ERR);
        assertThat(rig.cmd("BITFIELD k SET u8 #536870912 1")).isEqualTo(OFFSET_ERR);
        assertThat(rig.cmd("BITFIELD k SET i64 #9223372036854775807 1")).isEqualTo(OFFSET_ERR);
        assertThat(rig.cmd("EXISTS k")).isEqualTo(KvRig.integer(0));
    }

    @Test
    void aStringTheSpaceCannotHoldAnswersOomAndChangesNothing() {
        assertThat(rig.cmd("SETBIT k 4294967295 1")).isEqualTo(KvRig.err(CommandEngine.OOM));
        assertThat(rig.cmd("BITFIELD k SET u8 4294967200 1")).isEqualTo(KvRig.err(CommandEngine.OOM));
        assertThat(rig.cmd("EXISTS k")).isEqualTo(KvRig.integer(0));
        assertThat(rig.engine.takePropagated()).isEmpty();
        assertThat(rig.cmd("GETBIT k 4294967295")).isEqualTo(KvRig.integer(0));
        assertThat(rig.cmd("SETBIT k 1000000 1")).isEqualTo(KvRig.integer(0));
        assertThat(rig.cmd("STRLEN k")).isEqualTo(KvRig.integer(125_001));
    }
}
