package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D REPORT body [SDM-1784] / intel/linux-sgx common/inc/sgx_report.h sgx_report_body_t (KSS layout); offsets per sgx.md section 7. */
public record ReportBody(
        byte[] cpuSvn,
        int miscSelect,
        byte[] isvExtProdId,
        Attributes attributes,
        byte[] mrEnclave,
        byte[] mrSigner,
        byte[] configId,
        short isvProdId,
        short isvSvn,
        short configSvn,
        byte[] isvFamilyId,
        byte[] reportData) {
    public static final int SIZE = 384;

    public static final int OFFSET_CPUSVN = 0;
    public static final int OFFSET_MISCSELECT = 16;
    public static final int OFFSET_ISVEXTPRODID = 32;
    public static final int OFFSET_ATTRIBUTES = 48;
    public static final int OFFSET_MRENCLAVE = 64;
    public static final int OFFSET_MRSIGNER = 128;
    public static final int OFFSET_CONFIGID = 192;
    public static final int OFFSET_ISVPRODID = 256;
    public static final int OFFSET_ISVSVN = 258;
    public static final int OFFSET_CONFIGSVN = 260;
    public static final int OFFSET_ISVFAMILYID = 304;
    public static final int OFFSET_REPORTDATA = 320;

    public static final int CPUSVN_LENGTH = 16;
    public static final int ISVEXTPRODID_LENGTH = 16;
    public static final int MRENCLAVE_LENGTH = 32;
    public static final int MRSIGNER_LENGTH = 32;
    public static final int CONFIGID_LENGTH = 64;
    public static final int ISVFAMILYID_LENGTH = 16;
    public static final int REPORTDATA_LENGTH = 64;

    private static final String NAME = "REPORTBODY";

    public ReportBody {
        cpuSvn = StructSupport.field(NAME, "cpuSvn", cpuSvn, CPUSVN_LENGTH);
        isvExtProdId = StructSupport.field(NAME, "isvExtProdId", isvExtProdId, ISVEXTPRODID_LENGTH);
        Objects.requireNonNull(attributes, NAME + ".attributes");
        mrEnclave = StructSupport.field(NAME, "mrEnclave", mrEnclave, MRENCLAVE_LENGTH);
        mrSigner = StructSupport.field(NAME, "mrSigner", mrSigner, MRSIGNER_LENGTH);
        configId = StructSupport.field(NAME, "configId", configId, CONFIGID_LENGTH);
        isvFamilyId = StructSupport.field(NAME, "isvFamilyId", isvFamilyId, ISVFAMILYID_LENGTH);
        reportData = StructSupport.field(NAME, "reportData", reportData, REPORTDATA_LENGTH);
    }

    @Override
    public byte[] cpuSvn() {
        return cpuSvn.clone();
    }

    @Override
    public byte[] isvExtProdId() {
        return isvExtProdId.clone();
    }

    @Override
    public byte[] mrEnclave() {
        return mrEnclave.clone();
    }

    @Override
    public byte[] mrSigner() {
        return mrSigner.clone();
    }

    @Override
    public byte[] configId() {
        return configId.clone();
    }

    @Override
    public byte[] isvFamilyId() {
        return isvFamilyId.clone();
    }

    @Override
    public byte[] reportData() {
        return reportData.clone();
    }

    /** The 384-byte image; reserved bytes (20..31, 96..127, 160..191, 262..303) are zero. */
    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        writeTo(ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN), 0);
        return out;
    }

    /** Writes the 384-byte body at absolute index {@code base} of a little-endian buffer (position is clobbered). */
    void writeTo(ByteBuffer buf, int base) {
        buf.put(base + OFFSET_CPUSVN, cpuSvn)
                .putInt(base + OFFSET_MISCSELECT, miscSelect)
                .put(base + OFFSET_ISVEXTPRODID, isvExtProdId);
        attributes.writeTo(buf.position(base + OFFSET_ATTRIBUTES));
        buf.put(base + OFFSET_MRENCLAVE, mrEnclave)
                .put(base + OFFSET_MRSIGNER, mrSigner)
                .put(base + OFFSET_CONFIGID, configId)
                .putShort(base + OFFSET_ISVPRODID, isvProdId)
                .putShort(base + OFFSET_ISVSVN, isvSvn)
                .putShort(base + OFFSET_CONFIGSVN, configSvn)
                .put(base + OFFSET_ISVFAMILYID, isvFamilyId)
                .put(base + OFFSET_REPORTDATA, reportData);
    }

    /** Decodes the fields; reserved bytes are ignored. */
    public static ReportBody fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        return read(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN), 0);
    }

    /** Reads a 384-byte body at absolute index {@code base} of a little-endian buffer (position is clobbered). */
    static ReportBody read(ByteBuffer buf, int base) {
        byte[] cpu = new byte[CPUSVN_LENGTH];
        byte[] ext = new byte[ISVEXTPRODID_LENGTH];
        byte[] mre = new byte[MRENCLAVE_LENGTH];
        byte[] mrs = new byte[MRSIGNER_LENGTH];
        byte[] cid = new byte[CONFIGID_LENGTH];
        byte[] fam = new byte[ISVFAMILYID_LENGTH];
        byte[] data = new byte[REPORTDATA_LENGTH];
        buf.get(base + OFFSET_CPUSVN, cpu)
                .get(base + OFFSET_ISVEXTPRODID, ext)
                .get(base + OFFSET_MRENCLAVE, mre)
                .get(base + OFFSET_MRSIGNER, mrs)
                .get(base + OFFSET_CONFIGID, cid)
                .get(base + OFFSET_ISVFAMILYID, fam)
                .get(base + OFFSET_REPORTDATA, data);
        return new ReportBody(
                cpu,
                buf.getInt(base + OFFSET_MISCSELECT),
                ext,
                Attributes.read(buf.position(base + OFFSET_ATTRIBUTES)),
                mre,
                mrs,
                cid,
                buf.getShort(base + OFFSET_ISVPRODID),
                buf.getShort(base + OFFSET_ISVSVN),
                buf.getShort(base + OFFSET_CONFIGSVN),
                fam,
                data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportBody r
                && Arrays.equals(cpuSvn, r.cpuSvn)
                && miscSelect == r.miscSelect
                && Arrays.equals(isvExtProdId, r.isvExtProdId)
                && attributes.equals(r.attributes)
                && Arrays.equals(mrEnclave, r.mrEnclave)
                && Arrays.equals(mrSigner, r.mrSigner)
                && Arrays.equals(configId, r.configId)
                && isvProdId == r.isvProdId
                && isvSvn == r.isvSvn
                && configSvn == r.configSvn
                && Arrays.equals(isvFamilyId, r.isvFamilyId)
                && Arrays.equals(reportData, r.reportData);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(miscSelect, attributes, isvProdId, isvSvn, configSvn);
        for (byte[] a : new byte[][] {cpuSvn, isvExtProdId, mrEnclave, mrSigner, configId, isvFamilyId, reportData}) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return h;
    }

    @Override
    public String toString() {
        return "ReportBody[cpuSvn=" + StructSupport.hex(cpuSvn) + ", miscSelect=0x" + Integer.toHexString(miscSelect)
                + ", isvExtProdId=" + StructSupport.hex(isvExtProdId) + ", attributes=" + attributes
                + ", mrEnclave=" + StructSupport.hex(mrEnclave) + ", mrSigner=" + StructSupport.hex(mrSigner)
                + ", configId=" + StructSupport.hex(configId)
                + ", isvProdId=" + Short.toUnsignedInt(isvProdId) + ", isvSvn=" + Short.toUnsignedInt(isvSvn)
                + ", configSvn=" + Short.toUnsignedInt(configSvn)
                + ", isvFamilyId=" + StructSupport.hex(isvFamilyId) + ", reportData=" + StructSupport.hex(reportData)
                + "]";
    }
}
