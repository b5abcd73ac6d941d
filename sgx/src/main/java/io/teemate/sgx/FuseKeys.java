package io.teemate.sgx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A platform's secrets burned in at manufacture (SDM Vol.3D 38.2 "Root of trust"): the root provisioning
 * key and the root seal key, plus the owner epoch the platform owner sets. Every EGETKEY and EREPORT key
 * is derived from these, so a key or a report MAC made on one machine is worthless on another.
 */
public final class FuseKeys {
    private final byte[] rootSealKey;
    private final byte[] rootProvisioningKey;
    private final byte[] ownerEpoch;

    private FuseKeys(byte[] rootSealKey, byte[] rootProvisioningKey, byte[] ownerEpoch) {
        this.rootSealKey = rootSealKey;
        this.rootProvisioningKey = rootProvisioningKey;
        this.ownerEpoch = ownerEpoch;
    }

    /** Fresh random fuses, as on a real part. */
    public static FuseKeys random() {
        SecureRandom r = new SecureRandom();
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        byte[] c = new byte[16];
        r.nextBytes(a);
        r.nextBytes(b);
        r.nextBytes(c);
        return new FuseKeys(a, b, c);
    }

    /** Fuses derived from {@code seed}: the same seed gives the same platform, for reproducible tests. */
    public static FuseKeys fromSeed(long seed) {
        return new FuseKeys(
                expand(seed, "root seal key"), expand(seed, "root provisioning key"), expand(seed, "owner epoch"));
    }

    static byte[] expand(long seed, String label) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(label.getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] rootSealKey() {
        return rootSealKey;
    }

    byte[] rootProvisioningKey() {
        return rootProvisioningKey;
    }

    byte[] ownerEpoch() {
        return ownerEpoch;
    }
}
