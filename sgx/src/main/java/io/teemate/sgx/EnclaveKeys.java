package io.teemate.sgx;

import io.teemate.sgx.LogicalProcessor.EnclaveMode;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.TargetInfo;

import java.util.Arrays;

/** EREPORT and EGETKEY (SDM Vol.3D EREPORT, EGETKEY): reports MACed for a target enclave, and keys bound to this one. */
final class EnclaveKeys {
    private static final int REPORT_DATA_SIZE = 64;
    private static final int KEY_SIZE = 16;

    private EnclaveKeys() {}

    static void ereport(LogicalProcessor lp, long targetInfoAddress, long reportDataAddress, long outputAddress) {
        EnclaveMode m = EnclaveEntry.requireEnclaveMode(lp, "EREPORT");
        lp.charge(SgxLeaf.EREPORT);
        SecsState self = m.enclave;
        requireOperand(self, targetInfoAddress, 128, "EREPORT TARGETINFO");
        requireOperand(self, reportDataAddress, 128, "EREPORT REPORTDATA");
        requireOperand(self, outputAddress, 512, "EREPORT OUTPUTDATA");
        TargetInfo target = TargetInfo.fromBytes(lp.read(targetInfoAddress, TargetInfo.SIZE));
        byte[] reportData = lp.read(reportDataAddress, REPORT_DATA_SIZE);
        lp.read(outputAddress, new byte[1], 0, 1); // OUTPUTDATA must be writable before anything is written
        Machine machine = lp.machine();
        ReportBody body = new ReportBody(
                Machine.CPU_SVN.clone(),
                self.miscSelect,
                new byte[16],
                self.attributes,
                self.mrEnclave,
                self.mrSigner,
                new byte[64],
                self.isvProdId,
                self.isvSvn,
                (short) 0,
                new byte[16],
                reportData);
        byte[] reportKey = reportKey(
                machine, target.measurement(), target.attributes(), target.miscSelect(), machine.reportKeyId());
        byte[] mac = KeyDerivation.cmac(reportKey, body.toBytes());
        Report report = new Report(body, machine.reportKeyId().clone(), mac);
        lp.write(outputAddress, report.toBytes(), 0, Report.SIZE);
    }

    static SgxStatus egetkey(LogicalProcessor lp, long keyRequestAddress, long outputAddress) {
        EnclaveMode m = EnclaveEntry.requireEnclaveMode(lp, "EGETKEY");
        lp.charge(SgxLeaf.EGETKEY);
        SecsState self = m.enclave;
        requireOperand(self, keyRequestAddress, 512, "EGETKEY KEYREQUEST");
        requireOperand(self, outputAddress, 16, "EGETKEY output");
        byte[] raw = lp.read(keyRequestAddress, KeyRequest.SIZE);
        if (!KeyRequest.reservedZero(raw)) {
            throw new GeneralProtectionFault("KEYREQUEST has non-zero reserved bytes");
        }
        KeyRequest req = KeyRequest.fromBytes(raw);
        if ((req.keyPolicy() & ~0x3F) != 0) {
            throw new GeneralProtectionFault("KEYREQUEST.KEYPOLICY has reserved bits set");
        }
        Machine machine = lp.machine();
        FuseKeys fuses = machine.fuses();
        Attributes attrs = self.attributes;
        byte[] key;
        switch (req.keyName()) {
            case KeyRequest.KEYNAME_REPORT ->
                key = reportKey(machine, self.mrEnclave, attrs, self.miscSelect, req.keyId());
            case KeyRequest.KEYNAME_SEAL, KeyRequest.KEYNAME_PROVISION, KeyRequest.KEYNAME_PROVISION_SEAL -> {
                boolean provision = req.keyName() != KeyRequest.KEYNAME_SEAL;
                if (provision && !attrs.has(Attributes.PROVISIONKEY)) {
                    return SgxStatus.INVALID_ATTRIBUTE;
                }
                if (!cpuSvnAtMost(req.cpuSvn(), Machine.CPU_SVN)) {
                    return SgxStatus.INVALID_CPUSVN;
                }
                if (Short.toUnsignedInt(req.isvSvn()) > Short.toUnsignedInt(self.isvSvn)) {
                    return SgxStatus.INVALID_ISVSVN;
                }
                // Masked attributes always keep INIT and DEBUG (SDM: ATTRIBUTEMASK | 0x3).
                Attributes mask = new Attributes(
                        req.attributeMask().flags() | 0x3, req.attributeMask().xfrm());
                int policy = provision ? KeyRequest.POLICY_MRSIGNER : req.keyPolicy();
                boolean byEnclave = (policy & KeyRequest.POLICY_MRENCLAVE) != 0;
                boolean bySigner = (policy & KeyRequest.POLICY_MRSIGNER) != 0;
                boolean noProdId = !provision && (policy & KeyRequest.POLICY_NOISVPRODID) != 0;
                var deps = new KeyDerivation.Dependencies(
                        req.keyName(),
                        policy,
                        noProdId ? 0 : self.isvProdId,
                        req.isvSvn(),
                        req.keyName() == KeyRequest.KEYNAME_PROVISION ? null : fuses.ownerEpoch(),
                        attrs.and(mask),
                        self.miscSelect & req.miscMask(),
                        req.cpuSvn(),
                        byEnclave ? self.mrEnclave : null,
                        bySigner ? self.mrSigner : null,
                        provision ? null : req.keyId());
                key = KeyDerivation.derive(
                        req.keyName() == KeyRequest.KEYNAME_PROVISION
                                ? fuses.rootProvisioningKey()
                                : fuses.rootSealKey(),
                        deps);
            }
            case KeyRequest.KEYNAME_EINITTOKEN -> {
                return SgxStatus
                        .INVALID_ATTRIBUTE; // needs ATTRIBUTES.EINITTOKENKEY: a launch enclave; none is emulated
            }
            default -> {
                return SgxStatus.INVALID_KEYNAME;
            }
        }
        lp.write(outputAddress, key, 0, KEY_SIZE);
        Arrays.fill(key, (byte) 0);
        return SgxStatus.SUCCESS;
    }

    /** The REPORT key of an enclave: its MRENCLAVE, attributes, MISCSELECT, owner epoch, CPUSVN and a KEYID. */
    private static byte[] reportKey(
            Machine machine, byte[] mrEnclave, Attributes attributes, int miscSelect, byte[] keyId) {
        var deps = new KeyDerivation.Dependencies(
                KeyRequest.KEYNAME_REPORT,
                0,
                (short) 0,
                (short) 0,
                machine.fuses().ownerEpoch(),
                attributes,
                miscSelect,
                Machine.CPU_SVN,
                mrEnclave,
                null,
                keyId);
        return KeyDerivation.derive(machine.fuses().rootSealKey(), deps);
    }

    /** ENCLU memory operands must be aligned and inside ELRANGE (#GP); the access itself checks the EPCM. */
    private static void requireOperand(SecsState enclave, long address, int alignment, String what) {
        if ((address & (alignment - 1)) != 0 || !enclave.inElrange(address)) {
            throw new GeneralProtectionFault(
                    String.format("%s at 0x%x must be %d-byte aligned and inside ELRANGE", what, address, alignment));
        }
    }

    /** A requested CPUSVN is acceptable when no component exceeds the processor's own. */
    private static boolean cpuSvnAtMost(byte[] requested, byte[] current) {
        for (int i = 0; i < current.length; i++) {
            if (Byte.toUnsignedInt(requested[i]) > Byte.toUnsignedInt(current[i])) {
                return false;
            }
        }
        return true;
    }
}
