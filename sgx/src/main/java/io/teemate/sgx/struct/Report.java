package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D REPORT [SDM-1784] / intel/linux-sgx common/inc/sgx_report.h sgx_report_t (body 384 @0, KEYID 32 @384, MAC 16 @416); sgx.md section 7. */
public record Report(ReportBody body, byte[] keyId, byte[] mac) {
    public static final int SIZE = 432;
    public static final int BODY_OFFSET = 0;
    public static final int KEYID_OFFSET = 384;
    /** EREPORT computes the MAC over the body, bytes [0, 384). */
    public static final int MAC_OFFSET = 416;

    public static final int KEYID_LENGTH = 32;
    public static final int MAC_LENGTH = 16;

    private static final String NAME = "REPORT";

    public Report {
        Objects.requireNonNull(body, NAME + ".body");
        keyId = StructSupport.field(NAME, "keyId", keyId, KEYID_LENGTH);
        mac = StructSupport.field(NAME, "mac", mac, MAC_LENGTH);
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        body.writeTo(buf, BODY_OFFSET);
        buf.put(KEYID_OFFSET, keyId).put(MAC_OFFSET, mac);
        return out;
    }

    public static Report fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] kid = new byte[KEYID_LENGTH];
        byte[] m = new byte[MAC_LENGTH];
        buf.get(KEYID_OFFSET, kid).get(MAC_OFFSET, m);
        return new Report(ReportBody.read(buf, BODY_OFFSET), kid, m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Report r
                && body.equals(r.body)
                && Arrays.equals(keyId, r.keyId)
                && Arrays.equals(mac, r.mac);
    }

    @Override
    public int hashCode() {
        return (31 * body.hashCode() + Arrays.hashCode(keyId)) * 31 + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "Report[body=" + body + ", keyId=" + StructSupport.hex(keyId) + ", mac=" + StructSupport.hex(mac) + "]";
    }
}
