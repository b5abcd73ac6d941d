package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The JavaScript engine's crypto imports ({@code teemate.digest}, {@code teemate.cipher}, declared in jsfn.c): Node's
 * {@code createHash}, {@code createHmac} and AES ciphers done by the trusted runtime's JCA, so a function's keys and
 * plaintext never leave the enclave and its crypto runs at native speed rather than in interpreted JavaScript.
 * Every pointer and length comes from the module: a range outside its linear memory traps (Chicory's bounds
 * check), a length out of range is refused by value.
 */
final class JsCrypto {
    /** The largest buffer one call takes: the linear memory cannot hold more anyway. */
    private static final int MAX = 1 << 30;

    static final int UNKNOWN = -1;
    static final int BAD_LENGTH = -2;
    static final int BAD_DECRYPT = -3;
    static final int TOO_SMALL = -4;

    private JsCrypto() {}

    static List<HostFunction> functions() {
        return List.of(
                new HostFunction("teemate", "digest", FunctionType.of(i32s(8), List.of(ValType.I32)), JsCrypto::digest),
                new HostFunction(
                        "teemate", "cipher", FunctionType.of(i32s(15), List.of(ValType.I32)), JsCrypto::cipher));
    }

    private static List<ValType> i32s(int n) {
        return Collections.nCopies(n, ValType.I32);
    }

    private static byte[] read(Memory m, long ptr, long len) {
        if (len < 0 || len > MAX) {
            throw new com.dylibso.chicory.runtime.WasmRuntimeException(
                    "crypto: buffer length " + len + " out of range");
        }
        return m.readBytes((int) ptr, (int) len);
    }

    private static String name(Memory m, long ptr, long len) {
        return len > 64 ? "" : new String(read(m, ptr, len), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    /** digest(alg, alg_len, key, key_len (-1: none), data, data_len, out, out_cap) -> length or error. */
    private static long[] digest(Instance instance, long... a) {
        Memory m = instance.memory();
        String alg = name(m, a[0], a[1]);
        String jca = switch (alg) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> null;
        };
        if (jca == null) {
            return new long[] {UNKNOWN};
        }
        int keyLen = (int) a[3];
        byte[] data = read(m, a[4], (int) a[5]);
        byte[] out;
        try {
            if (keyLen >= 0) {
                Mac mac = Mac.getInstance("Hmac" + jca.replace("-", ""));
                byte[] key = read(m, a[2], keyLen);
                // HMAC with an empty key is defined (RFC 2104 pads it); SecretKeySpec cannot hold one
                mac.init(
                        key.length == 0
                                ? new EmptyKey(mac.getAlgorithm())
                                : new SecretKeySpec(key, mac.getAlgorithm()));
                out = mac.doFinal(data);
            } else {
                out = MessageDigest.getInstance(jca).digest(data);
            }
        } catch (GeneralSecurityException e) {
            return new long[] {UNKNOWN};
        }
        if (out.length > (int) a[7]) {
            return new long[] {TOO_SMALL};
        }
        m.write((int) a[6], out);
        return new long[] {out.length};
    }

    /** A zero-length HMAC key, which {@link SecretKeySpec} cannot express. */
    private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }

    /**
     * cipher(spec, spec_len, encrypt, key, key_len, iv, iv_len, aad, aad_len, in, in_len, tag, tag_len, out, out_cap)
     * -> length or error. spec is Node's name (aes-128-cbc, aes-256-ctr, aes-128-gcm, aes-256-ecb, ...), with
     * "/nopadding" when the action turned auto-padding off.
     */
    private static long[] cipher(Instance instance, long... a) {
        Memory m = instance.memory();
        String spec = name(m, a[0], a[1]);
        boolean encrypt = a[2] != 0;
        boolean noPadding = spec.endsWith("/nopadding");
        String[] parts = spec.replace("/nopadding", "").split("-");
        if (parts.length != 3 || !parts[0].equals("aes")) {
            return new long[] {UNKNOWN};
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return new long[] {UNKNOWN};
        }
        String mode = parts[2];
        if ((bits != 128 && bits != 192 && bits != 256)
                || !List.of("cbc", "ctr", "ecb", "gcm").contains(mode)) {
            return new long[] {UNKNOWN};
        }
        byte[] key = read(m, a[3], a[4]);
        byte[] iv = read(m, a[5], a[6]);
        byte[] aad = read(m, a[7], a[8]);
        byte[] in = read(m, a[9], a[10]);
        int tagLen = (int) a[12];
        if (key.length != bits / 8) {
            return new long[] {BAD_LENGTH};
        }
        boolean gcm = mode.equals("gcm");
        if ((mode.equals("ecb") && iv.length != 0)
                || ((mode.equals("cbc") || mode.equals("ctr")) && iv.length != 16)
                || (gcm && (iv.length == 0 || tagLen < 4 || tagLen > 16))) {
            return new long[] {BAD_LENGTH};
        }
        try {
            String padding = (mode.equals("cbc") || mode.equals("ecb")) && !noPadding ? "PKCS5Padding" : "NoPadding";
            Cipher c = Cipher.getInstance("AES/" + mode.toUpperCase(Locale.ROOT) + "/" + padding);
            int op = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            byte[] out;
            if (gcm) {
                c.init(op, k, new GCMParameterSpec(tagLen * 8, iv));
                c.updateAAD(aad);
                if (encrypt) {
                    byte[] both = c.doFinal(in);
                    out = java.util.Arrays.copyOf(both, both.length - tagLen);
                    m.write((int) a[11], java.util.Arrays.copyOfRange(both, out.length, both.length));
                } else {
                    byte[] tag = read(m, a[11], tagLen);
                    byte[] both = java.util.Arrays.copyOf(in, in.length + tagLen);
                    System.arraycopy(tag, 0, both, in.length, tagLen);
                    out = c.doFinal(both);
                }
            } else if (mode.equals("ecb")) {
                c.init(op, k);
                out = c.doFinal(in);
            } else {
                c.init(op, k, new IvParameterSpec(iv));
                out = c.doFinal(in);
            }
            if (out.length > (int) a[14]) {
                return new long[] {TOO_SMALL};
            }
            m.write((int) a[13], out);
            return new long[] {out.length};
        } catch (BadPaddingException | IllegalBlockSizeException e) { // AEADBadTagException among them
            return new long[] {BAD_DECRYPT};
        } catch (GeneralSecurityException e) {
            return new long[] {UNKNOWN};
        }
    }
}
