package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D TARGETINFO [SDM-1785] / intel/linux-sgx common/inc/sgx_report.h sgx_target_info_t (MEASUREMENT @0, ATTRIBUTES @32, MISCSELECT @52); sgx.md section 7. */
public record TargetInfo(byte[] measurement, Attributes attributes, int miscSelect) {
    public static final int SIZE = 512;
    public static final int OFFSET_MEASUREMENT = 0;
    public static final int OFFSET_ATTRIBUTES = 32;
    public static final int OFFSET_MISCSELECT = 52;
    public static final int MEASUREMENT_LENGTH = 32;

    private static final String NAME = "TARGETINFO";

    public TargetInfo {
        measurement = StructSupport.field(NAME, "measurement", measurement, MEASUREMENT_LENGTH);
        Objects.requireNonNull(attributes, NAME + ".attributes");
    }

    /** The target enclave's MRENCLAVE. */
    @Override
    public byte[] measurement() {
        return measurement.clone();
    }

    /** The 512-byte image; reserved bytes (48..51, 56..511) are zero. */
    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(OFFSET_MEASUREMENT, measurement);
        attributes.writeTo(buf.position(OFFSET_ATTRIBUTES));
        buf.putInt(OFFSET_MISCSELECT, miscSelect);
        return out;
    }

    /** Decodes the fields; reserved bytes are ignored. */
    public static TargetInfo fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] m = new byte[MEASUREMENT_LENGTH];
        buf.get(OFFSET_MEASUREMENT, m);
        return new TargetInfo(m, Attributes.read(buf.position(OFFSET_ATTRIBUTES)), buf.getInt(OFFSET_MISCSELECT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetInfo t
                && Arrays.equals(measurement, t.measurement)
                && attributes.equals(t.attributes)
                && miscSelect == t.miscSelect;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(measurement) + Objects.hash(attributes, miscSelect);
    }

    @Override
    public String toString() {
        return "TargetInfo[measurement=" + StructSupport.hex(measurement) + ", attributes=" + attributes
                + ", miscSelect=0x" + Integer.toHexString(miscSelect) + "]";
    }
}
