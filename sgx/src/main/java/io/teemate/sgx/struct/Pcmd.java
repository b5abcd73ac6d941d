package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D PCMD / Linux arch/x86/include/asm/sgx.h struct sgx_pcmd (SECINFO 64 @0, ENCLAVEID u64 @64, reserved 40 @72, MAC 16 @112); sgx.md sections 3 and 5. */
public record Pcmd(SecInfo secInfo, long enclaveId, byte[] mac) {
    public static final int SIZE = 128;
    public static final int OFFSET_SECINFO = 0;
    public static final int OFFSET_ENCLAVEID = 64;
    public static final int OFFSET_MAC = 112;
    public static final int MAC_LENGTH = 16;

    private static final String NAME = "PCMD";

    public Pcmd {
        Objects.requireNonNull(secInfo, NAME + ".secInfo");
        mac = StructSupport.field(NAME, "mac", mac, MAC_LENGTH);
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer.wrap(out)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(OFFSET_SECINFO, secInfo.toBytes())
                .putLong(OFFSET_ENCLAVEID, enclaveId)
                .put(OFFSET_MAC, mac);
        return out;
    }

    /** Decodes the fields; the reserved bytes (72..111, and SECINFO's own reserved bytes) are ignored. */
    public static Pcmd fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] si = new byte[SecInfo.SIZE];
        byte[] m = new byte[MAC_LENGTH];
        buf.get(OFFSET_SECINFO, si).get(OFFSET_MAC, m);
        return new Pcmd(SecInfo.fromBytes(si), buf.getLong(OFFSET_ENCLAVEID), m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pcmd p
                && secInfo.equals(p.secInfo)
                && enclaveId == p.enclaveId
                && Arrays.equals(mac, p.mac);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(secInfo, enclaveId) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "Pcmd[secInfo=" + secInfo + ", enclaveId=0x" + Long.toHexString(enclaveId) + ", mac="
                + StructSupport.hex(mac) + "]";
    }
}
