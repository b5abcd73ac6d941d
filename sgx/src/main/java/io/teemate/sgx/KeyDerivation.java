package io.teemate.sgx;

import io.teemate.sgx.struct.Attributes;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The processor's key-derivation function: AES-128-CMAC keyed by a fuse key over the key dependencies of
 * SDM Vol.3D EGETKEY (its table of key dependencies). Real parts use an undisclosed derivation; any PRF over
 * the same dependencies gives the same observable behaviour: equal inputs, equal key; any field changed,
 * an unrelated key; another platform's fuses, another key.
 */
final class KeyDerivation {
    private static final byte[] LABEL =
            "TeeMate SGX key derivation v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private KeyDerivation() {}

    /** Everything a derived key depends on; fields a key name does not use are zero. */
    record Dependencies(
            int keyName,
            int keyPolicy,
            short isvProdId,
            short isvSvn,
            byte[] ownerEpoch,
            Attributes attributes,
            int miscSelect,
            byte[] cpuSvn,
            byte[] mrEnclave,
            byte[] mrSigner,
            byte[] keyId) {
        byte[] encode() {
            ByteBuffer b = ByteBuffer.allocate(LABEL.length + 2 + 2 + 2 + 2 + 16 + 16 + 4 + 16 + 32 + 32 + 32)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.put(LABEL)
                    .putShort((short) keyName)
                    .putShort((short) keyPolicy)
                    .putShort(isvProdId)
                    .putShort(isvSvn);
            b.put(orZero(ownerEpoch, 16));
            attributes.writeTo(b);
            b.putInt(miscSelect)
                    .put(orZero(cpuSvn, 16))
                    .put(orZero(mrEnclave, 32))
                    .put(orZero(mrSigner, 32))
                    .put(orZero(keyId, 32));
            return b.array();
        }
    }

    static byte[] derive(byte[] fuseKey, Dependencies deps) {
        return cmac(fuseKey, deps.encode());
    }

    /** AES-128-CMAC (NIST SP 800-38B), the MAC EREPORT puts on a report body. */
    static byte[] cmac(byte[] key, byte[] data) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] orZero(byte[] v, int length) {
        return v == null ? new byte[length] : v;
    }
}
